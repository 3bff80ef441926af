"""The organisation's Markdown is rendered through an allowlist: nothing runs."""

from __future__ import annotations

from claims.web.safe_markdown import render_markdown


def test_headings_lists_links_and_emphasis_survive():
    html = render_markdown(
        "## How we work\n\n- one *two* **three**\n- [GeoNames](https://www.geonames.org/)\n\n"
        "Write to [us](mailto:desk@example.org)."
    )
    assert "<h2>How we work</h2>" in html
    assert "<li>one <em>two</em> <strong>three</strong></li>" in html
    assert '<a href="https://www.geonames.org/" rel="noopener noreferrer">GeoNames</a>' in html
    assert 'href="mailto:desk@example.org"' in html


def test_script_elements_are_removed_with_their_content():
    html = render_markdown("Hello <script>alert(1)</script> world")
    assert "<script" not in html and "alert(1)" not in html
    assert "Hello" in html and "world" in html


def test_javascript_links_lose_their_address():
    html = render_markdown('[click](javascript:alert(1)) <a href="javascript:alert(2)">x</a>')
    assert "javascript:" not in html
    assert "click" in html


def test_event_handlers_are_dropped():
    html = render_markdown('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">text</p>')
    assert "onerror" not in html and "onclick" not in html and "alert" not in html
    assert "<img" not in html  # no images: our CSP would block a foreign one anyway
    assert "text" in html


def test_raw_html_is_neutralised():
    html = render_markdown(
        '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>'
        '<form action="https://evil.example"><input name="p"></form><div style="x">kept</div>'
    )
    for tag in ("<iframe", "<style", "<form", "<input", "<div", "style="):
        assert tag not in html, tag
    assert "kept" in html


def test_a_data_url_is_not_a_link():
    html = render_markdown("[x](data:text/html;base64,PHNjcmlwdD4=)")
    assert "data:" not in html
