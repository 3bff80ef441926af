"""Matching in batches: a matching task takes the other extracted articles waiting with its
own and matches them together, on PostgreSQL. Articles of one batch match each other; an
article another worker holds is left to it; a batch stops at its size; one article that
cannot be read does not hold back the others; a re-extraction waits for matching again; the
transformer reads a sentence once, whichever worker needs it next."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from claims import services
from claims.matching import text
from claims.models import Article, ClaimMatch, ClaimVector, ExtractionState
from claims.services import matching as matching_service
from tests.matching.builders import EARLIER, OTHER_FIGURE, SAME_FIGURE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("match_index")]


def extracted(text: str) -> Article:
    """Ingested and extracted, not yet matched: what a matching task finds waiting."""
    article = services.article_ingest_text(text=text).article
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert article.matched_at is None
    return article


def transformer_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sentences the transformer is run on from now on, in a worker that has embedded
    nothing yet."""
    monkeypatch.setattr(text, "_fine_cache", {})
    model = text._transformer()
    real, read = model.encode, []

    def encode(sentences, **kwargs):
        read.extend(sentences)
        return real(sentences, **kwargs)

    monkeypatch.setattr(model, "encode", encode)
    return read


def matched(*articles: Article) -> list[bool]:
    return [Article.objects.get(pk=a.pk).matched_at is not None for a in articles]


def test_one_task_matches_the_articles_waiting_and_they_match_each_other():
    first, second, third = extracted(EARLIER), extracted(SAME_FIGURE), extracted(OTHER_FIGURE)

    kept = services.articles_match_pending(article_id=third.pk)

    assert matched(first, second, third) == [True, True, True]
    pairs = {
        (m.claim.article_id, m.earlier.article_id, m.figures_differ)
        for m in ClaimMatch.objects.select_related("claim", "earlier")
    }
    # Each pair once, from the later side, although none of the three was stored before.
    assert (second.pk, first.pk, False) in pairs
    assert (third.pk, first.pk, True) in pairs
    assert all(claim > earlier for claim, earlier, _ in pairs)
    assert kept == len(pairs)
    # The tasks of the other two find nothing left to do.
    assert services.articles_match_pending(article_id=first.pk) is None
    assert ClaimMatch.objects.count() == kept


def test_the_tasks_own_article_comes_first_and_the_batch_stops_at_its_size(settings, monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(
        matching_service, "_send_to_matching", lambda article_id, delay=0: sent.append(article_id)
    )
    settings.MATCH_BATCH = 2
    articles = [extracted(EARLIER), extracted(SAME_FIGURE), extracted(OTHER_FIGURE)]

    services.articles_match_pending(article_id=articles[2].pk)
    assert matched(*articles) == [True, False, True]
    # A full batch: more may be waiting, and a task is sent for them at once.
    assert sent == [articles[2].pk]

    settings.MATCH_BATCH = 50
    settings.MATCH_BATCH_CHARS = 1  # beyond the first article, no room for another's text
    article = extracted("The new bridge stands 67 miles from the capital, the mayor said.")
    services.articles_match_pending(article_id=article.pk)
    assert matched(articles[1], article) == [False, True]
    # The one left out was locked while the batch ran: a task is sent for it.
    assert sent == [articles[2].pk, articles[1].pk]


def test_an_article_another_worker_is_matching_is_left_to_it():
    held, free = extracted(EARLIER), extracted(SAME_FIGURE)
    locked, release = threading.Event(), threading.Event()

    def other_worker() -> None:
        try:
            with transaction.atomic():
                Article.objects.select_for_update().get(pk=held.pk)
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    worker = threading.Thread(target=other_worker)
    worker.start()
    try:
        assert locked.wait(30)
        # Its own article is taken by the other worker: this task does not wait for it.
        assert services.articles_match_pending(article_id=held.pk) is not None
        assert matched(held, free) == [False, True]
    finally:
        release.set()
        worker.join(30)


def test_an_article_whose_claims_cannot_be_read_stays_unmatched_and_the_others_are_matched(
    monkeypatch,
):
    first, fine, broken = extracted(EARLIER), extracted(SAME_FIGURE), extracted(OTHER_FIGURE)
    real = matching_service.read_claim

    def trips_on_76(sentence, **kwargs):
        if "76 miles" in sentence:
            raise ValueError("a sentence the reader trips on")
        return real(sentence, **kwargs)

    monkeypatch.setattr(matching_service, "read_claim", trips_on_76)
    matching_service._read.cache_clear()
    matching_service._compare.cache_clear()

    services.articles_match_pending(article_id=broken.pk)

    assert matched(first, fine, broken) == [True, True, False]
    assert not ClaimMatch.objects.filter(claim__article=broken).exists()
    assert ClaimMatch.objects.filter(claim__article=fine, earlier__article=first).exists()


def test_a_re_extraction_waits_for_matching_again():
    article = extracted(EARLIER)
    services.articles_match_pending(article_id=article.pk)
    assert matched(article) == [True]

    # Sent to extraction again (an extractor upgrade, say), as the worker would run it.
    Article.objects.filter(pk=article.pk).update(extraction_state=ExtractionState.QUEUED)
    assert services.article_extract(article_id=article.pk) is not None

    assert matched(article) == [False]
    services.articles_match_pending(article_id=article.pk)
    assert matched(article) == [True]


def test_a_sentence_the_transformer_read_once_is_read_from_the_database_by_another_worker(
    monkeypatch,
):
    monkeypatch.setattr(text, "_fine_cache", {})  # a worker that has embedded nothing yet
    extracted(EARLIER)
    scored = extracted(SAME_FIGURE)
    services.articles_match_pending(article_id=scored.pk)
    vector = ClaimVector.objects.get(claim__article=scored)
    assert vector.fine is not None and len(bytes(vector.fine)) == 4 * text.FINE_DIMENSIONS

    read = transformer_reads(monkeypatch)  # another worker
    later = extracted("The new bridge stands about 108 km from the capital, a minister said.")
    services.articles_match_pending(article_id=later.pk)

    assert ClaimMatch.objects.filter(claim__article=later, earlier__article=scored).exists()
    assert SAME_FIGURE not in read
    assert "The new bridge stands about 108 km from the capital, a minister said." in read


def test_a_copy_of_a_sentence_already_stored_is_matched_without_storing_its_vector_again(
    monkeypatch,
):
    monkeypatch.setattr(text, "_fine_cache", {})  # a worker that has embedded nothing yet
    extracted(EARLIER)
    first = extracted(SAME_FIGURE)
    services.articles_match_pending(article_id=first.pk)
    # Wire copy: the same sentence in another article.
    copy = extracted(f"{SAME_FIGURE} The minister did not comment.")
    services.articles_match_pending(article_id=copy.pk)

    assert ClaimVector.objects.get(claim__article=first).fine is not None
    assert ClaimVector.objects.get(claim__article=copy).fine is None
    assert ClaimMatch.objects.filter(claim__article=copy, earlier__article=first).exists()


def test_articles_extracted_while_a_matching_task_waits_send_no_task_of_their_own(monkeypatch):
    from claims import tasks
    from factcheck.celery import app

    first, second = extracted(EARLIER), extracted(SAME_FIGURE)
    sent: list[int] = []
    monkeypatch.setattr(
        matching_service, "_send_to_matching", lambda article_id, delay=0: sent.append(article_id)
    )

    services.matching_schedule(article_id=first.pk)
    services.matching_schedule(article_id=second.pk)
    assert sent == [first.pk]

    # The waiting task runs: it takes both, and the mark goes with it.
    before, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        tasks.match_article.apply(args=(first.pk,))
    finally:
        app.conf.task_always_eager = before
    assert matched(first, second) == [True, True]
    services.matching_schedule(article_id=second.pk)
    assert sent == [first.pk, second.pk]


def test_in_process_a_full_batch_sends_no_task_into_itself(settings):
    """The embedded default runs tasks in the process: a task sent for the next batch would
    run inside this one and take the same rows, again and again."""
    from claims import tasks
    from factcheck.celery import app

    settings.MATCH_BATCH = 2
    articles = [extracted(EARLIER), extracted(SAME_FIGURE), extracted(OTHER_FIGURE)]
    before, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        tasks.match_article.apply(args=(articles[0].pk,))
    finally:
        app.conf.task_always_eager = before
    assert matched(*articles) == [True, True, False]


def test_sentences_the_same_but_for_their_numbers_score_1_without_the_transformer(monkeypatch):
    read = transformer_reads(monkeypatch)
    first = extracted(EARLIER)
    services.articles_match_pending(article_id=first.pk)
    other = extracted(OTHER_FIGURE)  # 76 miles where EARLIER says 67
    services.articles_match_pending(article_id=other.pk)

    [match] = ClaimMatch.objects.filter(claim__article=other)
    assert match.earlier.article_id == first.pk
    assert match.text_score == 1.0 and match.reason.startswith("text 1.00; figures differ")
    assert match.decision == "suggested" and match.figures_differ
    assert read == []
    assert ClaimVector.objects.get(claim__article=other).fine is None


def test_a_name_with_another_number_and_the_same_figure_is_read_by_the_transformer(monkeypatch):
    # "Interstate 95" and "Interstate 10": the numbers find nothing between the two claims
    # (300 km both), so the words must, and only the transformer reads them; at 1.0 they would
    # be linked as the same claim.
    read = transformer_reads(monkeypatch)
    first = extracted("Interstate 95 runs for 300 km across the state, officials said.")
    services.articles_match_pending(article_id=first.pk)
    other = extracted("Interstate 10 runs for 300 km across the state, officials said.")
    services.articles_match_pending(article_id=other.pk)

    assert "Interstate 10 runs for 300 km across the state, officials said." in read
    [match] = ClaimMatch.objects.filter(claim__article=other)
    assert match.same_figure and not match.figures_differ
    assert match.text_score < 0.93 and match.decision == "suggested"  # not linked
