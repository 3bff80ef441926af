"""The admin's review actions go through the workflow: allowed and refused, role by role."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ClaimState, Verdict
from claims.services.versions import version_of
from tests.factories import ArticleFactory, ClaimFactory, UserFactory, scale_label
from tests.workflow.conftest import ROLES

pytestmark = pytest.mark.django_db

S = ClaimState
CHANGELIST = "admin:claims_claim_changelist"
EDITING = {"editor", "reviewer", "author_reviewer", "superuser"}
SENIOR = {"reviewer", "author_reviewer", "superuser"}

# action, the claim's state before, extra inputs, who may, the state after
ACTIONS = [
    ("assign_to_me", S.NEW, {}, EDITING, S.NEW),
    ("assign_to_chosen", S.IN_PROGRESS, {"assignee": "other_editor"}, SENIOR, S.IN_PROGRESS),
    ("publish", S.IN_REVIEW, {}, {"reviewer", "superuser"}, S.PUBLISHED),
    ("send_back", S.IN_REVIEW, {"comment": "Which year?"}, SENIOR, S.IN_PROGRESS),
    ("dismiss", S.IN_PROGRESS, {}, EDITING, S.DISMISSED),
    ("dismiss", S.PUBLISHED, {}, SENIOR, S.DISMISSED),
]


def _post_action(client, action: str, claims: list[Claim], **inputs: Any):
    data = {"action": action, "_selected_action": [c.pk for c in claims], **inputs}
    return client.post(reverse(CHANGELIST), data, follow=True)


def _texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "before", "inputs", "allowed", "after"), ACTIONS)
def test_each_admin_action_is_allowed_exactly_for_the_workflows_roles(
    client, people, claim_in, role, action, before, inputs, allowed, after
):
    claim = claim_in(before)
    if role != "anonymous":
        client.force_login(people[role])
    assignee = people[inputs.get("assignee", role)]
    if "assignee" in inputs:
        inputs = {"assignee": assignee.pk}
    response = _post_action(client, action, [claim], **inputs)
    claim.refresh_from_db()
    if action.startswith("assign") and role in allowed:
        assert claim.assignee == assignee
    if role == "anonymous":
        assert response.redirect_chain[-1][0].startswith(reverse("admin:login"))
        assert claim.state == before
    elif role in allowed:
        assert claim.state == after
        assert any(t.endswith(": 1 claim.") for t in _texts(response)), _texts(response)
    else:
        assert claim.state == before
        assert any(t.startswith(f"Refused for claim {claim.pk}:") for t in _texts(response))


def test_a_refusal_in_the_admin_says_why(client, people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    client.force_login(people["author_reviewer"])
    response = _post_action(client, "publish", [claim])
    assert _texts(response) == [
        f"Refused for claim {claim.pk}: the author of a verdict cannot approve it; "
        "another reviewer must."
    ]


def test_an_action_on_several_claims_reports_successes_and_refusals_apart(client, people, claim_in):
    good, also_good, not_in_review = (
        claim_in(S.IN_REVIEW),
        claim_in(S.IN_REVIEW),
        claim_in(S.NEW),
    )
    client.force_login(people["reviewer"])
    response = _post_action(client, "publish", [good, also_good, not_in_review])
    assert _texts(response) == [
        "Published: 2 claims.",
        f"Refused for claim {not_in_review.pk}: it is new.",
    ]


def test_sending_back_without_a_comment_is_refused(client, people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    client.force_login(people["reviewer"])
    response = _post_action(client, "send_back", [claim], comment="")
    assert _texts(response) == [f"Refused for claim {claim.pk}: say what is missing in a comment."]


def test_an_editor_who_is_not_staff_cannot_reach_the_admin(client, people, claim_in):
    editor = people["editor"]
    editor.is_staff = False
    editor.save()
    claim = claim_in(S.NEW)
    client.force_login(editor)
    response = _post_action(client, "dismiss", [claim])
    assert response.redirect_chain[-1][0].startswith(reverse("admin:login"))
    claim.refresh_from_db()
    assert claim.state == S.NEW


def test_staff_without_a_newsroom_role_is_refused_by_the_workflow(client, claim_in):
    outsider = UserFactory(is_staff=True)
    outsider.user_permissions.add(*_claim_permissions())
    claim = claim_in(S.NEW)
    client.force_login(outsider)
    response = _post_action(client, "dismiss", [claim])
    assert _texts(response) == [
        f"Refused for claim {claim.pk}: you are not signed in as an editor, a reviewer "
        "or a superuser."
    ]


def _claim_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename__in=["view_claim", "change_claim"])


def test_a_verdict_corrected_in_the_admin_keeps_the_old_one(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    client.force_login(people["reviewer"])
    url = reverse("admin:claims_verdict_change", args=[old.pk])
    data = {
        "rating": scale_label(2).pk,
        "rationale": "The census says 130.",
        "correction_note": "New census",
        "version": version_of(old),  # as read on the change page
    }
    response = client.post(url, data)
    assert response.status_code == 302
    client.force_login(people["superuser"])
    shown = _post_action(client, "approve_correction", [claim])
    proposal = Verdict.objects.get(claim=claim, is_current=False, supersedes=old)
    assert f'name="proposal-{claim.pk}" value="{proposal.pk}"' in shown.content.decode()
    _post_action(
        client,
        "approve_correction",
        [claim],
        confirmed="yes",
        **{f"proposal-{claim.pk}": proposal.pk},
    )
    current = Verdict.objects.get(claim=claim, is_current=True)
    assert (current.supersedes, current.correction_note) == (old, "New census")


def test_a_correction_without_a_note_is_refused_in_the_admin(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    client.force_login(people["reviewer"])
    url = reverse("admin:claims_verdict_change", args=[old.pk])
    data = {
        "rating": scale_label(2).pk,
        "rationale": "x",
        "correction_note": "",
        "version": version_of(old),
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "a correction needs a note" in response.content.decode()
    assert Verdict.objects.filter(claim=claim).count() == 1


def test_a_source_added_in_the_admin_is_recorded_with_its_author(client, people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    client.force_login(people["editor"])
    data = {"claim": claim.pk, "title": "Census 2021", "url": "https://example.org/c"}
    response = client.post(reverse("admin:claims_source_add"), data)
    assert response.status_code == 302
    source = claim.sources.get(title="Census 2021")
    assert source.added_by == people["editor"]
    assert source.history.get().history_user == people["editor"]


def test_another_editor_cannot_add_a_source_in_the_admin(client, people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    client.force_login(people["other_editor"])
    data = {"claim": claim.pk, "title": "Census 2021"}
    response = client.post(reverse("admin:claims_source_add"), data)
    assert response.status_code == 200
    assert "it is assigned to someone else" in response.content.decode()
    assert not claim.sources.filter(title="Census 2021").exists()


def test_the_claim_changelist_costs_a_fixed_number_of_queries(client, people, claim_in):
    for state in (S.IN_REVIEW, S.PUBLISHED, S.NEW):
        claim_in(state)
    client.force_login(people["reviewer"])
    url = reverse(CHANGELIST) + "?queue=to_review&kind__exact=area&q=miles"
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(20):
        claim_in(S.IN_REVIEW)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(many) == len(few) <= 10
    assert response.context["cl"].result_count == 21


def test_the_admin_index_shows_the_queues_with_counts(client, people, claim_in):
    claim_in(S.IN_REVIEW)
    claim_in(S.PUBLISHED)
    ClaimFactory(article=ArticleFactory(), worst_outcome="inconsistent")
    client.force_login(people["reviewer"])
    page = client.get(reverse("admin:index")).content.decode()
    changelist = reverse(CHANGELIST)
    for name, label in (
        ("to_review", "To review"),
        ("inconsistent", "Machine-inconsistent"),
        ("published_week", "Published this week"),
    ):
        assert f'<a href="{changelist}?queue={name}">{label}</a>' in page
    assert page.count('<td class="queue-count">1</td>') == 3


def test_the_rerun_extraction_action_requeues_the_articles(client, people):
    article = ArticleFactory(extraction_state="done")
    client.force_login(people["reviewer"])
    data = {"action": "rerun_extraction", "_selected_action": [article.pk]}
    client.post(reverse("admin:claims_article_changelist"), data, follow=True)
    article.refresh_from_db()
    assert article.extraction_state in {"queued", "running", "done"}
    assert article.extraction_queued_at is not None


@pytest.mark.parametrize(
    "page",
    [
        "admin:claims_claim_change",
        "admin:claims_claim_history",
        "admin:claims_article_change",
        "admin:claims_source_change",
        "admin:claims_verdict_change",
    ],
)
def test_the_change_and_history_pages_open_for_a_reviewer(client, people, claim_in, page):
    claim = claim_in(S.PUBLISHED)
    obj = {
        "claim": claim,
        "article": claim.article,
        "source": claim.sources.get(),
        "verdict": claim.verdicts.get(),
    }[page.split("_")[1]]
    client.force_login(people["reviewer"])
    assert client.get(reverse(page, args=[obj.pk])).status_code == 200


def test_the_claim_autocomplete_finds_claims_by_their_words(client, people, claim_in):
    claim = claim_in(S.NEW)
    client.force_login(people["editor"])
    url = reverse("admin:autocomplete")
    params = {"app_label": "claims", "model_name": "source", "field_name": "claim"}
    response = client.get(url, {**params, "term": claim.text[:8]})
    assert [r["id"] for r in response.json()["results"]] == [str(claim.pk)]


def _inline_data(claim: Claim, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """The claim change form's POST: the read-only inlines' management forms and the sources."""
    data: dict[str, Any] = {}
    for prefix in ("quantities", "check_results", "verdicts", "matches"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    existing = list(claim.sources.all())
    data |= {"sources-TOTAL_FORMS": len(sources), "sources-INITIAL_FORMS": len(existing)}
    for i, source in enumerate(sources):
        data |= {f"sources-{i}-{k}": v for k, v in source.items()}
        data[f"sources-{i}-claim"] = claim.pk
    return data


def test_sources_edited_inline_go_through_the_services(client, people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    old = claim.sources.get()
    client.force_login(people["editor"])
    data = _inline_data(
        claim,
        [
            {"id": old.pk, "title": "Renamed survey", "url": old.url},
            {"title": "Census 2021", "url": "https://example.org/census"},
        ],
    )
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    titles = sorted(claim.sources.values_list("title", flat=True))
    assert titles == ["Census 2021", "Renamed survey"]
    added = claim.sources.get(title="Census 2021")
    assert added.history.get().history_user == people["editor"]


def test_sources_of_a_claim_in_review_cannot_be_edited_inline_by_an_editor(
    client, people, claim_in
):
    claim = claim_in(S.IN_REVIEW)
    old = claim.sources.get()
    client.force_login(people["editor"])
    data = _inline_data(claim, [{"id": old.pk, "title": "Changed", "url": old.url}])
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    assert response.status_code == 200
    assert "only a reviewer may do that" in response.content.decode()
    old.refresh_from_db()
    assert old.title == "Lake survey"


@pytest.mark.parametrize(
    ("queue", "state", "outcome"),
    [
        ("to_review", S.IN_REVIEW, ""),
        ("inconsistent", S.IN_PROGRESS, "inconsistent"),
        ("published_week", S.PUBLISHED, ""),
    ],
)
def test_each_queue_lists_its_claims_only(client, people, claim_in, queue, state, outcome):
    wanted = claim_in(state)
    Claim.objects.filter(pk=wanted.pk).update(worst_outcome=outcome)
    for other in (S.NEW, S.DISMISSED):
        claim_in(other)
    client.force_login(people["reviewer"])
    response = client.get(reverse(CHANGELIST), {"queue": queue})
    assert [c.pk for c in response.context["cl"].result_list] == [wanted.pk]


def test_a_figure_in_words_gets_the_figure_message_inline_too(client, people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    old = claim.sources.get()
    client.force_login(people["editor"])
    data = _inline_data(
        claim,
        [{"id": old.pk, "title": old.title, "url": old.url, "reference_value": "forty-eight"}],
    )
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    assert response.status_code == 200
    assert "Write the source&#x27;s figure as a number" in response.content.decode()
    old.refresh_from_db()
    assert old.reference_value is None
