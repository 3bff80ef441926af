"""Turning what arrives (bytes of a file, pasted text, HTML) into a document to store.

Nothing here touches the database: `services.article_ingest` stores what this returns. Every
refusal is an `IntakeError` whose message says what is wrong and what to do about it.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date

import charset_normalizer
import trafilatura

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Encodings a newsroom's files come in; anything else is refused rather than guessed at.
COMMON_ENCODINGS = ("utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16", "mac_roman")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The seed article's opening line: "date 2022-09-14 By NAME and NAME, PUBLISHER".
_HEADER = re.compile(
    r"[ \t\ufeff]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})[ \t]+By[ \t]+(?P<rest>[^\n]*)"
)
# Only the opening line can be the header; the cap keeps any parsing of it linear and short.
HEADER_LINE_LIMIT = 1000
BYLINE_LIMIT, PUBLISHER_LIMIT = 500, 200
# Titles: a headline is one line of at most this many characters; a title made from the
# first sentence is cut at this many.
HEADLINE_LIMIT, FALLBACK_TITLE_LIMIT, TITLE_LIMIT = 150, 120, 500
_SENTENCE_ENDS = (".", ",", ";", ":", "…")
_BYLINE = re.compile(r"by\s", re.I)
# A line that stops on one of these goes on in the next: a wrapped paragraph, not a headline.
_JOINING_WORDS = frozenset(
    "a an the of to in on at by for from with and or but as than that which who".split()  # noqa: SIM905
)
# A sentence ends at . ! or ? followed by a space and a capital or a quote; twenty characters
# at least, so that "Mr. Smith" or "U.S. troops" is not cut short.
_FIRST_SENTENCE = re.compile(r"(.{20,}?[.!?])\s+(?=[A-Z\"“‘'])")
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html|<head|<body|<article|<p[\s>])", re.I)


class IntakeError(ValueError):
    """Input that cannot become an article; the message says why."""


@dataclass(frozen=True)
class Document:
    raw: str
    content_type: str
    text: str
    title: str = ""
    byline: str = ""
    publisher: str = ""
    dateline: date | None = None
    url: str = ""

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def fallback_title(self) -> str:
        """What names the article when nobody and nothing gave it a title."""
        return first_sentence_title(self.text)


def content_hash(text: str) -> str:
    """SHA-256 of the text with its whitespace runs collapsed, so re-wrapped copies match."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def decode_bytes(data: bytes, *, max_bytes: int) -> str:
    """Bytes of an uploaded or fetched file to text, refusing what is not text."""
    if not data.strip():
        raise IntakeError("the file is empty")
    if len(data) > max_bytes:
        raise IntakeError(f"the file is {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf_8_sig"),
        (codecs.BOM_UTF16_LE, "utf_16"),
        (codecs.BOM_UTF16_BE, "utf_16"),
    ):
        if data.startswith(bom):
            return _checked_text(data.decode(encoding))
    if b"\x00" in data:
        raise IntakeError("the file is binary, not text (it contains NUL bytes)")
    # UTF-8, then Windows-1252 (what most non-UTF-8 newsroom files are), then a detector
    # limited to the common encodings, whose guesses on short texts are less sure.
    for encoding in ("utf_8", "cp1252"):
        try:
            return _checked_text(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data, cp_isolation=list(COMMON_ENCODINGS)).best()
    if best is None:
        raise IntakeError("the file is not text in UTF-8 or another common encoding")
    return _checked_text(str(best))


def _checked_text(text: str) -> str:
    if len(_CONTROL.findall(text[:65536])) > 8:
        raise IntakeError("the file is binary, not text (it contains control characters)")
    if not text.strip():
        raise IntakeError("the file is empty")
    return text


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text))


def document_from_text(raw: str) -> Document:
    """Plain text, with the dateline header the seed article opens with if present."""
    if not raw.strip():
        raise IntakeError("the text is empty")
    body, dateline, byline, publisher = raw, None, "", ""
    first_line, _, rest = raw.partition("\n")
    header = None
    if len(first_line) <= HEADER_LINE_LIMIT:
        header = _HEADER.fullmatch(first_line.rstrip("\r"))
    if header:
        dateline = _header_date(header["date"])
        byline, publisher = _byline_and_publisher(header["rest"])
        body = rest
    text = _clean_plain(body)
    if not text:
        raise IntakeError("the text is empty once the dateline line is removed")
    return Document(
        raw=raw,
        content_type="text/plain",
        text=text,
        title=headline_of(text),
        byline=byline,
        publisher=publisher,
        dateline=dateline,
    )


def _header_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise IntakeError(f"the dateline {value!r} is not a real date") from exc


def _byline_and_publisher(rest: str) -> tuple[str, str]:
    """'NAME and NAME, PUBLISHER': the publisher follows the last comma."""
    byline, comma, publisher = rest.strip().rpartition(",")
    if not comma:
        byline, publisher = publisher, ""
    byline, publisher = byline.strip(), publisher.strip()
    if len(byline) > BYLINE_LIMIT:
        raise IntakeError(f"the byline in the dateline line is over {BYLINE_LIMIT} characters")
    if len(publisher) > PUBLISHER_LIMIT:
        raise IntakeError(
            f"the publisher in the dateline line is over {PUBLISHER_LIMIT} characters"
        )
    return byline, publisher


def document_from_html(raw: str, *, url: str = "") -> Document:
    """HTML: main text and metadata by trafilatura; the HTML itself is kept, never rendered."""
    extracted = trafilatura.extract(raw, output_format="json", with_metadata=True, url=url or None)
    data = json.loads(extracted) if extracted else {}
    text = _clean_plain(data.get("text") or "")
    if not text:
        raise IntakeError("no readable article text was found in the HTML")
    return Document(
        raw=raw,
        content_type="text/html",
        text=text,
        # trafilatura's title: the page's og:title, else its heading or <title>.
        title=" ".join((data.get("title") or "").split())[:TITLE_LIMIT] or headline_of(text),
        byline=(data.get("author") or "")[:500],
        publisher=(data.get("source-hostname") or data.get("hostname") or "")[:200],
        dateline=_parse_date(data.get("date")),
        url=url,
    )


def document_from_any(raw: str, *, url: str = "") -> Document:
    return document_from_html(raw, url=url) if looks_like_html(raw) else document_from_text(raw)


def document_from_file(data: bytes, *, filename: str, max_bytes: int) -> Document:
    """An uploaded or local .txt/.html file; HTML is recognised by its name or its opening."""
    text = decode_bytes(data, max_bytes=max_bytes)
    if filename.lower().endswith((".html", ".htm")):
        return document_from_html(text)
    return document_from_any(text)


def _clean_plain(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def headline_of(text: str) -> str:
    """The text's first line when it is a headline, else "".

    A headline is short (at most HEADLINE_LIMIT characters, two words or more), does not end
    as a sentence or a clause does (a period, comma, colon or semicolon), is not a byline, and
    has a body after it: after a blank line, or on the next line when that line starts a new
    sentence and the first does not stop in mid-phrase (so that the first line of a paragraph
    wrapped at a fixed width is not taken for one).
    """
    first, newline, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not newline or not rest.strip() or not _headline_shaped(first):
        return ""
    if rest.startswith("\n"):
        return first
    following = rest.lstrip()
    wrapped = not following[:1].isupper() or _ends_mid_phrase(first)
    return "" if wrapped else first


def _headline_shaped(line: str) -> bool:
    words = line.split()
    return (
        0 < len(line) <= HEADLINE_LIMIT
        and len(words) >= 2
        and not line.endswith(_SENTENCE_ENDS)
        and not line[0].islower()
        and not _BYLINE.match(line)
    )


def _ends_mid_phrase(line: str) -> bool:
    return line.rsplit(None, 1)[-1].lower() in _JOINING_WORDS


def first_sentence_title(text: str, limit: int = FALLBACK_TITLE_LIMIT) -> str:
    """The first sentence of the text, cut at a word with "…" when over `limit`."""
    first = text.strip().split("\n", 1)[0].strip()
    sentence = _FIRST_SENTENCE.match(first)
    if sentence:
        first = sentence.group(1)
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
