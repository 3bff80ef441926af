"""A small newsroom for the notification tests: an editor and two reviewers with email
addresses, an editor without one, an admin; and a claim walked through the services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from claims import services
from claims.models import Claim
from factcheck.celery import app
from tests.factories import (
    ClaimFactory,
    EditorFactory,
    ReviewerFactory,
    SourceFactory,
    SuperuserFactory,
    scale_label,
)


@dataclass
class People:
    editor: Any
    reviewer: Any
    other_reviewer: Any
    quiet_editor: Any  # no email address
    admin: Any


@pytest.fixture
def people(db) -> People:
    return People(
        editor=EditorFactory(username="edna", email="edna@example.org", first_name="Edna"),
        reviewer=ReviewerFactory(username="rita", email="rita@example.org", first_name="Rita"),
        other_reviewer=ReviewerFactory(username="rob", email="rob@example.org"),
        quiet_editor=EditorFactory(username="quinn", email=""),
        admin=SuperuserFactory(username="root", email="root@example.org"),
    )


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Tasks run in-process, as on the embedded default (the suite's broker is Redis)."""
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def claim_with_source(**fields: Any) -> Claim:
    claim = ClaimFactory(**fields)
    SourceFactory(claim=claim)
    return claim


def in_review(people: People, *, editor: Any = None) -> Claim:
    """A claim the editor started and proposed a verdict on."""
    editor = editor or people.editor
    claim = claim_with_source()
    services.claim_start(actor=editor, claim_id=claim.pk)
    services.verdict_propose(
        actor=editor,
        claim_id=claim.pk,
        rating=scale_label(2),
        rationale="The gazetteer says 61 km.",
    )
    return Claim.objects.get(pk=claim.pk)


def published(people: People) -> Claim:
    claim = in_review(people)
    services.claim_publish(actor=people.reviewer, claim_id=claim.pk)
    return Claim.objects.get(pk=claim.pk)
