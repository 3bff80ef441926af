"""/healthz: for the container's health check. Plain HTTP is allowed here (SECURE_REDIRECT_EXEMPT)
because the check runs inside the container, behind any TLS proxy."""

from django.db import connection
from django.http import HttpRequest, HttpResponse


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok\n", content_type="text/plain")
