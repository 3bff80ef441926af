from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination


class NewestFirstCursorPagination(CursorPagination):
    """Cursor pages: stable under inserts and constant-time however deep the page."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request) -> int | None:
        # DRF falls back to the default on a page size it cannot read; say what is wrong
        # instead. Above the largest page, the largest page is given.
        asked = request.query_params.get(self.page_size_query_param, "")
        if asked and not (asked.isascii() and asked.isdigit() and int(asked) > 0):
            raise ValidationError(
                {"page_size": [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return super().get_page_size(request)
