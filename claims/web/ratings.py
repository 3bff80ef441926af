"""The colours of the rating labels, as a stylesheet of our own origin.

The Content Security Policy allows styles only from files (claims/http/security.py), so a
colour a newsroom picks for a label cannot be an inline style: each colour in use becomes a
class (`rating-colour-1a7f37`) here, with a dark or light ink that reads on it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from claims.models import RatingLabel, Verdict

# Relative luminance (WCAG 2) above which dark ink reads better than white on the colour.
LIGHT_ENOUGH = 0.179


def colour_class(colour: str) -> str:
    return f"rating-colour-{colour.removeprefix('#')}"


def _luminance(colour: str) -> float:
    def linear(channel: str) -> float:
        c = int(channel, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def stylesheet() -> str:
    """One rule per colour of a label or of a verdict (which keeps the colour it was given)."""
    colours = set(RatingLabel.objects.values_list("colour", flat=True))
    colours |= set(Verdict.objects.order_by().values_list("rating_colour", flat=True).distinct())
    rules = []
    for colour in sorted(c for c in colours if len(c) == 7):
        ink = "#1f2328" if _luminance(colour) > LIGHT_ENOUGH else "#ffffff"
        rules.append(f".{colour_class(colour)}{{--rating-colour:{colour};--rating-ink:{ink}}}")
    return "\n".join(rules) + "\n"


@require_GET
@cache_control(public=True, max_age=300)
def rating_styles(request: HttpRequest) -> HttpResponse:
    return HttpResponse(stylesheet(), content_type="text/css; charset=utf-8")
