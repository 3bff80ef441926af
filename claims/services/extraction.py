"""Running the extractor and the machine checks on an article and storing what they say.

The slow part (extraction, checks) runs outside any transaction; the result is written in one
transaction, and only by the worker that holds the article's `running` claim, so a task run
twice or redelivered after a crash writes once.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.checks import Finding, check_text
from claims.checks.finding import worst_outcome
from claims.extraction import Quantity, extract_quantities
from claims.extraction.version import EXTRACTOR_VERSION
from claims.models import Article, CheckResult, Claim, ClaimState, ExtractionState
from claims.models import Quantity as StoredQuantity

log = logging.getLogger(__name__)

_KIND_OF_CHECK = {"date_arithmetic": "duration", "geography": "length"}


@dataclass(slots=True)
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
    """Take the article for extraction with a conditional UPDATE, so two workers never both do.

    A worker takes an article that is queued, or one left running for longer than the hard
    time limit (its worker died). One started EXTRACTION_MAX_ATTEMPTS times without finishing
    is failed instead, so an article that kills its worker cannot loop for ever. None: not
    ours to extract (gone, done, running elsewhere, or just failed).
    """
    now = timezone.now()
    abandoned = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    takeable = Article.objects.filter(pk=article_id).filter(
        Q(extraction_state=ExtractionState.QUEUED)
        | Q(extraction_state=ExtractionState.RUNNING, extraction_started_at__lt=abandoned)
    )
    limit = settings.EXTRACTION_MAX_ATTEMPTS
    if takeable.filter(extraction_attempts__gte=limit).update(
        extraction_state=ExtractionState.FAILED,
        extraction_finished_at=now,
        extraction_error=f"gave up after {limit} attempts that did not finish",
    ):
        return None
    claimed = takeable.update(
        extraction_state=ExtractionState.RUNNING,
        extraction_started_at=now,
        extraction_error="",
        extraction_attempts=F("extraction_attempts") + 1,
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
        # Not the texts again: a long article's are megabytes, and the drafts' spans refer to
        # the text they were read from, which never changes.
        locked = Article.objects.select_for_update().defer("raw", "text").get(pk=article_id)
        _store_drafts(locked, drafts, article.text)
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


def draft_claims(text: str, *, reference_date: date | None = None) -> list[DraftClaim]:
    """Group quantities into claims (a figure and its conversion make one) and attach findings."""
    quantities = extract_quantities(text, reference_date=reference_date)
    findings = check_text(text, reference_date=reference_date, quantities=quantities)
    conversions = [f for f in findings if f.check == "conversion"]
    drafts = _group_quantities(quantities, conversions)
    starts = [d.start for d in drafts]
    orphans: list[DraftClaim] = []
    for finding in findings:
        owner = _overlapping(drafts, starts, finding.start, finding.end)
        if owner is None:
            # A finding about words the extractor has no quantity for ("five days after"
            # read as a date offset): it still deserves a claim an editor can open.
            owner = DraftClaim(
                finding.start,
                finding.end,
                _sentence_of(drafts, finding),
                _KIND_OF_CHECK.get(finding.check, "count"),
                0.5,
            )
            orphans.append(owner)
        owner.findings.append(finding)
    return sorted(drafts + orphans, key=lambda d: (d.start, d.end))


def _group_quantities(
    quantities: Sequence[Quantity], conversions: Sequence[Finding]
) -> list[DraftClaim]:
    """One claim per quantity, except that a conversion finding's quantities make one claim
    spanning the finding ("8,000 square kilometers (3,088 square miles)")."""
    spans = sorted((f.start, f.end) for f in conversions)
    drafts: list[DraftClaim] = []
    pairs: list[tuple[int, int] | None] = []
    for q in quantities:
        pair = _enclosing(spans, q.start, q.end)
        if pair is not None and pairs and pairs[-1] == pair:
            last = drafts[-1]
            last.quantities.append(q)
            last.sentence = (
                min(last.sentence[0], q.sentence[0]),
                max(last.sentence[1], q.sentence[1]),
            )
            last.check_worthiness = max(last.check_worthiness, q.check_worthiness)
            continue
        start, end = pair or (q.start, q.end)
        drafts.append(DraftClaim(start, end, q.sentence, q.kind, q.check_worthiness, [q]))
        pairs.append(pair)
    return drafts


def _enclosing(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    i = bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return None


def _overlapping(
    drafts: Sequence[DraftClaim], starts: Sequence[int], start: int, end: int
) -> DraftClaim | None:
    upto = bisect_left(starts, end)
    for draft in reversed(drafts[max(0, upto - 8) : upto]):
        if draft.end > start:
            return draft
    return None


def _sentence_of(drafts: Sequence[DraftClaim], finding: Finding) -> tuple[int, int]:
    for draft in drafts:
        if draft.sentence[0] <= finding.start and finding.end <= draft.sentence[1]:
            return draft.sentence
    return (finding.start, finding.end)


_CLAIM_FIELDS = (
    "start",
    "end",
    "text",
    "sentence_start",
    "sentence_end",
    "sentence",
    "kind",
    "check_worthiness",
    "worst_outcome",
    "updated_at",
)


# Rows per INSERT and per batch of claims: a long article has tens of thousands of claims, and
# only one batch's model instances (and copies of sentences) are alive at a time.
STORE_BATCH = 500


def _store_drafts(article: Article, drafts: Sequence[DraftClaim], text: str) -> None:
    """Match each draft to its predecessor; keep every claim an editor has worked on.

    Bulk statements, a batch at a time: a long article has tens of thousands of claims, and a
    worker holds one batch of rows, not the article's.
    """
    # Locked, as every review service locks a claim before it writes: an editor's source
    # added meanwhile waits for us, and we see it before deciding what is untouched. Only
    # what matching needs is loaded (not each claim's sentence).
    stored = list(
        article.claims.select_for_update()
        .filter(detached=False)
        .only("id", "article_id", "start", "end", "kind")
    )
    successors = _match(stored, drafts)
    kept = {claim.pk for claim in successors.values()}
    # Retire first, so that a successor may take over a retired claim's span; refresh every
    # successor before creating any claim, so that a new claim may take a successor's old span.
    _retire([c for c in stored if c.pk not in kept])
    del stored, kept
    refreshed = [(draft, successors[id(draft)]) for draft in drafts if id(draft) in successors]
    for at in range(0, len(refreshed), STORE_BATCH):
        _refresh_claims(article, text, refreshed[at : at + STORE_BATCH])
    for at in range(0, len(drafts), STORE_BATCH):
        batch = drafts[at : at + STORE_BATCH]
        claims = [successors.get(id(d)) or _new_claim(article, text, d) for d in batch]
        Claim.objects.bulk_create([c for c in claims if c.pk is None], batch_size=STORE_BATCH)
        _store_children(claims, batch)


def _refresh_claims(article: Article, text: str, pairs: Sequence[tuple[DraftClaim, Claim]]) -> None:
    """Successors take their draft's span, sentence and findings, and their machine rows are
    written afresh; the findings of their sources still count towards their worst outcome."""
    now = timezone.now()
    claims = []
    for draft, old in pairs:
        fresh = _new_claim(article, text, draft)
        for name in _CLAIM_FIELDS[:-1]:
            setattr(old, name, getattr(fresh, name))
        old.updated_at = now
        claims.append(old)
    StoredQuantity.objects.filter(claim__in=claims).delete()
    CheckResult.objects.filter(claim__in=claims, source__isnull=True).delete()
    outcomes: dict[int, list[str]] = {}
    for claim_id, outcome in CheckResult.objects.filter(claim__in=claims).values_list(
        "claim_id", "outcome"
    ):
        outcomes.setdefault(claim_id, []).append(outcome)  # a source's reference finding
    for claim in claims:
        if claim.pk in outcomes:
            claim.worst_outcome = worst_outcome(
                filter(None, [claim.worst_outcome, *outcomes[claim.pk]])
            )
    Claim.objects.bulk_update(claims, _CLAIM_FIELDS, batch_size=STORE_BATCH)


def _match(stored: Sequence[Claim], drafts: Sequence[DraftClaim]) -> dict[int, Claim]:
    """A stored claim's successor is the draft of the same kind whose span overlaps it most.

    The same span is the usual case; a new extractor version may widen or narrow a span
    ("30 miles" → "some 30 miles"), and the editor's work must follow the claim there.
    """
    by_kind: dict[str, list[Claim]] = {}
    for claim in sorted(stored, key=lambda c: (c.start, c.end)):
        by_kind.setdefault(claim.kind, []).append(claim)
    starts = {kind: [c.start for c in claims] for kind, claims in by_kind.items()}
    taken: set[int] = set()
    successors: dict[int, Claim] = {}
    for draft in drafts:
        candidates = by_kind.get(draft.kind, [])
        # Claims that start before the draft ends; only the last few can still overlap it.
        upto = bisect_left(starts.get(draft.kind, []), draft.end)
        best, best_overlap = None, 0
        for claim in candidates[max(0, upto - 8) : upto]:
            overlap = min(claim.end, draft.end) - max(claim.start, draft.start)
            if claim.pk not in taken and overlap > best_overlap:
                best, best_overlap = claim, overlap
        if best is not None:
            taken.add(best.pk)
            successors[id(draft)] = best
    return successors


def _new_claim(article: Article, text: str, draft: DraftClaim) -> Claim:
    worst = worst_outcome(f.outcome for f in draft.findings)
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
        worst_outcome=worst,
    )


def _store_children(claims: Sequence[Claim], drafts: Sequence[DraftClaim]) -> None:
    """The quantities and findings of one batch of claims (already stored)."""
    StoredQuantity.objects.bulk_create(
        [
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
            for claim, draft in zip(claims, drafts, strict=True)
            for q in draft.quantities
        ],
        batch_size=STORE_BATCH,
    )
    CheckResult.objects.bulk_create(
        [
            CheckResult.from_finding(f, claim_id=claim.pk)
            for claim, draft in zip(claims, drafts, strict=True)
            for f in draft.findings
        ],
        batch_size=STORE_BATCH,
    )


def _retire(claims: Sequence[Claim]) -> None:
    """Claims the new extraction no longer finds: deleted if untouched, else kept and flagged."""
    if not claims:
        return
    ids = {c.pk for c in claims}
    worked_on = (
        Q(assignee__isnull=False)
        | Q(sources__isnull=False)
        | Q(verdicts__isnull=False)
        | ~Q(state=ClaimState.NEW)
    )
    touched = set(Claim.objects.filter(pk__in=ids).filter(worked_on).values_list("pk", flat=True))
    Claim.objects.filter(pk__in=touched).update(detached=True)
    Claim.objects.filter(pk__in=ids - touched).delete()


def articles_requeue_extraction(*, article_ids: Iterable[int]) -> int:
    """Run extraction again for these articles (after an extractor upgrade, or on request)."""
    with transaction.atomic():
        # Articles being extracted right now are left to finish, and not enqueued twice.
        waiting = (
            Article.objects.select_for_update()
            .filter(pk__in=list(article_ids))
            .exclude(extraction_state=ExtractionState.RUNNING)
        )
        ids = list(waiting.values_list("pk", flat=True))
        Article.objects.filter(pk__in=ids).update(
            extraction_state=ExtractionState.QUEUED,
            extraction_queued_at=timezone.now(),
            extraction_error="",
            extraction_attempts=0,
        )
        transaction.on_commit(lambda: enqueue_extraction(ids))
    return len(ids)


def articles_requeue_stalled(*, stall_seconds: int, max_attempts: int) -> int:
    """The database is the truth: enqueue again what a lost message or a dead worker left.

    An article that has already been tried `max_attempts` times is failed instead, so one
    that kills its worker every time cannot loop for ever.
    """
    cutoff = timezone.now() - timedelta(seconds=stall_seconds)
    stalled = Article.objects.filter(
        Q(extraction_state=ExtractionState.QUEUED, extraction_queued_at__lt=cutoff)
        | Q(extraction_state=ExtractionState.RUNNING, extraction_started_at__lt=cutoff)
    )
    stalled.filter(extraction_attempts__gte=max_attempts).update(
        extraction_state=ExtractionState.FAILED,
        extraction_finished_at=timezone.now(),
        extraction_error=f"gave up after {max_attempts} attempts that did not finish",
    )
    ids = list(
        stalled.filter(extraction_attempts__lt=max_attempts).values_list("pk", flat=True)[:1000]
    )
    Article.objects.filter(pk__in=ids).update(
        extraction_state=ExtractionState.QUEUED, extraction_queued_at=timezone.now()
    )
    enqueue_extraction(ids)
    return len(ids)


def enqueue_extraction(article_ids: Iterable[int]) -> None:
    from claims.tasks import extract_article  # tasks import services: import here, not above

    for article_id in article_ids:
        extract_article.delay(article_id)


def _unit(x: float) -> float:
    return min(1.0, max(0.0, float(x)))
