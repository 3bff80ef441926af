"""A file streamed to the browser or a script as it is written (the admin's and the API's CSV)."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

CSV_TYPE = "text/csv; charset=utf-8"


def csv_download(chunks: Iterable[bytes], *, name: str) -> StreamingHttpResponse:
    """An attachment named `name-YYYY-MM-DD.csv` (the newsroom's day), sent as `chunks` come.

    Never cached: the file is a snapshot of internal work, and each download reads it afresh.
    """
    response = StreamingHttpResponse(chunks, content_type=CSV_TYPE)
    filename = f"{name}-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)
    return response
