"""Running the extractor and the machine checks on an article and storing what they say.

The slow part (extraction, checks) runs outside any transaction; the result is written in one
transaction, and only by the worker that holds the article's `running` claim, so a task run
twice or redelivered after a crash writes once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.checks import Finding, check_text
from claims.extraction import Quantity, extract_quantities
from claims.extraction.version import EXTRACTOR_VERSION
from claims.models import Article, CheckResult, Claim, ExtractionState
from claims.models import Quantity as StoredQuantity

log = logging.getLogger(__name__)

_SEVERITY = {"inconsistent": 3, "unverifiable": 2, "consistent": 1, "": 0}
_KIND_OF_CHECK = {"date_arithmetic": "duration", "geography": "length"}


@dataclass
class DraftClaim:
    """A claim as the machine sees it, before it is matched to what is stored."""

    start: int
    end: int
    sentence: tuple[int, int]
    kind: str
    check_worthiness: float
    quantities: list[Quantity] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def article_mark_running(*, article_id: int) -> Article | None:
    """Take the article for extraction; None when it is gone or already extracted."""
    now = timezone.now()
    claimed = (
        Article.objects.filter(pk=article_id)
        .exclude(extraction_state=ExtractionState.DONE, extractor_version=EXTRACTOR_VERSION)
        .update(
            extraction_state=ExtractionState.RUNNING,
            extraction_started_at=now,
            extraction_error="",
            extraction_attempts=F("extraction_attempts") + 1,
        )
    )
    if not claimed:
        return None
    return Article.objects.get(pk=article_id)


def article_extract(*, article_id: int) -> Article | None:
    """Extract, check and store; idempotent for the same text and extractor version."""
    article = article_mark_running(article_id=article_id)
    if article is None:
        return None
    drafts = draft_claims(article.text, reference_date=article.dateline)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article_id)
        _store_drafts(locked, drafts)
        locked.extraction_state = ExtractionState.DONE
        locked.extractor_version = EXTRACTOR_VERSION
        locked.extraction_finished_at = timezone.now()
        locked.save(
            update_fields=[
                "extraction_state",
                "extractor_version",
                "extraction_finished_at",
                "updated_at",
            ]
        )
    log.info("article %s extracted: %d claims", article_id, len(drafts))
    return locked


def article_fail(*, article_id: int, reason: str) -> None:
    Article.objects.filter(pk=article_id).update(
        extraction_state=ExtractionState.FAILED,
        extraction_error=reason[:2000],
        extraction_finished_at=timezone.now(),
    )


def draft_claims(text: str, *, reference_date=None) -> list[DraftClaim]:
    """Group quantities into claims (a figure and its conversion make one) and attach findings."""
    quantities = extract_quantities(text, reference_date=reference_date)
    findings = check_text(text, reference_date=reference_date)
    drafts = _group_quantities(quantities, findings)
    for finding in findings:
        owner = next((d for d in drafts if _overlaps(d, finding)), None)
        if owner is None:
            owner = DraftClaim(
                finding.start,
                finding.end,
                (finding.start, finding.end),
                _KIND_OF_CHECK.get(finding.check, "count"),
                0.5,
            )
            drafts.append(owner)
        owner.findings.append(finding)
    return sorted(drafts, key=lambda d: (d.start, d.end))


def _group_quantities(
    quantities: Sequence[Quantity], findings: Sequence[Finding]
) -> list[DraftClaim]:
    conversions = [f for f in findings if f.check == "conversion"]
    drafts: list[DraftClaim] = []
    for q in quantities:
        pair = next((f for f in conversions if f.start <= q.start and q.end <= f.end), None)
        last = drafts[-1] if drafts else None
        if pair and last and last.quantities and pair.start <= last.start and last.end <= pair.end:
            last.quantities.append(q)
            last.end = max(last.end, q.end)
            last.sentence = (
                min(last.sentence[0], q.sentence[0]),
                max(last.sentence[1], q.sentence[1]),
            )
            last.check_worthiness = max(last.check_worthiness, q.check_worthiness)
            continue
        drafts.append(DraftClaim(q.start, q.end, q.sentence, q.kind, q.check_worthiness, [q]))
    return drafts


def _overlaps(draft: DraftClaim, finding: Finding) -> bool:
    return draft.start < finding.end and finding.start < draft.end


def _store_drafts(article: Article, drafts: Sequence[DraftClaim]) -> None:
    """Match drafts to stored claims by span; keep every claim an editor has worked on."""
    stored = {(c.start, c.end): c for c in article.claims.filter(detached=False)}
    seen: set[int] = set()
    for draft in drafts:
        claim = stored.get((draft.start, draft.end))
        if claim is None:
            claim = _new_claim(article, draft)
        else:
            seen.add(claim.pk)
            claim.check_worthiness = _unit(draft.check_worthiness)
            claim.kind = draft.kind
            claim.quantities.all().delete()
            claim.check_results.filter(source__isnull=True).delete()
        claim.worst_outcome = max(
            (f.outcome for f in draft.findings), key=_SEVERITY.get, default=""
        )
        claim.save()
        _store_children(claim, draft)
    _retire(article, [c for c in stored.values() if c.pk not in seen])


def _new_claim(article: Article, draft: DraftClaim) -> Claim:
    text = article.text
    sentence_start = min(draft.sentence[0], draft.start)
    sentence_end = max(draft.sentence[1], draft.end)
    return Claim(
        article=article,
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end][:500],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        sentence=text[sentence_start:sentence_end],
        kind=draft.kind,
        check_worthiness=_unit(draft.check_worthiness),
    )


def _store_children(claim: Claim, draft: DraftClaim) -> None:
    StoredQuantity.objects.bulk_create(
        StoredQuantity(
            claim=claim,
            start=q.start,
            end=q.end,
            text=q.text[:300],
            value=q.value,
            value_high=q.value_high,
            unit=q.unit,
            kind=q.kind,
            si_value=q.si_value,
            si_value_high=q.si_value_high,
            qualifier=q.qualifier,
            step=q.step,
        )
        for q in draft.quantities
    )
    CheckResult.objects.bulk_create(
        CheckResult(
            claim=claim,
            check_name=f.check,
            outcome=f.outcome,
            start=f.start,
            end=f.end,
            expected=f.expected[:300],
            explanation=f.explanation,
        )
        for f in draft.findings
    )


def _retire(article: Article, claims: Sequence[Claim]) -> None:
    """Claims the new extraction no longer finds: deleted if untouched, else kept and flagged."""
    if not claims:
        return
    ids = [c.pk for c in claims]
    worked_on = Q(assignee__isnull=False) | Q(sources__isnull=False) | Q(verdicts__isnull=False)
    touched = set(
        Claim.objects.filter(pk__in=ids)
        .filter(worked_on | ~Q(state="new"))
        .values_list("pk", flat=True)
    )
    Claim.objects.filter(pk__in=touched).update(detached=True)
    Claim.objects.filter(pk__in=set(ids) - touched).delete()


def _unit(x: float) -> float:
    return min(1.0, max(0.0, float(x)))
