"""One error format for the whole API:

{"error": {"status": 400, "code": "invalid", "message": "…what to fix…",
           "fields": {"rating": ["…"]}}}
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import (
    ObjectDoesNotExist,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from claims.intake import IntakeError
from claims.workflow import TransitionError


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "stale"
    default_detail = "The resource changed since you read it; fetch it again and retry."


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "The resource as it stands refuses this move."


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"
    default_detail = "The request body is over the limit; send less."


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "precondition_required"
    default_detail = "Send the ETag you last read in an If-Match header."


def _too_large(request) -> PayloadTooLarge:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        size = int(request.META.get("CONTENT_LENGTH") or 0)
    except (AttributeError, ValueError):
        size = 0
    said = f"is {size:,} bytes, over" if size > limit else "is over"
    return PayloadTooLarge(f"The request body {said} the limit of {limit:,} bytes; send less.")


def _translate(exc: Exception, request=None) -> Exception:
    # Django refuses these bodies itself while DRF parses them; left alone they become a bare
    # HTML 400 instead of the API's error.
    if isinstance(exc, RequestDataTooBig):
        return _too_large(request)
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError(f"{exc}; send fewer fields or files.")
    if isinstance(exc, TransitionError):
        return exceptions.PermissionDenied(str(exc), code="transition_refused")
    if isinstance(exc, IntakeError):
        return exceptions.ValidationError({"input": [str(exc)]}, code="unusable_input")
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"input": exc.messages}
        return exceptions.ValidationError(detail)
    if isinstance(exc, ObjectDoesNotExist | Http404):
        return exceptions.NotFound("Nothing was found at this address; check the id.")
    return exc


def _message(detail) -> str:
    if isinstance(detail, dict):
        parts = []
        for field, errors in detail.items():
            text = _message(errors)
            parts.append(text if field in ("non_field_errors", "detail") else f"{field}: {text}")
        return "; ".join(parts)
    if isinstance(detail, list):
        return " ".join(_message(item) for item in detail)
    return str(detail)


def api_exception_handler(exc: Exception, context) -> Response | None:
    exc = _translate(exc, context.get("request"))
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = exc.detail if isinstance(exc, exceptions.APIException) else response.data
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    body = {
        "status": response.status_code,
        "code": codes if isinstance(codes, str) else "invalid",
        "message": _message(detail),
    }
    if isinstance(detail, dict):
        body["fields"] = {
            k: [str(e) for e in (v if isinstance(v, list) else [v])] for k, v in detail.items()
        }
    response.data = {"error": body}
    return response


def json_not_found(request, exception=None):
    """Outside any API view (an address the API does not have), the same error format."""
    from django.http import JsonResponse
    from django.views.defaults import page_not_found

    if not request.path.startswith("/api/"):
        return page_not_found(request, exception)
    body = {
        "status": 404,
        "code": "not_found",
        "message": f"The API has no address {request.path}; see /api/v1/docs/.",
    }
    return JsonResponse({"error": body}, status=404)


def json_server_error(request):
    from django.http import JsonResponse
    from django.views.defaults import server_error

    if not request.path.startswith("/api/"):
        return server_error(request)
    body = {
        "status": 500,
        "code": "server_error",
        "message": "Something went wrong on our side; the error has been logged.",
    }
    return JsonResponse({"error": body}, status=500)
