"""Seen before: each new claim matched with earlier claims of other articles, on the words and
on the numbers; and what an editor does with a match.

After an extraction, matching_schedule() sends the article to a matching task, which takes it
with the other articles waiting (articles_match_pending(), a batch). Each claim that has no
vector gets one (the sentence, by claims/matching/text.py); the index and the batch itself give
the nearest earlier claims; the transformer scores each candidate pair (a sentence it has read
once is read back from the database, whichever worker needs it), unless the two sentences are
the same words with other figures (1.0 on the words); both sentences' figures,
places and periods are read (claims/matching/numbers.py); and the pairs that
claims/matching/decide.py suggests or links are kept. Published fact-checks are earlier claims
like any other, shown with their verdict. article_match() matches one article now (rematch).
"""

from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, Q, When
from django.utils import timezone

from claims.matching import ClaimFigures, NumberMatch, match_numbers, read_claim
from claims.matching.decide import Thresholds, decide, explain, words_need_no_model
from claims.matching.text import (
    FINE_DIMENSIONS,
    MODEL_NAME,
    embed,
    embed_fine,
    fine_remember,
    fine_unknown,
    from_bytes,
    same_wording,
)
from claims.models import (
    Article,
    Claim,
    ClaimMatch,
    ClaimState,
    ClaimVector,
    ExtractionState,
    MatchStatus,
)
from claims.services import match_index
from claims.services.upserts import upsert

log = logging.getLogger(__name__)


class _Found(NamedTuple):
    """A match to store (a row of ClaimMatch, by its fields' names)."""

    claim: int
    earlier: int
    text_score: float
    same_figure: bool
    figures_differ: bool
    same_places: bool | None
    same_period: bool | None
    reason: str
    decision: str


def thresholds() -> Thresholds:
    return Thresholds(
        suggest=settings.MATCH_SUGGEST_AT,
        link=settings.MATCH_LINK_AT,
        figure_eases=settings.MATCH_FIGURE_EASES,
    )


def article_match(*, article_id: int) -> int | None:
    """Match one article's claims now, matched before or not (a re-match, `manage.py rematch`);
    the number of matches kept, or None when the article is not (or no longer) extracted. Safe
    to run twice: a pair is stored once, and an editor's decision on it is kept."""
    with transaction.atomic():
        articles = dict(
            Article.objects.select_for_update()
            .filter(pk=article_id, extraction_state=ExtractionState.DONE)
            .values_list("pk", "dateline")
        )
        if not articles:
            return None
        kept, made = _match(articles)
    _index_add(made)
    return kept


def articles_match_pending(*, article_id: int) -> int | None:
    """The task's part: the article and other extracted articles waiting for matching, as many
    as one batch takes (MATCH_BATCH articles, MATCH_BATCH_CHARS of text beyond the first),
    matched together in one transaction. Articles another worker is matching are left to it
    (their rows are locked until it commits). The number of matches kept, or None when there
    was nothing to match.

    Why batches: when articles come faster than one at a time, each one's fixed cost (the
    transformer's call, the index's catch-up, the candidates' query, the commit) is paid once
    for the batch instead of once an article."""
    # From now on an article extracted sends a task of its own: this one may not see it.
    _unmark_queued(_queued_key())
    pending = Article.objects.filter(extraction_state=ExtractionState.DONE, matched_at=None)
    with transaction.atomic():
        taken = list(
            pending.select_for_update(skip_locked=True)
            .annotate(own=Case(When(pk=article_id, then=0), default=1))
            .order_by("own", "pk")
            .values_list("pk", "dateline", "text_length")[: settings.MATCH_BATCH]
        )
        if not taken:
            return None
        if len(taken) == settings.MATCH_BATCH:
            # More may be waiting: another worker takes the next batch meanwhile (this one's
            # rows are locked, so it takes others).
            _send_for_more(lambda: matching_schedule(article_id=article_id, now=True))
        batch: dict[int, date | None] = {}
        chars = 0
        for pk, dateline, length in taken:
            if batch and chars + length > settings.MATCH_BATCH_CHARS:
                break
            batch[pk] = dateline
            chars += length
        kept, made = _match(batch)
    _index_add(made)
    left = [pk for pk, _, _ in taken if pk not in batch]
    if left:
        # Locked until now and not matched: their own tasks may have passed them by.
        _send_for_more(lambda: _send_to_matching(left[0]))
    return kept


def _send_for_more(send: Callable[[], None]) -> None:
    """Send a task for the articles a batch did not take. Not when tasks run in this process
    (the embedded default): there is no other worker to share them with, a task run inside
    this one would take the rows this one holds, and the sweep sends what is left. A broker
    that is away costs the batch nothing: the sweep finds the rest."""
    from claims.tasks import match_article  # tasks import services: import here, not above

    if match_article.app.conf.task_always_eager:
        return
    try:
        send()
    except Exception:
        log.warning("matching: could not send for the next batch", exc_info=True)


def matching_schedule(*, article_id: int, now: bool = False) -> None:
    """Send the article to matching, unless a matching task is waiting already: that task
    takes every article waiting when it starts (articles_match_pending), this one with them.
    So articles extracted while a task waits are matched in one batch, and the busier the
    workers, the larger the batches; the task waits MATCH_DELAY_SECONDS before it starts
    (unless `now`), so that a batch gathers even when the workers keep up. A task lost with
    the mark set holds the others back for MATCH_QUEUED_SECONDS at most, and the sweep finds
    what is left unmatched."""
    key = _queued_key()
    try:
        waiting = not cache.add(key, article_id, timeout=settings.MATCH_QUEUED_SECONDS)
    except Exception:  # the cache is away: a task too many costs little
        log.warning("matching: the cache is away; sending a task anyway", exc_info=True)
        waiting = False
    if waiting:
        return
    try:
        _send_to_matching(article_id, delay=0 if now else settings.MATCH_DELAY_SECONDS)
    except Exception:
        _unmark_queued(key)
        raise


def _send_to_matching(article_id: int, delay: float = 0) -> None:
    from claims.tasks import match_article  # tasks import services: import here, not above

    match_article.apply_async((article_id,), countdown=delay)


def _queued_key() -> str:
    return f"matching-queued:{connection.settings_dict['NAME']}"


def _unmark_queued(key: str) -> None:
    try:
        cache.delete(key)
    except Exception:
        log.warning("matching: the cache is away", exc_info=True)


def _match(datelines: dict[int, date | None]) -> tuple[int, dict[int, np.ndarray]]:
    """Match the claims of the articles (id: dateline) and store the vectors and matches, in
    the caller's transaction; the number of matches kept, and the vectors made now (for the
    index, once they are committed). An article whose claims cannot be read is left unmatched
    (logged), not the whole batch."""
    _derived_data_commit()
    claims = list(
        Claim.objects.filter(article_id__in=datelines, detached=False)
        .only("id", "article_id", "sentence", "sentence_start", "start", "end")
        .order_by("pk")
    )
    vectors, made = _vectors_for(claims)
    fresh = set(made)
    found, failed, fine = _find(claims, vectors, datelines, fresh)
    now = timezone.now()
    upsert(
        ClaimVector,
        ["claim", "model", "vector", "fine", "created_at"],
        [
            (
                claim.pk,
                MODEL_NAME,
                vectors[claim.pk].tobytes(),
                fine[claim.sentence].tobytes() if claim.sentence in fine else None,
                now,
            )
            for claim in claims
            if claim.pk in fresh or claim.sentence in fine
        ],
        unique=["claim"],
        update=["model", "vector", "fine", "created_at"],
    )
    upsert(
        ClaimMatch,
        [*_Found._fields, "status", "created_at", "updated_at"],
        [(*match, MatchStatus.OPEN.value, now, now) for match in found],
        unique=["claim", "earlier"],
        update=[*_Found._fields[2:], "updated_at"],
    )
    matched = [pk for pk in datelines if pk not in failed]
    Article.objects.filter(pk__in=matched).update(matched_at=now)
    log.info("articles %s matched: %d claims, %d matches", matched, len(claims), len(found))
    return len(found), {key: vectors[key] for key in made}


def _index_add(made: dict[int, np.ndarray]) -> None:
    """The vectors just committed, searchable in this process at once."""
    if made:
        match_index.add(list(made), np.stack(list(made.values())))


def articles_rematch_unmatched(*, stall_seconds: int) -> int:
    """The sweep's part for matching: articles extracted more than `stall_seconds` ago and
    never matched (the message was lost, the worker died, or a crash lost the commit of
    _derived_data_commit) are sent to matching again; at most 1,000 a sweep."""
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
    # A task takes a batch of the articles waiting: one task a batch.
    for article_id in ids[:: settings.MATCH_BATCH]:
        _send_to_matching(article_id)
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
    article_id: int
    sentence: str
    span: tuple[int, int]
    dateline: date | None
    published: bool = False

    @property
    def reading(self) -> tuple[str, tuple[int, int], date | None]:
        return self.sentence, self.span, self.dateline


def _find(
    claims: Sequence[Claim],
    vectors: dict[int, np.ndarray],
    datelines: dict[int, date | None],
    fresh: set[int],
) -> tuple[list[_Found], set[int], dict[str, np.ndarray]]:
    """Candidates from the index (static vectors) and from the batch's own earlier claims,
    kept from MATCH_CANDIDATE_FLOOR; the pairs left scored by the transformer (or 1.0, _alike)
    and read on the numbers. Also the articles whose claims could not be judged (left
    unmatched), and the transformer's vector of each sentence it ran on now (to store)."""
    ordered = [claim for claim in claims if claim.pk in vectors]
    if not ordered:
        return [], set(), {}
    near = _near(ordered, vectors, fresh)
    candidates = _candidates({key for keys in near for key in keys})
    most = settings.MATCH_CANDIDATES
    pairs: list[tuple[_Said, _Said]] = []
    for claim, keys in zip(ordered, near, strict=True):
        chosen = [
            candidates[key]
            for key in keys
            if key in candidates and candidates[key].article_id != claim.article_id
        ][:most]
        if chosen:
            said = _said(claim, datelines[claim.article_id])
            pairs.extend((said, one) for one in chosen)
    if not pairs:
        return [], set(), {}
    alike = [_alike(new, earlier) for new, earlier in pairs]
    read = [pair for pair, same in zip(pairs, alike, strict=True) if not same]
    sentences = list(dict.fromkeys(said.sentence for pair in read for said in pair))
    _remember_fine(read, fine_unknown(sentences))
    # Stored only where the transformer runs now: a sentence's vector is read back from the
    # claims it was first stored with (a search answers with the earliest claims of a
    # sentence), not written again with each of its copies (1.5 KB a claim). A sentence met
    # only beside others of its words has none stored: a worker that needs it later runs it.
    made = fine_unknown(sentences)
    matrix = embed_fine(sentences)
    fine = {s: row for s, row in zip(sentences, matrix, strict=True) if s in made}
    cosines = iter(_text_scores(read, {s: i for i, s in enumerate(sentences)}, matrix))
    texts = [1.0 if same else next(cosines) for same in alike]
    limits = thresholds()
    floor = limits.floor()
    by_claim: dict[int, list[tuple[float, _Said, _Said]]] = {}
    for (new, earlier), text in zip(pairs, texts, strict=True):
        if text >= floor:
            by_claim.setdefault(new.pk, []).append((min(text, 1.0), new, earlier))
    found: dict[int, list[_Found]] = {}
    failed: set[int] = set()
    for scored in by_claim.values():
        article_id = scored[0][1].article_id
        if article_id in failed:
            continue
        try:
            found.setdefault(article_id, []).extend(_keep(scored, limits))
        except Exception:
            # A sentence the numbers' reader trips on: that article stays unmatched (the sweep
            # tries it again), the rest of the batch does not wait on it.
            log.exception("matching of article %s failed", article_id)
            failed.add(article_id)
    kept = [match for pk, matches in found.items() if pk not in failed for match in matches]
    return kept, failed, fine


_SCORED_AT_ONCE = 8_192


def _text_scores(
    pairs: list[tuple[_Said, _Said]], row_of: dict[str, int], matrix: np.ndarray
) -> list[float]:
    """The transformer's cosine of each pair's two sentences (`matrix`, a row a sentence of
    `row_of`). A pair of sentences is scored once however many claims share it (wire copy),
    and a few thousand at a time: the pairs of a long article (ten for each of its tens of
    thousands of claims) would otherwise stack gigabytes of rows."""
    keys = [(row_of[new.sentence], row_of[earlier.sentence]) for new, earlier in pairs]
    distinct = list(dict.fromkeys(keys))
    scores: dict[tuple[int, int], float] = {}
    for at in range(0, len(distinct), _SCORED_AT_ONCE):
        chunk = np.asarray(distinct[at : at + _SCORED_AT_ONCE])
        cosines = np.einsum("ij,ij->i", matrix[chunk[:, 0]], matrix[chunk[:, 1]])
        scores.update(zip(distinct[at : at + _SCORED_AT_ONCE], cosines.tolist(), strict=True))
    return [scores[key] for key in keys]


def _alike(new: _Said, earlier: _Said) -> bool:
    """1.0 on the words, no transformer (decide.words_need_no_model). Sentences of other words
    are not read on the numbers here (most pairs; those kept are read in _keep)."""
    if not same_wording(new.sentence, earlier.sentence):
        return False
    try:
        return words_need_no_model(
            new.sentence, earlier.sentence, _compare(new.reading, earlier.reading)
        )
    except Exception:
        return False  # read again in _keep, where a sentence the reader trips on is dealt with


def _remember_fine(pairs: list[tuple[_Said, _Said]], unknown: set[str]) -> None:
    """The transformer's vectors stored with the candidates whose sentences this process has
    not embedded: read, not made again."""
    ids = {earlier.pk for _, earlier in pairs if earlier.sentence in unknown}
    if not ids:
        return
    rows = ClaimVector.objects.filter(
        claim_id__in=ids, model=MODEL_NAME, fine__isnull=False
    ).values_list("claim__sentence", "fine")
    known = {sentence: vector for sentence, vector in rows if vector is not None}
    fine_remember(dict(zip(known, from_bytes(list(known.values()), FINE_DIMENSIONS), strict=True)))


def _near(
    ordered: Sequence[Claim], vectors: dict[int, np.ndarray], fresh: set[int]
) -> list[list[int]]:
    """For each claim, the ids of the earlier claims whose static vectors are within
    MATCH_CANDIDATE_FLOOR, nearest first (enough of them that MATCH_CANDIDATES are left once
    the claim's own article's are dropped): from the index, and from the batch itself (its
    claims are not in the index until they are committed). A sentence that several claims
    share, in one article or in many (wire copy), is searched for once.

    Only an article's claims with stored vectors (not `fresh`, made now) can be in the index,
    so only they are asked for beyond MATCH_CANDIDATES: none for an article matched for the
    first time."""
    floor = settings.MATCH_CANDIDATE_FLOOR
    own = Counter(claim.article_id for claim in ordered if claim.pk not in fresh)
    articles_of = {claim.article_id for claim in ordered}
    row_of: dict[str, int] = {}
    firsts: list[int] = []
    for claim in ordered:
        if claim.sentence not in row_of:
            row_of[claim.sentence] = len(firsts)
            firsts.append(claim.pk)
    unique = np.stack([vectors[pk] for pk in firsts])
    wanted = settings.MATCH_CANDIDATES + max(own.values(), default=0)
    neighbours = match_index.nearest(unique, wanted)
    rows = np.asarray([row_of[claim.sentence] for claim in ordered])
    pks = np.asarray([claim.pk for claim in ordered])
    articles = np.asarray([claim.article_id for claim in ordered])
    between = unique @ unique.T if len(articles_of) > 1 else None
    near = []
    for i, claim in enumerate(ordered):
        need = settings.MATCH_CANDIDATES + own[claim.article_id]
        # Not a later claim (a pair is matched once, from the later side), and near enough;
        # the article's own claims and claims gone since are dropped with the candidates.
        scores = {
            key: score for key, score in neighbours[rows[i]] if key < claim.pk and score >= floor
        }
        if between is not None:
            row = between[rows[i], rows]
            mates = np.flatnonzero(
                (pks < claim.pk) & (articles != claim.article_id) & (row >= floor)
            )
            if len(mates) > need:
                # Wire copy puts a sentence in dozens of the batch's articles: only the nearest
                # (the earliest among equals) can be among the claim's candidates.
                mates = mates[np.lexsort((pks[mates], -row[mates]))[:need]]
            scores.update(zip(pks[mates].tolist(), row[mates].tolist(), strict=True))
        near.append(sorted(scores, key=scores.__getitem__, reverse=True)[:need])
    return near


def _keep(scored: list[tuple[float, _Said, _Said]], limits: Thresholds) -> list[_Found]:
    # Published fact-checks first, then the closest words: the first MATCH_KEEP that match
    # are kept, so the wire copy a claim repeats in fifty articles is read a few times, not
    # fifty.
    scored.sort(key=lambda row: (not row[2].published, -row[0], row[2].pk))
    kept: list[_Found] = []
    for text, new, earlier in scored:
        if len(kept) == settings.MATCH_KEEP:
            break
        match = _judge(new, earlier, text, limits)
        if match is not None:
            kept.append(match)
    return kept


def _judge(new: _Said, earlier: _Said, text: float, limits: Thresholds) -> _Found | None:
    numbers = _compare(new.reading, earlier.reading)
    decision = decide(text, numbers, limits)
    if decision is None:
        return None
    return _Found(
        claim=new.pk,
        earlier=earlier.pk,
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
    span = (claim.start - offset, claim.end - offset)
    return _Said(claim.pk, claim.article_id, claim.sentence, span, dateline)


def _candidates(keys: set[int]) -> dict[int, _Said]:
    """The candidate claims still stored."""
    rows = (
        Claim.objects.filter(pk__in=keys, detached=False)
        .values_list(
            "id", "article_id", "sentence", "sentence_start", "start", "end", "article__dateline"
        )
        .annotate(published=Q(state=ClaimState.PUBLISHED))
    )
    return {
        pk: _Said(pk, article_id, sentence, (start - offset, end - offset), dateline, published)
        for pk, article_id, sentence, offset, start, end, dateline, published in rows
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
