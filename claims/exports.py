"""CSV export of claims with their figures, findings, verdict and sources (issue 14).

One row a claim, read in chunks of a server-side cursor with each chunk's relations prefetched,
and written a buffer at a time, so that memory stays the same for ten claims or a million.
The admin (claims/admin/claims.py) and the API (claims/api/views/claims.py) hand a filtered
queryset to `claims_csv` and stream what it yields.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterable, Iterator, Sequence

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from claims.checks.units import symbol
from claims.extraction.lexicon.units import SI_TARGET
from claims.models import CheckResult, Claim, ClaimState, Quantity, Source, Verdict

# Claims read per round trip: each chunk costs one fetch and one query per relation, and its
# model instances are what the export holds in memory. Measured by bench/export.py on 100,000
# claims: 500 a chunk peak at 121 MB of RSS (as for 5,000 claims), 2,000 at 149 MB.
CHUNK_SIZE = 500
# Lines gathered before a write: one socket write per 64 KB, not one per row.
BUFFER_BYTES = 64 * 1024
# Between the parts of a cell that holds several (figures, findings, sources): rare in prose.
JOIN = " | "
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

VERDICT_HEADER = ("rating", "rating_value", "rationale", "published_on")
HEADER = (
    "article_id",
    "article_title",
    "article_url",
    "article_publisher",
    "article_dateline",
    "claim_id",
    "state",
    "claim",
    "sentence",
    "kind",
    "figures",
    "findings",
    *VERDICT_HEADER,
    "sources",
    "public_url",
)
CLAIM_COLUMNS = ("state", "text", "sentence", "kind")
ARTICLE_COLUMNS = ("title", "url", "publisher", "dateline")


def claims_for_export(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """`queryset` in its own order and with its own filters, reading only the exported columns
    (never an article's texts) and prefetching what a row shows; the caller's select_related
    and prefetches are dropped, as they would load what the CSV does not show."""
    return (
        queryset.select_related(None)
        .prefetch_related(None)
        .select_related("article")
        .only(*CLAIM_COLUMNS, "article_id", *(f"article__{f}" for f in ARTICLE_COLUMNS))
        .prefetch_related(
            Prefetch("quantities", queryset=Quantity.objects.order_by("start", "id")),
            Prefetch(
                "check_results",
                queryset=CheckResult.objects.only(
                    "claim_id", "check_name", "outcome", "expected"
                ).order_by("start", "id"),
            ),
            Prefetch(
                "verdicts",
                queryset=Verdict.objects.filter(is_current=True),
                to_attr="current_verdicts",
            ),
            Prefetch(
                "sources",
                queryset=Source.objects.only("claim_id", "title", "url").order_by(
                    "created_at", "id"
                ),
            ),
        )
    )


def claim_rows(
    queryset: QuerySet[Claim],
    *,
    absolute_url: Callable[[str], str] = str,
    chunk_size: int | None = None,
) -> Iterator[list[str]]:
    """The header, then one row of cells a claim; `absolute_url` turns the public page's path
    into an address (request.build_absolute_uri), or leaves it a path. `chunk_size` defaults
    to CHUNK_SIZE as it is when the rows are read (bench/export.py sets it)."""
    yield list(HEADER)
    claims = claims_for_export(queryset).iterator(chunk_size=chunk_size or CHUNK_SIZE)
    for claim in claims:
        yield [formula_safe(cell) for cell in _claim_cells(claim, absolute_url)]


def claims_csv(
    queryset: QuerySet[Claim],
    *,
    absolute_url: Callable[[str], str] = str,
    chunk_size: int | None = None,
) -> Iterator[bytes]:
    """The CSV file of `claim_rows`, in pieces of about BUFFER_BYTES, as UTF-8 with a BOM."""
    return csv_chunks(claim_rows(queryset, absolute_url=absolute_url, chunk_size=chunk_size))


class _Echo:
    """A file whose write hands the text back: csv.writer's writerow then returns the line."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(rows: Iterable[Sequence[str]]) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark: without it Excel reads the file as the PC's code page and
    mangles "km²", dashes and every non-Latin name; LibreOffice, Numbers and Python's
    "utf-8-sig" read it either way."""
    writer = csv.writer(_Echo())
    buffer: list[str] = []
    size = 0
    yield codecs.BOM_UTF8
    for row in rows:
        line = writer.writerow(row)
        buffer.append(line)
        size += len(line)
        if size >= BUFFER_BYTES:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


def formula_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading '."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def verdict_cells(verdict: Verdict | None) -> list[str]:
    """Rating name, ClaimReview ratingValue, rationale and publication day (VERDICT_HEADER) of
    the claim's current verdict: the one place that knows how a verdict holds its rating."""
    if verdict is None:
        return ["", "", "", ""]
    published = verdict.published_at
    # The label's name and number as they were when the verdict was proposed (its snapshot),
    # as the public page and ClaimReview show them; a textual rating has no number.
    value = verdict.rating_value
    return [
        verdict.rating_name,
        "" if value is None else str(value),
        verdict.rationale,
        timezone.localdate(published).isoformat() if published else "",
    ]


def _claim_cells(claim: Claim, absolute_url: Callable[[str], str]) -> list[str]:
    article = claim.article
    verdicts: list[Verdict] = getattr(claim, "current_verdicts", [])
    verdict = verdicts[0] if verdicts else None
    return [
        str(article.pk),
        article.title,
        article.url,
        article.publisher,
        article.dateline.isoformat() if article.dateline else "",
        str(claim.pk),
        claim.state,
        claim.text,
        claim.sentence,
        claim.kind,
        JOIN.join(_figure(q) for q in claim.quantities.all()),
        JOIN.join(_finding(r) for r in claim.check_results.all()),
        *verdict_cells(verdict),
        JOIN.join(_source(s) for s in claim.sources.all()),
        _public_url(claim, verdict, absolute_url),
    ]


def _number(value: float) -> str:
    """Up to twelve significant figures, thousands separated: 310,798,573.24."""
    return format(value, ",.12g")


def _span(low: float, high: float | None) -> str:
    return _number(low) if high is None else f"{_number(low)}–{_number(high)}"


def _figure(quantity: Quantity) -> str:
    """'120 sq mi (exact) = 310,798,573.24 m²': as stated, its qualifier, then in SI units."""
    unit = "%" if quantity.kind == "percentage" else symbol(quantity.unit)
    stated = f"{_span(quantity.value, quantity.value_high)} {unit}".strip()
    text = f"{stated} ({quantity.qualifier.replace('_', ' ')})"
    if quantity.kind in SI_TARGET:  # counts, money and percentages are their own SI value
        si_value = _span(quantity.si_value, quantity.si_value_high)
        text += f" = {si_value} {symbol(SI_TARGET[quantity.kind])}"
    return text


def _finding(result: CheckResult) -> str:
    """'conversion: inconsistent (expected 3,088.8 sq mi)'."""
    text = f"{result.check_name}: {result.outcome}"
    return f"{text} (expected {result.expected})" if result.expected else text


def _source(source: Source) -> str:
    return f"{source.title} <{source.url}>" if source.url else source.title


def _public_url(claim: Claim, verdict: Verdict | None, absolute_url: Callable[[str], str]) -> str:
    # The public page answers only while the claim is published with a published verdict.
    if claim.state != ClaimState.PUBLISHED or verdict is None or verdict.published_at is None:
        return ""
    return absolute_url(reverse("web:public_check", args=[claim.pk]))
