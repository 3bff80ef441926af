"""Seen before: each new claim matched with earlier claims of other articles, on the words and
on the numbers; and what an editor does with a match.

After an extraction, article_match() gives each claim that has no vector one (the sentence, by
claims/matching/text.py), asks the index for the nearest earlier claims, scores each candidate
from the vectors in the database, reads both sentences' figures, places and periods
(claims/matching/numbers.py) and keeps the pairs that claims/matching/decide.py suggests or
links. Published fact-checks are earlier claims like any other, shown with their verdict.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from claims import selectors, workflow
from claims.matching import ClaimFigures, NumberMatch, match_numbers, read_claim
from claims.matching.decide import Thresholds, decide, explain
from claims.matching.text import MODEL_NAME, embed, embed_fine, from_bytes, similarity
from claims.models import (
    Article,
    Claim,
    ClaimMatch,
    ClaimState,
    ClaimVector,
    ExtractionState,
    MatchStatus,
    RatingScale,
    Verdict,
)
from claims.services import match_index
from claims.services.notifications import absolute_url
from claims.services.review import _locked_claim, _save, claim_start, source_add, verdict_propose
from claims.services.versions import StaleEdit, version_of

log = logging.getLogger(__name__)

_MATCH_FIELDS = [
    "text_score",
    "same_figure",
    "figures_differ",
    "same_places",
    "same_period",
    "reason",
    "decision",
    "updated_at",
]


def thresholds() -> Thresholds:
    return Thresholds(
        suggest=settings.MATCH_SUGGEST_AT,
        link=settings.MATCH_LINK_AT,
        figure_eases=settings.MATCH_FIGURE_EASES,
    )


def article_match(*, article_id: int) -> int | None:
    """Match the claims of an extracted article; the number of matches kept, or None when the
    article is not (or no longer) extracted. Safe to run twice: a pair is stored once, and an
    editor's decision on it is kept."""
    article = (
        Article.objects.filter(pk=article_id, extraction_state=ExtractionState.DONE)
        .only("id", "dateline")
        .first()
    )
    if article is None:
        return None
    claims = list(
        Claim.objects.filter(article_id=article_id, detached=False).only(
            "id", "sentence", "sentence_start", "start", "end"
        )
    )
    vectors, made = _vectors_for(claims)
    found = _find(article, claims, vectors)
    with transaction.atomic():
        _derived_data_commit()
        ClaimVector.objects.bulk_create(
            [
                ClaimVector(claim_id=key, model=MODEL_NAME, vector=vectors[key].tobytes())
                for key in made
            ],
            update_conflicts=True,
            unique_fields=["claim"],
            update_fields=["model", "vector", "created_at"],
        )
        ClaimMatch.objects.bulk_create(
            found,
            update_conflicts=True,
            unique_fields=["claim", "earlier"],
            update_fields=_MATCH_FIELDS,
        )
        Article.objects.filter(pk=article_id).update(matched_at=timezone.now())
    if made:
        match_index.add(made, np.stack([vectors[key] for key in made]))
    log.info("article %s matched: %d claims, %d matches", article_id, len(claims), len(found))
    return len(found)


def articles_rematch_unmatched(*, stall_seconds: int) -> int:
    """The sweep's part for matching: articles extracted more than `stall_seconds` ago and
    never matched (the message was lost, the worker died, or a crash lost the commit of
    _derived_data_commit) are sent to matching again; at most 1,000 a sweep."""
    from claims.tasks import match_article  # tasks import services: import here, not above

    cutoff = timezone.now() - timedelta(seconds=stall_seconds)
    ids = list(
        Article.objects.filter(
            extraction_state=ExtractionState.DONE,
            matched_at__isnull=True,
            extraction_finished_at__lt=cutoff,
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    for article_id in ids:
        match_article.delay(article_id)
    if ids:
        log.warning("sweep: sent %d article(s) to matching again", len(ids))
    return len(ids)


def _derived_data_commit() -> None:
    """Vectors and matches are made again from the claims by matching the article again (its
    empty `matched_at` says so), so their commit need not wait for the disk: on PostgreSQL
    this transaction's commit returns before its WAL is flushed (a crash may lose the last
    fraction of a second of matching, never an article, a claim or an editor's decision)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _vectors_for(claims: Sequence[Claim]) -> tuple[dict[int, np.ndarray], list[int]]:
    """Each claim's vector, and the ids of those made now (the others were stored)."""
    ids = [claim.pk for claim in claims]
    stored = dict(
        ClaimVector.objects.filter(claim_id__in=ids, model=MODEL_NAME).values_list(
            "claim_id", "vector"
        )
    )
    vectors = dict(zip(stored, from_bytes(list(stored.values())), strict=True))
    missing = [claim for claim in claims if claim.pk not in vectors]
    if missing:
        # A sentence that holds several claims is embedded once.
        sentences = list(dict.fromkeys(claim.sentence for claim in missing))
        rows = dict(zip(sentences, embed(sentences), strict=True))
        vectors.update((claim.pk, rows[claim.sentence]) for claim in missing)
    return vectors, [claim.pk for claim in missing]


@dataclass(frozen=True, slots=True)
class _Said:
    """A claim as matching reads it: its sentence, its span in it, its article's dateline."""

    pk: int
    sentence: str
    span: tuple[int, int]
    dateline: date | None
    published: bool = False

    @property
    def reading(self) -> tuple[str, tuple[int, int], date | None]:
        return self.sentence, self.span, self.dateline


def _find(
    article: Article, claims: Sequence[Claim], vectors: dict[int, np.ndarray]
) -> list[ClaimMatch]:
    """Candidates from the index (static vectors), kept from MATCH_CANDIDATE_FLOOR; the pairs
    left scored by the transformer and read on the numbers."""
    ordered = [claim for claim in claims if claim.pk in vectors]
    if not ordered:
        return []
    floor = settings.MATCH_CANDIDATE_FLOOR
    # The article's own claims come back as neighbours too: ask for that many more.
    wanted = settings.MATCH_CANDIDATES + len(ordered)
    neighbours = match_index.nearest(np.stack([vectors[c.pk] for c in ordered]), wanted)
    # Not a later claim (a pair is matched once, from the later side), and near enough; the
    # query drops the article's own claims and claims gone since.
    near = [
        [key for key, score in row if key < claim.pk and score >= floor]
        for claim, row in zip(ordered, neighbours, strict=True)
    ]
    candidates = _candidates({key for keys in near for key in keys}, article.pk)
    pairs = [
        (_said(claim, article.dateline), candidates[key])
        for claim, keys in zip(ordered, near, strict=True)
        for key in keys[: settings.MATCH_CANDIDATES]
        if key in candidates
    ]
    if not pairs:
        return []
    sentences = list(dict.fromkeys(said.sentence for pair in pairs for said in pair))
    fine = dict(zip(sentences, embed_fine(sentences), strict=True))
    limits = thresholds()
    by_claim: dict[int, list[tuple[float, _Said, _Said]]] = {}
    for new, earlier in pairs:
        text = similarity(fine[new.sentence], fine[earlier.sentence])
        if text >= limits.floor():
            by_claim.setdefault(new.pk, []).append((text, new, earlier))
    found = []
    for scored in by_claim.values():
        # Published fact-checks first, then the closest words: the first MATCH_KEEP that
        # match are kept, so the wire copy a claim repeats in fifty articles is read a few
        # times, not fifty.
        scored.sort(key=lambda row: (not row[2].published, -row[0], row[2].pk))
        kept: list[ClaimMatch] = []
        for text, new, earlier in scored:
            if len(kept) == settings.MATCH_KEEP:
                break
            match = _judge(new, earlier, text, limits)
            if match is not None:
                kept.append(match)
        found.extend(kept)
    return found


def _judge(new: _Said, earlier: _Said, text: float, limits: Thresholds) -> ClaimMatch | None:
    numbers = _compare(new.reading, earlier.reading)
    decision = decide(text, numbers, limits)
    if decision is None:
        return None
    return ClaimMatch(
        claim_id=new.pk,
        earlier_id=earlier.pk,
        text_score=round(text, 4),
        same_figure=numbers.same_figure,
        figures_differ=numbers.differs,
        same_places=numbers.same_places,
        same_period=numbers.same_period,
        reason=explain(text, numbers)[:500],
        decision=decision,
    )


def _said(claim: Claim, dateline: date | None) -> _Said:
    offset = claim.sentence_start
    return _Said(claim.pk, claim.sentence, (claim.start - offset, claim.end - offset), dateline)


def _candidates(keys: set[int], article_id: int) -> dict[int, _Said]:
    """The candidate claims still stored, outside this article."""
    rows = (
        Claim.objects.filter(pk__in=keys, detached=False)
        .exclude(article_id=article_id)
        .values_list("id", "sentence", "sentence_start", "start", "end", "article__dateline")
        .annotate(published=Q(state=ClaimState.PUBLISHED))
    )
    return {
        pk: _Said(pk, sentence, (start - offset, end - offset), dateline, published)
        for pk, sentence, offset, start, end, dateline, published in rows
    }


_Reading = tuple[str, tuple[int, int], date | None]


@functools.lru_cache(maxsize=50_000)
def _compare(a: _Reading, b: _Reading) -> NumberMatch:
    # Wire copy recurs word for word: the same two sentences are compared once.
    return match_numbers(_read(*a), _read(*b))


@functools.lru_cache(maxsize=20_000)
def _read(sentence: str, span: tuple[int, int], dateline: date | None) -> ClaimFigures:
    # An earlier claim is read again for every new claim near it: kept while it recurs.
    return read_claim(sentence, span=span, reference_date=dateline)


# --- What an editor does with a match ----------------------------------------------------------


class MatchRefused(workflow.TransitionError):
    """The match itself refuses the move, whoever asks: the earlier claim states another
    figure, has no published verdict, or one rated off the scale in use. Who may act, and
    on a claim in which state, stays the workflow's refusal (the API answers 403 to that, and
    409 to this)."""


@contextmanager
def match_version_locked(match_id: int, seen: str) -> Iterator[ClaimMatch]:
    """Lock the match, and go on only if it is still at version `seen` (its `updated_at` as
    the person's page or ETag showed it): else StaleEdit, saying who decided what since, so
    that a stale page never overwrites another editor's decision. The services called inside
    lock the row again; in one transaction that is the same lock."""
    with transaction.atomic():
        match = (
            ClaimMatch.objects.select_for_update(of=("self",))
            .select_related("decided_by")
            .get(pk=match_id)
        )
        if version_of(match) != seen.strip():
            raise StaleEdit(match, [match_change(match, seen)])
        yield match


DECIDED = {MatchStatus.CONFIRMED: "the same claim", MatchStatus.REJECTED: "not the same claim"}


def match_change(match: ClaimMatch, seen: str = "") -> str:
    """What became of a match since version `seen`, a sentence for the person who read it."""
    if match.decided_at is not None and match.status in DECIDED and _after(match, seen):
        who = match.decided_by.get_username() if match.decided_by else "someone"
        when = date_format(timezone.localtime(match.decided_at), "DATETIME_FORMAT")
        return f"{when}, {who} decided it is {DECIDED[MatchStatus(match.status)]}."
    # article_match() ran again (a re-extraction, a new dateline): the reason may be new.
    return "The machine matched the two claims again; read its reason again."


def _after(match: ClaimMatch, seen: str) -> bool:
    """Whether the match was decided after version `seen` (yes, when `seen` is no version)."""
    try:
        return match.decided_at is not None and match.decided_at.timestamp() > Decimal(seen)
    except (InvalidOperation, ValueError):
        return True


@transaction.atomic
def match_decide(*, actor: Any, match_id: int, confirm: bool) -> ClaimMatch:
    """Confirm a match (the same claim) or reject it (not the same claim)."""
    match = ClaimMatch.objects.select_for_update().get(pk=match_id)
    workflow.check(actor, workflow.Move.EDIT_SOURCES, match.claim)
    match.status = MatchStatus.CONFIRMED if confirm else MatchStatus.REJECTED
    match.decided_by, match.decided_at = actor, timezone.now()
    _save(match, actor, "confirmed" if confirm else "rejected")
    return match


@transaction.atomic
def match_propose_verdict(*, actor: Any, match_id: int) -> Verdict:
    """Propose, for the new claim, the verdict published for the earlier one, in one step: the
    match is confirmed, the earlier fact-check becomes a source, a new claim is started, and
    the proposal goes to review like any other (a reviewer still publishes it)."""
    match = ClaimMatch.objects.select_related("claim", "earlier").get(pk=match_id)
    published = selectors.published_verdicts().filter(claim_id=match.earlier_id).first()

    def refuse(reason: str) -> MatchRefused:
        return MatchRefused(workflow.Move.PROPOSE, match.claim, reason)

    if published is None:
        raise refuse("the earlier claim has no published verdict to propose")
    if match.figures_differ:
        raise refuse(
            "the earlier claim states another figure, place or period: its verdict does not "
            "carry over; write one for this claim"
        )
    scale = RatingScale.current()
    try:
        label = scale.find_label(published.rating_name)
    except ValueError as exc:
        raise refuse(
            f"the published rating “{published.rating_name}” is not on the scale in use; "
            "choose a rating in the form"
        ) from exc
    match_decide(actor=actor, match_id=match.pk, confirm=True)
    if _locked_claim(match.claim_id).state == ClaimState.NEW:
        claim_start(actor=actor, claim_id=match.claim_id)
    source_add(
        actor=actor,
        claim_id=match.claim_id,
        title=f"Our fact-check: {published.headline or match.earlier.text}"[:300],
        url=absolute_url(reverse("web:public_check", args=[match.earlier_id])),
        publisher="",
        quote=published.rationale[:1000],
    )
    return verdict_propose(
        actor=actor,
        claim_id=match.claim_id,
        rating=label,
        rationale=(f"The same claim was checked before ({match.reason}). {published.rationale}"),
        headline=published.headline,
        claim_reviewed=published.claim_reviewed,
    )
