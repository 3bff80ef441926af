"""What the OpenAPI schema says besides what drf-spectacular reads from the views.

- Every operation lists the errors it can answer, each in the API's one error shape: 401 and
  429 everywhere; 400 where there is input; 403 where a role or a token's scope is checked;
  404 on an address with an id and on a list's cursor; 413 and 415 on a body; 412 and 428 on
  every write, so a write that starts to require If-Match is already described.
- Strings the API takes may not hold a NUL character (PostgreSQL cannot store one), and the
  claims filters carry the bounds their form fields enforce.
"""

from __future__ import annotations

from math import inf
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.views import SpectacularAPIView

WRITE_METHODS = {"post", "put", "patch", "delete"}
BODY_METHODS = {"post", "put", "patch"}
NO_NUL = "^[^\\u0000]*$"
# Read leniently by the API (an unknown value is ignored, a bad cursor is a 404), so any
# string is a valid value for them.
LENIENT_PARAMETERS = {"ordering", "cursor"}

ERRORS = {
    400: "The input is invalid; `message` says what to fix and `fields` where.",
    401: "No valid credentials: send `Authorization: Bearer <token>`.",
    403: "Your role or token may not do this.",
    404: "Nothing is at this address (or the cursor is not one we gave out).",
    412: "The If-Match ETag is stale: read the resource again and retry.",
    413: "The request body is over the limit.",
    415: "The body is not JSON: send `Content-Type: application/json`.",
    428: "This write needs the ETag you last read, in an If-Match header.",
    429: "Over the request budget; retry after the `Retry-After` seconds.",
}


def error_statuses(path: str, method: str, operation: dict[str, Any]) -> set[int]:
    public = {} in operation.get("security", [])
    statuses = {401, 429} if public else {401, 403, 429}
    if operation.get("parameters") or "requestBody" in operation:
        statuses.add(400)
    if "{" in path or any(p["name"] == "cursor" for p in operation.get("parameters", [])):
        statuses.add(404)
    if method in BODY_METHODS:
        statuses |= {400, 413, 415}
    if method in WRITE_METHODS:
        statuses |= {412, 428}
    return statuses


def _error_response(status: int) -> dict[str, Any]:
    return {
        "description": ERRORS[status],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _forbid_nul(schema: dict[str, Any]) -> None:
    """Every plain string in a request schema, however deep, refuses NUL."""
    if schema.get("type") == "string" and not {"format", "enum", "pattern"} & schema.keys():
        schema["pattern"] = NO_NUL
    for sub in schema.get("properties", {}).values():
        _forbid_nul(sub)
    if isinstance(schema.get("items"), dict):
        _forbid_nul(schema["items"])


def _describe_parameter(parameter: dict[str, Any]) -> None:
    schema = parameter.setdefault("schema", {})
    if parameter["in"] == "query":
        # django-filter and DRF read an empty value as no value: `?state=` filters nothing.
        parameter["allowEmptyValue"] = True
        if parameter["name"] == "page_size":
            schema.update(minimum=1)
    if parameter["name"] not in LENIENT_PARAMETERS:
        _forbid_nul(schema)


def add_error_responses(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """A drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS)."""
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in sorted(error_statuses(path, method, operation)):
                responses.setdefault(str(status), _error_response(status))
            for parameter in operation.get("parameters", []):
                _describe_parameter(parameter)
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _forbid_nul(schema)
    return result


class BoundedDjangoFilterExtension(DjangoFilterExtension):
    """django-filter's parameters, with the min and max their form fields enforce."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        bounds: dict[str, Any] = {}
        for validator in filter_field.field.validators:
            # django-filter's NumberFilter adds a maximum of 1e50 of its own: the tighter wins.
            if isinstance(validator, MinValueValidator):
                bounds["minimum"] = max(bounds.get("minimum", -inf), validator.limit_value)
            elif isinstance(validator, MaxValueValidator):
                bounds["maximum"] = min(bounds.get("maximum", inf), validator.limit_value)
        for parameter in parameters:
            if parameter.get("schema", {}).get("type") in ("integer", "number"):
                parameter["schema"].update(bounds)
        return parameters


class SchemaView(SpectacularAPIView):
    """The schema as JSON unless YAML is asked for (`?format=yaml` or its Accept type).

    drf-spectacular answers YAML first, as application/vnd.oai.openapi, which a browser
    downloads as a file; plain application/json, first, a browser shows.
    """

    renderer_classes = [
        OpenApiJsonRenderer2,
        OpenApiJsonRenderer,
        OpenApiYamlRenderer,
        OpenApiYamlRenderer2,
    ]
