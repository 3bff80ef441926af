"""A corrected dateline re-runs the article's checks in the real worker, also when the worker
is in the middle of a run that read the old dateline."""

from __future__ import annotations

from datetime import date

import pytest

from claims import services
from claims.models import Article, CheckResult, ExtractionState
from claims.services.versions import version_of
from tests.factories import EditorFactory
from tests.pipeline.conftest import wait_for

pytestmark = pytest.mark.services

# 14 September 2022 was a Wednesday, so "Sunday" is four days later; in 2023 it was a Thursday.
DISPATCH = (
    "The Dnipro bridge reopened on Sunday, four days after it closed on 14 September. "
    "Repairs cost $2 million, the city said. Engineers found a crack some 30 metres from the "
    "eastern bank, and traffic was held for 45 minutes while they looked at it again."
)
WRONG, RIGHT = date(2023, 9, 17), date(2022, 9, 18)


def state_of(article_id: int) -> str:
    return Article.objects.values_list("extraction_state", flat=True).get(pk=article_id)


def date_outcomes(article_id: int) -> set[str]:
    findings = CheckResult.objects.filter(
        claim__article_id=article_id, check_name="date_arithmetic"
    )
    return set(findings.values_list("outcome", flat=True))


def correct_dateline(article_id: int, editor) -> services.FactsUpdate:
    article = Article.objects.get(pk=article_id)
    return services.article_update_facts(
        actor=editor, article_id=article_id, seen_version=version_of(article), dateline=RIGHT
    )


def test_a_corrected_dateline_is_checked_again_by_the_worker(start_worker):
    start_worker()
    editor = EditorFactory(username="edna")
    article = services.article_ingest_text(text=DISPATCH, dateline=WRONG).article
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE)
    assert date_outcomes(article.pk) == {"inconsistent"}

    assert correct_dateline(article.pk, editor).rechecking
    assert wait_for(lambda: date_outcomes(article.pk) == {"consistent"})
    assert state_of(article.pk) == ExtractionState.DONE


def test_a_run_under_way_with_the_old_dateline_gives_way_to_one_with_the_new(start_worker):
    start_worker()
    editor = EditorFactory(username="edna")
    # Long enough (some half a megabyte) to be caught while the worker is extracting it.
    text = "\n\n".join(f"Dispatch {i}. {DISPATCH}" for i in range(2000))
    article = services.article_ingest_text(text=text, dateline=WRONG).article
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.RUNNING, every=0.02)

    assert correct_dateline(article.pk, editor).rechecking
    assert state_of(article.pk) == ExtractionState.QUEUED  # the running run lost its claim

    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE, timeout=240)
    # Only the run that read the new dateline wrote: every date finding agrees with it.
    assert date_outcomes(article.pk) == {"consistent"}
