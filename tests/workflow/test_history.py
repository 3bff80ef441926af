"""Every change to claims, verdicts and sources is kept: who, when, from what to what."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import selectors, services
from claims.models import ClaimState, Verdict
from claims.services.review import correction_approve
from tests.factories import scale_label

pytestmark = pytest.mark.django_db


def test_the_history_of_a_verdict_shows_who_changed_it_when_and_from_what_to_what(people, claim_in):
    claim = claim_in(ClaimState.IN_PROGRESS)
    before = timezone.now()
    services.verdict_propose(
        actor=people["editor"], claim_id=claim.pk, rating=scale_label(2), rationale="A"
    )
    services.claim_publish(actor=people["reviewer"], claim_id=claim.pk)

    proposed, published = claim.verdicts.get().history.order_by("history_date")
    assert (proposed.history_type, proposed.history_user) == ("+", people["editor"])
    assert (published.history_type, published.history_user) == ("~", people["reviewer"])
    assert before <= proposed.history_date <= published.history_date
    changes = {c.field: (c.old, c.new) for c in published.diff_against(proposed).changes}
    assert changes["reviewer"] == (None, people["reviewer"].pk)
    assert changes["published_at"][0] is None
    assert changes["published_at"][1] is not None
    assert published.history_change_reason == "published"


def test_a_correction_shows_in_the_old_verdicts_history(people, claim_in):
    claim = claim_in(ClaimState.PUBLISHED)
    old = claim.verdicts.get()
    services.verdict_correct(
        actor=people["superuser"],
        claim_id=claim.pk,
        rating=scale_label(1),
        rationale="B",
        note="New count",
    )
    correction_approve(actor=people["reviewer"], claim_id=claim.pk)
    last = old.history.latest()
    assert last.history_user == people["reviewer"]
    changes = {c.field: (c.old, c.new) for c in last.diff_against(last.prev_record).changes}
    assert changes["is_current"] == (True, False)


def test_the_claims_history_records_each_move_with_its_reason(people, claim_in):
    claim = claim_in(ClaimState.IN_REVIEW)
    services.claim_send_back(actor=people["reviewer"], claim_id=claim.pk, comment="Which year?")
    record = claim.history.latest()
    assert record.history_user == people["reviewer"]
    assert record.history_change_reason == "Which year?"
    change = next(c for c in record.diff_against(record.prev_record).changes if c.field == "state")
    assert (change.old, change.new) == (ClaimState.IN_REVIEW, ClaimState.IN_PROGRESS)


def test_a_removed_source_stays_in_the_history(people, claim_in):
    claim = claim_in(ClaimState.IN_PROGRESS)
    source = claim.sources.get()
    services.source_remove(actor=people["editor"], source_id=source.pk)
    gone = source.history.model.objects.filter(id=source.pk).latest()
    assert (gone.history_type, gone.history_user, gone.title) == (
        "-",
        people["editor"],
        "Lake survey",
    )


def test_the_verdict_history_page_in_the_admin_names_the_reviewer_and_the_change(
    client, people, claim_in
):
    claim = claim_in(ClaimState.IN_REVIEW)
    verdict = services.claim_publish(actor=people["superuser"], claim_id=claim.pk)
    client.force_login(people["reviewer"])
    response = client.get(reverse("admin:claims_verdict_history", args=[verdict.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    who = people["superuser"]
    assert f'<a href="/admin/auth/user/{who.pk}/change/">superuser</a>' in page
    assert "<strong>Published at:</strong>" in page
    assert "<strong>Reviewer:</strong>" in page


def test_the_public_selector_gives_the_published_verdict_and_its_corrections(people, claim_in):
    claim = claim_in(ClaimState.PUBLISHED)
    first = claim.verdicts.get()
    services.verdict_correct(
        actor=people["reviewer"],
        claim_id=claim.pk,
        rating=scale_label(2),
        rationale="B",
        note="Second look",
    )
    correction_approve(actor=people["superuser"], claim_id=claim.pk)
    services.verdict_correct(
        actor=people["superuser"],
        claim_id=claim.pk,
        rating=scale_label(1),
        rationale="C",
        note="Third look",
    )
    third = correction_approve(actor=people["reviewer"], claim_id=claim.pk)
    shown = selectors.claim_published_verdict(claim_id=claim.pk)
    assert shown.verdict == third
    assert [v.correction_note for v in shown.corrections] == ["Third look", "Second look"]
    assert shown.superseded[-1] == first


def test_the_public_selector_shows_nothing_before_publication_or_after_dismissal(people, claim_in):
    assert selectors.claim_published_verdict(claim_id=claim_in(ClaimState.IN_REVIEW).pk) is None
    claim = claim_in(ClaimState.PUBLISHED)
    services.claim_dismiss(actor=people["reviewer"], claim_id=claim.pk)
    assert selectors.claim_published_verdict(claim_id=claim.pk) is None
    assert Verdict.objects.filter(claim=claim).exists()  # kept, just not shown
