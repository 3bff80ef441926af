"""Correcting an article's facts: who may, no lost edits, history, and a dateline that re-checks."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from claims import services
from claims.models import Article, Claim, ExtractionState, Source
from claims.services import extraction
from claims.services.versions import StaleEdit, version_of
from tests.factories import EditorFactory, ReviewerFactory, UserFactory

pytestmark = pytest.mark.django_db

# Its date finding depends on the dateline's year: 14 September 2022 was a Wednesday, so
# "Sunday" is four days later; in 2023 it was a Thursday, and Sunday is three days later.
BRIDGE = (
    "The Dnipro bridge reopened on Sunday, four days after it closed on 14 September. "
    "Repairs cost $2 million, the city said."
)
WRONG, RIGHT = date(2023, 9, 17), date(2022, 9, 18)


@pytest.fixture
def editor():
    return EditorFactory(username="edna")


@pytest.fixture
def reviewer():
    return ReviewerFactory(username="rita")


@pytest.fixture
def bridge(editor) -> Article:
    article = services.article_ingest_text(text=BRIDGE, dateline=WRONG, submitted_by=editor)
    services.article_extract(article_id=article.article.pk)
    return Article.objects.get(pk=article.article.pk)


def date_outcome(article: Article) -> str:
    claim = Claim.objects.get(article=article, text="four days")
    return claim.check_results.get(check_name="date_arithmetic").outcome


def edit(article: Article, actor, seen: str | None = None, **changes):
    return services.article_update_facts(
        actor=actor, article_id=article.pk, seen_version=seen or version_of(article), **changes
    )


def test_an_editor_corrects_the_facts_and_the_history_says_who_and_what(bridge, editor):
    result = edit(bridge, editor, title=" Bridge reopens ", publisher="The Ledger", byline="Ann")
    assert result.changed == ("title", "publisher", "byline") and not result.rechecking
    bridge.refresh_from_db()
    facts = (bridge.title, bridge.publisher, bridge.byline)
    assert facts == ("Bridge reopens", "The Ledger", "Ann")
    record = bridge.history.latest()
    assert record.history_user == editor
    assert record.history_change_reason == "corrected the facts"
    changes = {c.field: c.new for c in record.diff_against(record.prev_record).changes}
    assert changes["publisher"] == "The Ledger"


def test_a_reviewer_may_too_but_not_an_outsider_or_anonymous(bridge, reviewer):
    assert edit(bridge, reviewer, byline="Rita").changed == ("byline",)
    bridge.refresh_from_db()
    for nobody in (UserFactory(username="olaf"), AnonymousUser()):
        with pytest.raises(PermissionDenied):
            edit(bridge, nobody, byline="Olaf")
    assert Article.objects.get(pk=bridge.pk).byline == "Rita"


def test_nothing_changed_saves_nothing(bridge, editor):
    before = bridge.history.count()
    result = edit(bridge, editor, title=bridge.title, dateline=WRONG)
    assert result.changed == () and bridge.history.count() == before


def test_a_stale_edit_is_refused_and_says_what_changed_since(bridge, editor, reviewer):
    read = version_of(bridge)
    edit(bridge, reviewer, publisher="Kyiv Post")
    with pytest.raises(StaleEdit) as refused:
        edit(bridge, editor, seen=read, publisher="The Ledger")
    message = str(refused.value)
    assert "your change was not saved" in message
    assert "rita corrected the facts: changed publisher from “” to “Kyiv Post”" in message
    assert Article.objects.get(pk=bridge.pk).publisher == "Kyiv Post"


def test_an_extraction_finishing_after_the_read_is_no_reason_to_refuse(editor):
    article = services.article_ingest_text(text=BRIDGE, dateline=WRONG).article
    read = version_of(article)  # read while extraction is queued
    services.article_extract(article_id=article.pk)
    assert version_of(Article.objects.get(pk=article.pk)) != read
    assert edit(article, editor, seen=read, byline="Ann").changed == ("byline",)


def test_a_version_that_is_not_one_is_refused(bridge, editor):
    with pytest.raises(StaleEdit):
        edit(bridge, editor, seen="yesterday", byline="Ann")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"url": "javascript:alert(1)"}, "url", "http"),
        ({"url": "ftp://example.org/x"}, "url", "http://"),
        ({"url": "not an address"}, "url", "http://"),
        ({"url": "https://not an address"}, "url", "valid URL"),
        ({"title": "x" * 501}, "title", "at most 500"),
        ({"dateline": "14 Sept"}, "dateline", "date"),
    ],
)
def test_bad_facts_are_refused_by_field_and_nothing_is_saved(
    bridge, editor, changes, field, message
):
    with pytest.raises(ValidationError) as refused:
        edit(bridge, editor, **changes)
    assert message in " ".join(refused.value.message_dict[field])
    assert Article.objects.get(pk=bridge.pk).history.count() == bridge.history.count()


def test_an_unknown_field_is_a_programming_error(bridge, editor):
    with pytest.raises(TypeError):
        edit(bridge, editor, text="new text")


def test_a_changed_dateline_rechecks_the_dates_and_keeps_the_editors_work(bridge, editor):
    assert date_outcome(bridge) == "inconsistent"
    worked = Claim.objects.get(article=bridge, text__contains="$2 million")
    services.claim_start(actor=editor, claim_id=worked.pk)
    Source.objects.create(claim=worked, title="City budget", added_by=editor)

    result = edit(bridge, editor, dateline=RIGHT)
    assert result.rechecking and result.article.extraction_state == ExtractionState.QUEUED
    services.article_extract(article_id=bridge.pk)  # what the queued task does

    assert date_outcome(bridge) == "consistent"
    worked.refresh_from_db()
    assert worked.state == "in_progress" and worked.sources.count() == 1 and not worked.detached


def test_a_run_under_way_with_the_old_dateline_is_superseded(bridge, editor, monkeypatch):
    """The run read the old dateline before the editor saved: its result is dropped, and the
    run queued by the edit writes the findings of the new dateline."""
    Article.objects.filter(pk=bridge.pk).update(extractor_version="older")
    services.articles_requeue_extraction(article_ids=[bridge.pk])
    real_drafts = extraction.draft_claims

    def drafts_then_edit(text, *, reference_date=None):
        drafts = real_drafts(text, reference_date=reference_date)
        assert reference_date == WRONG
        edit(Article.objects.get(pk=bridge.pk), editor, dateline=RIGHT)  # while it runs
        return drafts

    monkeypatch.setattr(extraction, "draft_claims", drafts_then_edit)
    assert services.article_extract(article_id=bridge.pk, token="old-run") is None
    monkeypatch.setattr(extraction, "draft_claims", real_drafts)
    assert Article.objects.get(pk=bridge.pk).extraction_state == ExtractionState.QUEUED
    assert Article.objects.get(pk=bridge.pk).extractor_version == "older"  # nothing written

    services.article_extract(article_id=bridge.pk)
    assert date_outcome(bridge) == "consistent"


def test_a_dateline_corrected_while_the_page_is_fetched_is_kept(editor, monkeypatch):
    from claims import fetching

    page = (
        "<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
        f"<p>{BRIDGE}</p><p>Traffic resumed at noon, officials said.</p></article></body></html>"
    )
    article = services.article_ingest_url(url="https://news.example/bridge").article
    read = version_of(article)
    edit(article, editor, dateline=RIGHT)

    monkeypatch.setattr(
        fetching,
        "fetch_html",
        lambda url, policy: fetching.Fetched(html=page, url=url),
    )
    services.article_fetch(article_id=article.pk)
    article.refresh_from_db()
    assert article.dateline == RIGHT and article.title == "Bridge opens"
    # The page's facts are in the history: an edit based on the read before it is stale.
    with pytest.raises(StaleEdit, match="filled in the facts from the fetched page"):
        edit(article, editor, seen=read, byline="Ann")


def test_a_refusal_lists_the_newest_changes_and_counts_the_rest(bridge, editor, reviewer):
    read = version_of(bridge)
    for n in range(7):
        latest = Article.objects.get(pk=bridge.pk)
        edit(latest, reviewer, byline=f"Writer {n}")
    with pytest.raises(StaleEdit) as refused:
        edit(bridge, editor, seen=read, title="Mine")
    changes = refused.value.changes
    assert changes[0] == "(2 earlier change(s) not shown.)"
    assert len(changes) == 6
    # Each shown change is told against the one before it, the oldest shown too.
    assert "byline from “Writer 1” to “Writer 2”" in changes[1]
    assert "byline from “Writer 5” to “Writer 6”" in changes[5]
    assert all("rita" in line for line in changes[1:])
