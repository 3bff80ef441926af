"""The notifications page, the nav's count, marking read, and the sent-back comment."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.models import Notification, NotificationKind
from tests.notifications.conftest import claim_with_source, in_review
from tests.web.reading import as_read

pytestmark = pytest.mark.django_db


def _notify(people, n: int) -> None:
    for _ in range(n):
        claim = claim_with_source()
        services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)


def test_the_nav_counts_unread_notifications(client, people):
    client.force_login(people.editor)
    assert ">Notifications</a>" in client.get(reverse("web:dashboard")).content.decode()
    _notify(people, 2)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert 'Notifications <span class="count">(2)</span>' in html


def test_the_nav_says_99_plus_beyond_99(client, people):
    claim = claim_with_source()
    Notification.objects.bulk_create(
        Notification(recipient=people.editor, kind="assigned", claim=claim) for _ in range(120)
    )
    client.force_login(people.editor)
    assert "(99+)" in client.get(reverse("web:dashboard")).content.decode()


def test_the_page_lists_them_newest_first_with_the_comment_and_an_empty_state(client, people):
    client.force_login(people.editor)
    page = client.get(reverse("web:notifications")).content.decode()
    assert "Nothing yet." in page
    claim = in_review(people)
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment="Cite the survey.")
    _notify(people, 1)
    page = client.get(reverse("web:notifications")).content.decode()
    assert page.index("Assigned to you") < page.index("Sent back to you"), "newest first"
    assert "What is missing:</span> Cite the survey." in page
    assert "by Rita" in page
    assert f"“{claim.text}”" in page


def test_opening_one_marks_it_read_and_goes_to_the_claims_panel(client, people):
    claim = in_review(people)
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment="Cite it.")
    notification = Notification.objects.get()
    client.force_login(people.editor)
    url = reverse("web:notification_open", args=[notification.pk])
    assert client.get(url).status_code == 405, "reading never happens on a GET"
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/articles/{claim.article_id}/?claim={claim.pk}#panel"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert 'class="count"' not in client.get(reverse("web:dashboard")).content.decode()


def test_someone_elses_notification_cannot_be_opened(client, people):
    _notify(people, 1)
    client.force_login(people.other_reviewer)
    url = reverse("web:notification_open", args=[Notification.objects.get().pk])
    assert client.post(url).status_code == 404
    assert Notification.objects.get().read_at is None


def test_mark_all_read(client, people):
    _notify(people, 3)
    client.force_login(people.editor)
    response = client.post(reverse("web:notifications_read_all"), follow=True)
    assert "Marked 3 notifications read." in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_the_page_needs_a_signed_in_newsroom_member(client, people):
    response = client.get(reverse("web:notifications"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_is_paginated(client, people):
    claim = claim_with_source()
    Notification.objects.bulk_create(
        Notification(recipient=people.editor, kind="assigned", claim=claim) for _ in range(30)
    )
    client.force_login(people.editor)
    page = client.get(reverse("web:notifications")).content.decode()
    assert "Page 1 of 2" in page and 'rel="next"' in page
    assert page.count('class="notification unread"') == 25


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_runs_as_many_queries_for_one_row_as_for_thirty(client, people):
    client.force_login(people.editor)
    url = reverse("web:notifications")
    claims = [claim_with_source() for _ in range(30)]
    Notification.objects.create(
        recipient=people.editor, kind="sent_back", claim=claims[0], actor=people.reviewer
    )
    one = _count(client, url)
    Notification.objects.bulk_create(
        Notification(
            recipient=people.editor,
            kind=NotificationKind.values[i % 4],
            claim=claims[i],
            actor=people.reviewer if i % 2 else people.other_reviewer,
            message="m",
        )
        for i in range(1, 30)
    )
    thirty = _count(client, url)
    assert one == thirty, f"{one} queries with 1 row, {thirty} with 30"


# --- the panel and the dashboard ---------------------------------------------------------------


def test_the_panel_says_sent_back_to_you_by_whom_with_the_comment(client, people):
    claim = in_review(people)
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment="Cite it.")
    client.force_login(people.editor)
    panel = client.get(reverse("web:claim", args=[claim.pk]), HTTP_HX_REQUEST="true")
    html = panel.content.decode()
    assert "Sent back to you by Rita:</strong>" in html
    assert '<p class="comment">Cite it.</p>' in html
    client.force_login(people.other_reviewer)
    html = client.get(reverse("web:claim", args=[claim.pk]), HTTP_HX_REQUEST="true")
    assert "Sent back to edna by Rita:" in html.content.decode()


def test_the_dashboard_lists_claims_sent_back_to_you(client, people):
    claim = in_review(people)
    client.force_login(people.editor)
    assert "Sent back to you" not in client.get(reverse("web:dashboard")).content.decode()
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment="Cite it.")
    html = client.get(reverse("web:dashboard")).content.decode()
    assert '<h2 id="sent-back">Sent back to you</h2>' in html
    assert "What is missing: Cite it." in html


# --- assigning by username -------------------------------------------------------------------


def _assign(client, claim, username: str):
    return client.post(
        reverse("web:assign", args=[claim.pk]),
        {"assign-assignee": username, **as_read("web:assign", claim.pk)},
        HTTP_HX_REQUEST="true",
    )


def test_a_reviewer_assigns_by_username_from_a_list_of_people(client, people):
    claim = claim_with_source()
    client.force_login(people.reviewer)
    panel = client.get(reverse("web:claim", args=[claim.pk]), HTTP_HX_REQUEST="true")
    html = panel.content.decode()
    assert 'list="id_assign-assignee-people"' in html
    assert '<option value="edna">Edna</option>' in html
    assert '<option value="quinn">quinn</option>' in html
    _assign(client, claim, "Edna")  # any case, when it names one person
    claim.refresh_from_db()
    assert claim.assignee == people.editor


@pytest.mark.parametrize("name", ["bob", "olaf", ""])
def test_an_unknown_or_unfit_username_is_refused_where_it_was_typed(client, people, name):
    from tests.factories import UserFactory

    UserFactory(username="olaf")  # exists, but neither editor nor reviewer
    claim = claim_with_source()
    client.force_login(people.reviewer)
    html = _assign(client, claim, name).content.decode()
    expected = (
        f"No active editor or reviewer is called “{name}”."
        if name
        else "Give the username of the person to assign."
    )
    assert expected in html
    assert 'class="field invalid"' in html
    claim.refresh_from_db()
    assert claim.assignee is None


def test_the_assign_form_shows_the_current_assignee_by_username(client, people):
    claim = claim_with_source()
    services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)
    client.force_login(people.reviewer)
    html = client.get(reverse("web:claim", args=[claim.pk]), HTTP_HX_REQUEST="true")
    assert 'name="assign-assignee" value="edna"' in html.content.decode()
