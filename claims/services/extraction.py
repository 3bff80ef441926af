"""Running the extractor and the machine checks on an article and storing what they say.

The slow part (extraction, checks) runs outside any transaction; the result is written in one
transaction, and only by the worker that holds the article's `running` claim, so a task run
twice or redelivered after a crash writes once.
"""

from __future__ import annotations

import logging
import time
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from kombu.exceptions import ChannelError

from claims.checks import Finding, check_text
from claims.checks.finding import worst_outcome
from claims.extraction import Quantity, extract_quantities
from claims.extraction.rates import is_frequency_denominator, is_rate_denominator
from claims.extraction.version import EXTRACTOR_VERSION
from claims.models import Article, CheckResult, Claim, ClaimState, ExtractionState
from claims.models import Quantity as StoredQuantity
from claims.models.article import EXTRACTION_FIELDS

if TYPE_CHECKING:
    from celery import Task

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


def article_mark_running(*, article_id: int, token: str | None = None) -> Article | None:
    """Take the article for extraction with a conditional UPDATE, so two workers never both do.

    A worker takes an article that is queued, or one left running for longer than the hard
    time limit (its worker died). The run's `token` goes into the row: only the run holding it
    may write the result. A retry of the same run (same token) continues it. One started
    EXTRACTION_MAX_ATTEMPTS times without finishing is failed instead, so an article that kills
    its worker cannot loop for ever. None: not ours to extract (gone, done, running elsewhere,
    or just failed).
    """
    token = token or new_run_token()
    now = timezone.now()
    mine = Article.objects.filter(
        pk=article_id, extraction_state=ExtractionState.RUNNING, extraction_token=token
    )
    if mine.update(extraction_started_at=now):
        return Article.objects.defer("raw", "search_vector").get(pk=article_id)
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
        extraction_token="",
    ):
        return None
    claimed = takeable.update(
        extraction_state=ExtractionState.RUNNING,
        extraction_started_at=now,
        extraction_error="",
        extraction_attempts=F("extraction_attempts") + 1,
        extraction_token=token,
    )
    if not claimed:
        return None
    return Article.objects.defer("raw", "search_vector").get(pk=article_id)


def new_run_token() -> str:
    return uuid.uuid4().hex


def article_extract(*, article_id: int, token: str | None = None) -> Article | None:
    """Extract, check and store; idempotent for the same text and extractor version.

    `token` names the run; a Celery retry passes the one its first attempt claimed with.
    """
    token = token or new_run_token()
    article = article_mark_running(article_id=article_id, token=token)
    if article is None:
        return None
    drafts = draft_claims(article.text, reference_date=article.dateline)
    with transaction.atomic():
        # The conditional UPDATE locks the row and is the ownership check: a run whose claim
        # was taken over (by the sweep, or a run after it) writes nothing.
        owned = _owned_run(article_id, token).update(
            extraction_state=ExtractionState.DONE,
            extractor_version=EXTRACTOR_VERSION,
            extraction_finished_at=timezone.now(),
            extraction_token="",
            updated_at=timezone.now(),
            # Matched on the claims of this run, not of an earlier one: matching again.
            matched_at=None,
        )
        if not owned:
            log.warning(
                "article %s: run %s no longer owns the extraction; dropped", article_id, token
            )
            return None
        _store_drafts(article, drafts, article.text)
    log.info("article %s extracted: %d claims", article_id, len(drafts))
    # Only what the run changed: the text, already in hand, is not read again.
    article.refresh_from_db(fields=[*EXTRACTION_FIELDS, "extraction_token", "updated_at"])
    return article


def _owned_run(article_id: int, token: str) -> QuerySet[Article]:
    return Article.objects.filter(
        pk=article_id, extraction_state=ExtractionState.RUNNING, extraction_token=token
    )


def article_fail(*, article_id: int, reason: str, token: str | None = None) -> None:
    """Record why extraction failed; with a `token`, only if that run still owns it."""
    articles = _owned_run(article_id, token) if token else Article.objects.filter(pk=article_id)
    articles.update(
        extraction_state=ExtractionState.FAILED,
        extraction_error=reason[:2000],
        extraction_finished_at=timezone.now(),
        extraction_token="",
    )


def draft_claims(text: str, *, reference_date: date | None = None) -> list[DraftClaim]:
    """Group quantities into claims (a figure and its conversion make one, and so do a figure
    and the denominator of its rate) and attach findings."""
    quantities = extract_quantities(text, reference_date=reference_date)
    findings = check_text(text, reference_date=reference_date, quantities=quantities)
    conversions = [f for f in findings if f.check == "conversion"]
    dated = [f for f in findings if f.check == "date_arithmetic"]
    drafts = _group_quantities(text, quantities, conversions, dated)
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
    text: str,
    quantities: Sequence[Quantity],
    conversions: Sequence[Finding],
    dated: Sequence[Finding],
) -> list[DraftClaim]:
    """One claim per quantity, except that a conversion finding's quantities make one claim
    spanning the finding ("8,000 square kilometers (3,088 square miles)"), and that a rate's
    denominator joins its figure's claim ("$3.2 million a day"): an editor checks the rate, and
    "a day" alone is no claim about how long anything lasted. A denominator that a date check
    reads as a time ("a week later") keeps a claim of its own, with that finding; that of a
    frequency ("twice a year") makes no claim at all."""
    spans = sorted((f.start, f.end) for f in conversions)
    times = sorted((f.start, f.end) for f in dated)
    drafts: list[DraftClaim] = []
    pairs: list[tuple[int, int] | None] = []
    for q in quantities:
        pair = _enclosing(spans, q.start, q.end)
        if pair is not None and pairs and pairs[-1] == pair:
            _join(drafts[-1], q)
            continue
        if pair is None and drafts and _is_denominator(text, drafts[-1], q, times):
            _join(drafts[-1], q)
            drafts[-1].end = q.end
            continue
        if pair is None and _is_frequency(text, q, times):
            continue
        start, end = pair or (q.start, q.end)
        drafts.append(DraftClaim(start, end, q.sentence, q.kind, q.check_worthiness, [q]))
        pairs.append(pair)
    return drafts


def _join(draft: DraftClaim, q: Quantity) -> None:
    draft.quantities.append(q)
    draft.sentence = (min(draft.sentence[0], q.sentence[0]), max(draft.sentence[1], q.sentence[1]))
    draft.check_worthiness = max(draft.check_worthiness, q.check_worthiness)


def _is_denominator(
    text: str, figure: DraftClaim, q: Quantity, times: Sequence[tuple[int, int]]
) -> bool:
    return is_rate_denominator(text, figure.end, q) and not _read_as_time(q, times)


def _is_frequency(text: str, q: Quantity, times: Sequence[tuple[int, int]]) -> bool:
    return is_frequency_denominator(text, q) and not _read_as_time(q, times)


def _read_as_time(q: Quantity, times: Sequence[tuple[int, int]]) -> bool:
    return any(start < q.end and q.start < end for start, end in times)


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
        # Articles being extracted right now are left to finish, and not enqueued twice;
        # one still being fetched has no text yet.
        waiting = (
            Article.objects.select_for_update()
            .filter(pk__in=list(article_ids))
            .exclude(extraction_state__in=[ExtractionState.RUNNING, ExtractionState.FETCHING])
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


def articles_requeue_stalled(
    *, stall_seconds: int, max_attempts: int, lost_seconds: int | None = None
) -> int:
    """The database is the truth: send again what a lost message or a dead worker left.

    Really stalled, re-checked under the row lock (rows another transaction holds are
    skipped, never waited for): running since before the cutoff (its run is dead, as the
    stall exceeds the hard time limit: `claims.checks`); queued or fetching with a message
    that was never sent (`extraction_queued_at` empty: the broker was away); queued or
    fetching since before the cutoff while no message waits in the queue (a backlog is work
    waiting its turn, not lost); or queued or fetching for longer than `lost_seconds`
    (default: the broker's visibility timeout, CELERY_VISIBILITY_TIMEOUT) whatever the queue
    holds, so that under steady intake a lost message still waits a bounded time (a message
    sent twice is harmless: the worker's claim is conditional). An article started
    `max_attempts` times (extraction or fetch) is failed instead, so one that kills its worker
    every time cannot loop for ever.
    """
    now = timezone.now()
    if lost_seconds is None:
        transport = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
        lost_seconds = int(transport.get("visibility_timeout", 3600))
    stalled = _stalled(
        now - timedelta(seconds=stall_seconds), now - timedelta(seconds=lost_seconds)
    )
    with transaction.atomic():
        locked = Article.objects.select_for_update(skip_locked=True).filter(stalled)
        ids = list(locked.order_by("pk").values_list("pk", flat=True)[:1000])
        candidates = Article.objects.filter(pk__in=ids).filter(stalled)
        candidates.filter(
            extraction_attempts__gte=max_attempts,
            extraction_state__in=[ExtractionState.RUNNING, ExtractionState.FETCHING],
        ).update(
            extraction_state=ExtractionState.FAILED,
            extraction_finished_at=now,
            extraction_error=f"gave up after {max_attempts} attempts that did not finish",
            extraction_token="",
        )
        fetch = list(
            candidates.filter(extraction_state=ExtractionState.FETCHING).values_list(
                "pk", flat=True
            )
        )
        extract = list(
            candidates.exclude(extraction_state=ExtractionState.FETCHING).values_list(
                "pk", flat=True
            )
        )
        Article.objects.filter(pk__in=fetch + extract).update(extraction_queued_at=now)
        Article.objects.filter(pk__in=extract).update(
            extraction_state=ExtractionState.QUEUED, extraction_token=""
        )
        transaction.on_commit(lambda: enqueue_fetch(fetch))
        transaction.on_commit(lambda: enqueue_extraction(extract))
    if fetch or extract:
        log.warning("sweep: sent %d fetch(es) and %d extraction(s) again", len(fetch), len(extract))
    return len(fetch) + len(extract)


def _stalled(cutoff: datetime, lost_cutoff: datetime) -> Q:
    waiting = Q(extraction_state__in=[ExtractionState.QUEUED, ExtractionState.FETCHING])
    unsent = waiting & Q(extraction_queued_at__isnull=True)
    lost = waiting & Q(extraction_queued_at__lt=lost_cutoff)
    if broker_queue_is_empty():
        lost |= waiting & Q(extraction_queued_at__lt=cutoff)
    dead = Q(extraction_state=ExtractionState.RUNNING, extraction_started_at__lt=cutoff)
    return unsent | lost | dead


def broker_queue_is_empty() -> bool:
    """Whether no task message waits in the work queue; True when that cannot be told (an
    in-process queue, or a broker that does not answer: then nothing could be sent anyway)."""
    from factcheck.celery import app

    if app.conf.task_always_eager:
        return True
    try:
        with app.connection_for_read() as conn:
            declared = conn.default_channel.queue_declare(
                queue=app.conf.task_default_queue, passive=True
            )
            return declared.message_count == 0
    except ChannelError:  # Redis keeps no empty list: an unknown queue holds nothing
        return True
    except Exception:  # any broker failure means: cannot tell
        log.warning("sweep: the broker did not say how long its queue is", exc_info=True)
        return True


def enqueue_extraction(article_ids: Iterable[int]) -> None:
    from claims.tasks import extract_article  # tasks import services: import here, not above

    _send(extract_article, list(article_ids))


def enqueue_fetch(article_ids: Iterable[int]) -> None:
    from claims.tasks import fetch_article

    _send(fetch_article, list(article_ids))


# Fail fast when the broker is away: a web request must not hang on it.
_PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
_BROKER_PAUSE_SECONDS = 5.0
_broker_down_until = 0.0


def _send(task: Task, article_ids: list[int]) -> None:
    """Publish one message per article. If the broker is away, the rest stay in the database
    with no send time, and the sweep sends them once it is back: nothing is lost."""
    if task.app.conf.task_always_eager:
        for article_id in article_ids:
            task.delay(article_id)
        return
    global _broker_down_until
    for sent, article_id in enumerate(article_ids):
        try:
            if time.monotonic() < _broker_down_until:
                raise ConnectionError("failed a moment ago; not asked again yet")
            task.apply_async((article_id,), retry=True, retry_policy=_PUBLISH_RETRY)
        except Exception as exc:  # kombu, redis and socket errors alike
            # Each web process stops asking for a few seconds, so that requests during an
            # outage are not each held up by the publish retries.
            _broker_down_until = time.monotonic() + _BROKER_PAUSE_SECONDS
            unsent = article_ids[sent:]
            log.warning(
                "broker unavailable (%s): %d article(s) stored, to be sent by the sweep",
                exc,
                len(unsent),
            )
            Article.objects.filter(
                pk__in=unsent,
                extraction_state__in=[ExtractionState.QUEUED, ExtractionState.FETCHING],
            ).update(extraction_queued_at=None)
            return


def _unit(x: float) -> float:
    return min(1.0, max(0.0, float(x)))
