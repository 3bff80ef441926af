from __future__ import annotations

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from claims import services
from claims.models import Claim, Verdict
from tests.factories import ClaimFactory, SourceFactory, UserFactory, rated

ROLES = ("anonymous", "read_only", "editor", "reviewer", "admin")


@pytest.fixture
def people(db) -> dict:
    return {
        "editor": UserFactory(username="eddie", groups=["Editors"]),
        "reviewer": UserFactory(username="rita", groups=["Reviewers"]),
        "other_reviewer": UserFactory(username="rob", groups=["Reviewers"]),
        "outsider": UserFactory(username="olga"),
        "admin": UserFactory(username="root", is_superuser=True, is_staff=True),
    }


def client_for(user=None, *, read_only: bool = False) -> APIClient:
    client = APIClient()
    if user is not None:
        _, key = services.api_token_issue(user=user, name="tests", read_only=read_only)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.fixture
def as_role(people):
    def make(role: str) -> tuple[APIClient, object]:
        if role == "anonymous":
            return client_for(None), None
        if role == "read_only":
            return client_for(people["reviewer"], read_only=True), people["reviewer"]
        return client_for(people[role]), people[role]

    return make


def claim_in(state: str, *, assignee=None, author=None, sources: int = 0, published=False):
    """A claim in `state`, with a current verdict by `author` when it is past a proposal."""
    claim = ClaimFactory(state=state, assignee=assignee)
    for _ in range(sources):
        SourceFactory(claim=claim)
    if author is not None:
        Verdict.objects.create(
            claim=claim,
            **rated(4),
            rationale="Close enough.",
            author=author,
            reviewer=None if not published else author,
            published_at=timezone.now() if published else None,
        )
    return Claim.objects.get(pk=claim.pk)
