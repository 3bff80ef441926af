"""Template helpers of the public site."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from claims.web.safe_markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """`{{ organization.methodology|markdown }}`: Markdown as sanitised HTML."""
    return render_markdown(text or "")
