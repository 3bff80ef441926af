"""The newsroom every workflow test works in: six kinds of person and claims in each state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from claims.models import Claim, ClaimState
from tests.factories import (
    ClaimFactory,
    EditorFactory,
    ReviewerFactory,
    SourceFactory,
    SuperuserFactory,
    VerdictFactory,
)

ROLES = ("anonymous", "editor", "other_editor", "reviewer", "author_reviewer", "superuser")


@pytest.fixture
def people(db) -> dict[str, Any]:
    """`editor` is the claims' assignee; `author_reviewer` wrote the proposed verdict."""
    return {
        "anonymous": AnonymousUser(),
        "editor": EditorFactory(username="editor"),
        "other_editor": EditorFactory(username="other_editor"),
        "reviewer": ReviewerFactory(username="reviewer"),
        "author_reviewer": ReviewerFactory(username="author_reviewer"),
        "superuser": SuperuserFactory(username="superuser"),
    }


@pytest.fixture
def claim_in(people) -> Callable[[str], Claim]:
    """A claim in the given state, as the workflow would have left it."""

    def make(state: str) -> Claim:
        claim = ClaimFactory(state=state, assignee=people["editor"])
        SourceFactory(claim=claim, added_by=people["editor"])
        if state in (ClaimState.IN_REVIEW, ClaimState.PUBLISHED):
            published = state == ClaimState.PUBLISHED
            VerdictFactory(
                claim=claim,
                author=people["author_reviewer"],
                reviewer=people["reviewer"] if published else None,
                published_at=timezone.now() if published else None,
            )
        return claim

    return make
