"""Seen before: a new article's claims matched with earlier claims of other articles, on the
words and on the numbers, through the matching service on PostgreSQL; an editor's decisions;
a published verdict proposed for the new claim in one step, still through review."""

from __future__ import annotations

import numpy as np
import pytest

from claims import services, workflow
from claims.matching.text import DIMENSIONS
from claims.models import Article, ClaimMatch, ClaimState, ClaimVector, MatchStatus
from claims.services import match_index
from tests.factories import EditorFactory, ReviewerFactory
from tests.matching.builders import EARLIER, publish, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("match_index")]


@pytest.fixture
def editor():
    return EditorFactory(username="edna")


@pytest.fixture
def reviewer():
    return ReviewerFactory(username="rita")


def matches_of(article: Article) -> list[ClaimMatch]:
    return list(
        ClaimMatch.objects.filter(claim__article=article).select_related("claim", "earlier")
    )


def test_a_reworded_claim_with_the_same_figure_matches(editor):
    first = submit("Kupyansk lies some 30 miles to the north of Izium, officials said.", editor)
    second = submit("Izium is about 30 miles south of Kupyansk, the army said on Monday.", editor)

    [match] = matches_of(second)
    assert match.earlier.article_id == first.pk
    assert match.decision in ("suggested", "linked")
    assert match.same_figure and not match.figures_differ
    assert match.same_places is True
    assert match.reason.startswith(f"text {match.text_score:.2f}; same figure: about 30 mi")
    assert "same places" in match.reason
    assert second.matched_at is not None
    assert matches_of(first) == []  # an earlier claim is not matched with a later one


def test_another_figure_is_a_text_match_shown_as_a_number_mismatch(editor):
    submit("The new bridge stands 67 miles from the capital, the ministry said.", editor)
    second = submit("The new bridge stands 76 miles from the capital, the ministry said.", editor)

    [match] = matches_of(second)
    assert match.text_score > 0.9  # the words alone cannot tell them apart
    assert match.decision == "suggested"  # never linked as the same claim
    assert not match.same_figure and match.figures_differ
    assert "figures differ: 76 mi ≠ 67 mi" in match.reason or "figures differ" in match.reason


def test_about_108_km_matches_67_miles_on_the_numbers(editor):
    submit("The new bridge stands 67 miles from the capital, the ministry said.", editor)
    second = submit("The new bridge stands about 108 km from the capital, officials say.", editor)

    [match] = matches_of(second)
    assert match.same_figure and not match.figures_differ
    assert "same figure" in match.reason and "108 km" in match.reason
    assert match.status == MatchStatus.OPEN


def test_unrelated_claims_are_not_matched(editor):
    submit("The new bridge stands 67 miles from the capital, the ministry said.", editor)
    second = submit("Inflation reached 7.5 percent last year, the central bank said.", editor)
    assert matches_of(second) == []


def test_matching_twice_keeps_one_match_and_the_editors_decision(editor):
    submit("The new bridge stands 67 miles from the capital, the ministry said.", editor)
    second = submit("The new bridge stands 76 miles from the capital, the ministry said.", editor)
    [match] = matches_of(second)
    services.match_decide(actor=editor, match_id=match.pk, confirm=False)

    services.article_match(article_id=second.pk)

    [again] = matches_of(second)
    assert again.pk == match.pk
    assert again.status == MatchStatus.REJECTED and again.decided_by == editor
    assert ClaimVector.objects.filter(claim__article=second).count() == 1


def test_the_index_is_rebuilt_from_the_database_when_its_file_is_gone(editor):
    submit("Kupyansk lies some 30 miles to the north of Izium, officials said.", editor)
    path = match_index.index_path()
    assert path.exists()
    path.unlink()
    match_index.forget()  # a new worker: nothing in memory, no file

    second = submit("Izium is about 30 miles south of Kupyansk, the army said on Monday.", editor)

    assert len(matches_of(second)) == 1
    assert path.exists()


def test_a_catch_up_reads_the_rows_a_worker_stored_itself_once(editor):
    """The vectors a worker stores are in its index at once; the next catch-up moves past
    them, so that one worker alone does not read every row it wrote at each article."""
    submit("Kupyansk lies some 30 miles to the north of Izium, officials said.", editor)
    second = submit("Izium is about 30 miles south of Kupyansk, the army said on Monday.", editor)
    newest = ClaimVector.objects.filter(claim__article=second).get().created_at
    match_index.nearest(np.zeros((1, DIMENSIONS), dtype=np.float32), 1)  # a catch-up

    assert match_index._loaded is not None and match_index._loaded.synced == newest


def test_an_index_file_from_another_database_is_not_trusted(editor):
    submit("Kupyansk lies some 30 miles to the north of Izium, officials said.", editor)
    match_index.forget()
    meta = match_index.index_path().with_suffix(".json")
    meta.write_text(meta.read_text().replace('"epoch": "', '"epoch": "other-'))

    second = submit("Izium is about 30 miles south of Kupyansk, the army said on Monday.", editor)

    assert len(matches_of(second)) == 1
    assert '"epoch": "other-' not in meta.read_text()  # rebuilt and saved afresh


def test_a_published_verdict_is_proposed_for_the_matched_claim_and_goes_through_review(
    editor, reviewer
):
    publish(submit(EARLIER, editor), editor, reviewer)
    second = submit("The new bridge stands about 108 km from the capital, officials say.", editor)
    [match] = matches_of(second)

    verdict = services.match_propose_verdict(actor=editor, match_id=match.pk)

    claim = match.claim
    claim.refresh_from_db()
    assert claim.state == ClaimState.IN_REVIEW  # proposed, not published
    assert verdict.rating_name == "False" and verdict.published_at is None
    assert verdict.headline == "No, the bridge is not 67 miles from the capital"
    assert "same figure" in verdict.rationale and "48 miles" in verdict.rationale
    source = claim.sources.get()
    assert source.url.endswith(f"/checks/{match.earlier_id}/")
    match.refresh_from_db()
    assert match.status == MatchStatus.CONFIRMED and match.decided_by == editor
    # Review as usual: its author cannot publish it; a reviewer can.
    with pytest.raises(workflow.TransitionError):
        services.claim_publish(actor=editor, claim_id=claim.pk)
    services.claim_publish(actor=reviewer, claim_id=claim.pk)
    claim.refresh_from_db()
    assert claim.state == ClaimState.PUBLISHED


def test_a_verdict_does_not_carry_over_to_another_figure(editor, reviewer):
    publish(submit(EARLIER, editor), editor, reviewer)
    second = submit("The new bridge stands 76 miles from the capital, they said.", editor)
    [match] = matches_of(second)

    with pytest.raises(workflow.TransitionError, match="another figure"):
        services.match_propose_verdict(actor=editor, match_id=match.pk)
    match.claim.refresh_from_db()
    assert match.claim.state == ClaimState.NEW
    assert not match.claim.sources.exists()


def test_the_extraction_task_is_followed_by_matching(editor, settings):
    from claims import tasks
    from factcheck.celery import app

    submit("Kupyansk lies some 30 miles to the north of Izium, officials said.", editor)
    text = "Izium is about 30 miles south of Kupyansk, the army said on Monday."
    article = services.article_ingest_text(text=text, submitted_by=editor).article
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        tasks.extract_article.apply(args=(article.pk,))
        article.refresh_from_db()
        assert article.matched_at is not None
        assert len(matches_of(article)) == 1

        settings.MATCH_ENABLED = False
        again = services.article_ingest_text(text=text + " Again.", submitted_by=editor).article
        tasks.extract_article.apply(args=(again.pk,))
        again.refresh_from_db()
        assert again.extraction_state == "done" and again.matched_at is None
    finally:
        app.conf.task_always_eager = before


def test_the_sweep_sends_an_article_never_matched_to_matching_again(editor, settings):
    from datetime import timedelta

    from django.utils import timezone

    from claims import tasks
    from factcheck.celery import app

    submit("Kupyansk lies some 30 miles to the north of Izium, officials said.", editor)
    text = "Izium is about 30 miles south of Kupyansk, the army said on Monday."
    lost = services.article_ingest_text(text=text, submitted_by=editor).article
    services.article_extract(article_id=lost.pk)  # extracted; its matching message was lost
    long_ago = timezone.now() - timedelta(seconds=settings.EXTRACTION_STALL_SECONDS + 1)
    Article.objects.filter(pk=lost.pk).update(extraction_finished_at=long_ago)
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        assert tasks.requeue_stalled_extractions.apply().get() == 1
    finally:
        app.conf.task_always_eager = before
    lost.refresh_from_db()
    assert lost.matched_at is not None and len(matches_of(lost)) == 1
    # A recent article is left to its own message.
    fresh = services.article_ingest_text(text=text + " Again.", submitted_by=editor).article
    services.article_extract(article_id=fresh.pk)
    assert services.articles_rematch_unmatched(stall_seconds=600) == 0


def test_the_rematch_command_matches_and_rebuilds(editor):
    from io import StringIO

    from django.core.management import CommandError, call_command

    submit("Kupyansk lies some 30 miles to the north of Izium, officials said.", editor)
    text = "Izium is about 30 miles south of Kupyansk, the army said on Monday."
    second = services.article_ingest_text(text=text, submitted_by=editor).article
    services.article_extract(article_id=second.pk)
    out = StringIO()

    call_command("rematch", "--unmatched", "--rebuild-index", stdout=out)

    assert "index rebuilt from the database: 1 vector(s)" in out.getvalue()
    assert "matched 1 article(s): 1 match(es) kept" in out.getvalue()
    with pytest.raises(CommandError, match="no extracted article with id 999"):
        call_command("rematch", "999")
    with pytest.raises(CommandError, match="one of them"):
        call_command("rematch")
