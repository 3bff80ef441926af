"""Writes that must not interleave: re-extraction against an editor, If-Match against a write."""

from __future__ import annotations

import threading

import pytest
from django.db import DatabaseError, connection, transaction
from rest_framework.test import APIRequestFactory

from claims import services
from claims.api.etags import etag_of, if_match_locked
from claims.models import Claim, ClaimState, Source
from tests.factories import ClaimFactory, EditorFactory, SourceFactory
from tests.paths import SEED

# Row locks are PostgreSQL's (the README's test command runs there); SQLite locks whole files.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("on_postgres")]


def in_thread(work) -> list:
    """Run `work` on a connection of its own; what it returns or raises comes back."""
    outcome: list = []

    def run():
        try:
            outcome.append(work())
        except Exception as exc:
            outcome.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    return outcome


def test_reextraction_waits_for_an_editor_and_keeps_what_they_added(monkeypatch):
    # This test runs the extraction itself, at the moment it chooses.
    monkeypatch.setattr("claims.services.extraction.enqueue_extraction", lambda ids: None)
    editor = EditorFactory()
    article = services.article_ingest_text(text=SEED.read_text()).article
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert article.extraction_state == "done"
    first = article.claims.order_by("start").first()
    ghost = Claim.objects.create(  # a claim the next extraction will not find again
        article=article,
        start=0,
        end=3,
        sentence_start=0,
        sentence_end=first.sentence_end,
        text=article.text[0:3],
        sentence=article.text[0 : first.sentence_end],
        kind="count",
    )
    services.articles_requeue_extraction(article_ids=[article.pk])
    holding, release = threading.Event(), threading.Event()

    errors: list[Exception] = []

    def editor_adds_a_source():
        try:
            with transaction.atomic():
                services.source_add(actor=editor, claim_id=ghost.pk, title="editor's evidence")
                holding.set()
                release.wait(10)  # still uncommitted while the extraction starts
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=editor_adds_a_source)
    thread.start()
    assert holding.wait(10), errors
    timer = threading.Timer(1.0, release.set)
    timer.start()
    services.article_extract(article_id=article.pk)  # blocks on the claim lock until commit
    thread.join(10)
    ghost.refresh_from_db()
    assert ghost.detached
    assert Source.objects.filter(claim=ghost, title="editor's evidence").exists()


def test_if_match_holds_the_row_from_the_check_to_the_write():
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS)
    source = SourceFactory(claim=claim)
    request = APIRequestFactory().patch("/", HTTP_IF_MATCH=etag_of(source))
    from rest_framework.request import Request

    with if_match_locked(Request(request), source, required=True):

        def grab():
            with transaction.atomic():
                return Source.objects.select_for_update(nowait=True).get(pk=source.pk)

        outcome = in_thread(grab)
    assert isinstance(outcome[0], DatabaseError)  # another writer cannot get in between
