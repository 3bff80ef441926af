"""A newsroom and a published fact-check for the readers' error-report tests, and a reader
who fills the form in as a person does (the signed timestamp a few seconds old)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from claims.models import Claim, ClaimState
from claims.web.report_forms import started_token
from factcheck.celery import app
from tests.factories import (
    ClaimFactory,
    EditorFactory,
    PublishedVerdictFactory,
    ReviewerFactory,
    SuperuserFactory,
)

READER_ADDRESS = "203.0.113.5"


@dataclass
class Newsroom:
    editor: Any
    reviewer: Any
    other_reviewer: Any
    admin: Any


@pytest.fixture
def newsroom(db) -> Newsroom:
    return Newsroom(
        editor=EditorFactory(username="edna", email="edna@example.org"),
        reviewer=ReviewerFactory(username="rita", email="rita@example.org", first_name="Rita"),
        other_reviewer=ReviewerFactory(username="rob", email=""),
        admin=SuperuserFactory(username="root", email="root@example.org"),
    )


@pytest.fixture
def published(newsroom) -> Claim:
    claim = ClaimFactory(state=ClaimState.PUBLISHED)
    PublishedVerdictFactory(claim=claim, reviewer=newsroom.reviewer)
    return claim


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Tasks run in-process, as on the embedded default (the suite's broker is Redis)."""
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def form_data(**fields: Any) -> dict[str, Any]:
    """What a person's browser sends: the honeypot empty, the form shown ten seconds ago."""
    return {
        "message": "The gazetteer puts Kupyansk 61 km away, not 30 miles.",
        "name": "Ada Reader",
        "email": "ada@example.net",
        "website": "",
        "started": started_token(now=time.time() - 10),
        "page": "",
        **fields,
    }


def reader(address: str = READER_ADDRESS) -> Client:
    return Client(REMOTE_ADDR=address)
