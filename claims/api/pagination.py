from rest_framework.pagination import CursorPagination


class NewestFirstCursorPagination(CursorPagination):
    """Cursor pages: stable under inserts and constant-time however deep the page."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200
