"""A verdict's rating as a badge in its label's colour (the classes of claims/web/ratings.py)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from claims.models import Verdict
from claims.web.ratings import colour_class

register = template.Library()


@register.simple_tag
def rating_badge(verdict: Verdict, numbered: bool = True) -> SafeString:
    """The label, and its number out of 5 when it has one and `numbered` is asked."""
    number = (
        format_html(' <span class="rating-number">({}/5)</span>', verdict.rating_value)
        if numbered and verdict.rating_value is not None
        else ""
    )
    return format_html(
        '<strong class="rating rating-badge {}">{}</strong>{}',
        colour_class(verdict.rating_colour),
        verdict.rating_name,
        number,
    )
