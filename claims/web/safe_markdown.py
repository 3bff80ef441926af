"""Markdown written by admins (the methodology, the corrections policy), rendered safely.

Python-Markdown turns the text into HTML, raw HTML included; nh3 (ammonia, in Rust) then keeps
only the tags and attributes of an allowlist and links to http, https and mailto addresses.
So a `<script>`, an `onerror=` or a `javascript:` link never reaches the page, whoever wrote it.
"""

from __future__ import annotations

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
# No h1: the page's own title is its only h1. No img: the CSP allows only our own images.
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["extra", "sane_lists"]


def render_markdown(text: str) -> SafeString:
    """HTML for `text`, safe to put in a page as it is."""
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        # Links to elsewhere carry rel="noopener noreferrer" (nh3 sets it on every <a>).
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 (sanitised by nh3 just above)
