"""The reviewers' queue (the admin) and the notifications of a report, with or without a claim:
the page, the API and the email cope with a notification that names no claim."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from claims.models import ErrorReport, ErrorReportStatus, Notification
from claims.services.reports import error_report_decide, report_error
from claims.services.versions import version_of
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:claims_errorreport_changelist"


def _report(claim=None, message: str = "The figure is wrong.", address: str = "192.0.2.1"):
    return report_error(
        claim_id=claim.pk if claim else None, message=message, email="", address=address
    )


def test_the_queue_lists_reports_newest_first_and_filters_them(client, newsroom, published):
    older = _report(published, "About the claim.")
    newer = _report(None, "About the site.")
    client.force_login(newsroom.reviewer)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert page.index("About the site.") < page.index("About the claim."), "newest first"
    assert "Correction requested" in page
    about_site = client.get(reverse(CHANGELIST), {"about": "site"}).context["cl"].result_list
    assert list(about_site) == [newer]
    about_claim = client.get(reverse(CHANGELIST), {"about": "claim"}).context["cl"].result_list
    assert list(about_claim) == [older]
    found = client.get(reverse(CHANGELIST), {"q": "site"}).context["cl"].result_list
    assert list(found) == [newer]
    by_status = client.get(reverse(CHANGELIST), {"status__exact": "resolved"})
    assert list(by_status.context["cl"].result_list) == []


def test_editors_do_not_see_the_queue(client, newsroom):
    client.force_login(newsroom.editor)
    assert client.get(reverse(CHANGELIST)).status_code == 403


def test_bulk_actions_record_who_and_when(client, newsroom, published):
    first, second, third = (_report(published) for _ in range(3))
    client.force_login(newsroom.reviewer)
    data = {
        "action": "mark_resolved",
        "_selected_action": [first.pk, second.pk],
        "note": "Corrected on 5 Dec.",
    }
    response = client.post(reverse(CHANGELIST), data, follow=True)
    assert "Marked resolved: 2 reports." in [str(m) for m in get_messages(response.wsgi_request)]
    for report in (first, second):
        report.refresh_from_db()
        assert report.status == ErrorReportStatus.RESOLVED
        assert report.handled_by == newsroom.reviewer and report.handled_at is not None
        assert report.resolution_note == "Corrected on 5 Dec."
        assert report.history.first().history_user == newsroom.reviewer
    client.post(reverse(CHANGELIST), {"action": "dismiss", "_selected_action": [third.pk]})
    third.refresh_from_db()
    assert third.status == ErrorReportStatus.DISMISSED and third.handled_by == newsroom.reviewer


def test_the_change_form_decides_and_keeps_the_readers_words(client, newsroom, published):
    report = _report(published, "Kupyansk is 61 km away.")
    client.force_login(newsroom.reviewer)
    url = reverse("admin:claims_errorreport_change", args=[report.pk])
    page = client.get(url).content.decode()
    assert reverse("admin:claims_claim_change", args=[published.pk]) in page
    assert published.get_absolute_url() in page
    response = client.post(
        url,
        {
            "status": "dismissed",
            "resolution_note": "The verdict already says so.",
            "message": "Rewritten by the reviewer",  # read-only: ignored
            "version": version_of(report),
            "_save": "Save",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.status == ErrorReportStatus.DISMISSED
    assert report.resolution_note == "The verdict already says so."
    assert report.message == "Kupyansk is 61 km away."
    assert report.handled_by == newsroom.reviewer


def test_the_claims_admin_page_counts_its_open_reports(client, newsroom, published):
    _report(published)
    resolved = _report(published)
    error_report_decide(actor=newsroom.reviewer, report_id=resolved.pk, status="resolved")
    client.force_login(newsroom.reviewer)
    page = client.get(reverse("admin:claims_claim_change", args=[published.pk])).content.decode()
    queue = reverse(CHANGELIST)
    filtered = f"{queue}?claim__id__exact={published.pk}&amp;status=correction_requested"
    assert f'{filtered}">1 open</a>' in page
    listed = client.get(filtered.replace("&amp;", "&")).context["cl"].result_list
    assert [r.claim_id for r in listed] == [published.pk]


def test_only_reviewers_may_decide(newsroom, published):
    report = _report(published)
    with pytest.raises(PermissionDenied):
        error_report_decide(actor=newsroom.editor, report_id=report.pk, status="resolved")
    report.refresh_from_db()
    assert report.status == ErrorReportStatus.CORRECTION_REQUESTED


def test_reopening_clears_who_handled_it(newsroom, published):
    report = _report(published)
    error_report_decide(actor=newsroom.reviewer, report_id=report.pk, status="resolved")
    report = error_report_decide(
        actor=newsroom.reviewer, report_id=report.pk, status="correction_requested"
    )
    assert report.handled_by is None and report.handled_at is None


# --- notifications without a claim ----------------------------------------------------------


def test_the_notifications_page_shows_and_opens_a_report_without_a_claim(client, newsroom):
    report = _report(None, "Your about page misspells Kharkiv.")
    client.force_login(newsroom.reviewer)
    page = client.get(reverse("web:notifications")).content.decode()
    assert "A reader asked for a correction" in page
    assert "A reader's report about the site" in page
    assert "The reader wrote:</span> Your about page misspells Kharkiv." in page
    notification = Notification.objects.get(recipient=newsroom.reviewer)
    response = client.post(reverse("web:notification_open", args=[notification.pk]))
    assert response["Location"] == reverse("admin:claims_errorreport_change", args=[report.pk])


def test_a_report_about_a_claim_opens_in_the_queue_too(client, newsroom, published):
    report = _report(published)
    client.force_login(newsroom.reviewer)
    page = client.get(reverse("web:notifications")).content.decode()
    assert f"“{published.text}”" in page
    notification = Notification.objects.get(recipient=newsroom.reviewer)
    response = client.post(reverse("web:notification_open", args=[notification.pk]))
    assert response["Location"] == reverse("admin:claims_errorreport_change", args=[report.pk])


def test_the_api_lists_a_notification_without_a_claim(newsroom, published):
    general = _report(None, "General.")
    _report(published, "Specific.")
    rows = client_for(newsroom.reviewer).get("/api/v1/notifications/").json()["results"]
    by_message = {row["message"]: row for row in rows}
    assert by_message["General."]["claim"] is None
    assert by_message["General."]["claim_url"] is None
    assert by_message["General."]["claim_text"] is None
    assert by_message["General."]["article_title"] is None
    assert by_message["General."]["error_report"] == general.pk
    assert by_message["General."]["kind"] == "correction_requested"
    assert by_message["Specific."]["claim"] == published.pk
    assert by_message["Specific."]["claim_text"] == published.text


def test_a_notification_without_a_claim_is_emailed(
    newsroom, settings, eager_tasks, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://factcheck.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        report = _report(None, "Your about page misspells Kharkiv.")
    to_rita = [m for m in mail.outbox if m.to == ["rita@example.org"]]
    assert len(to_rita) == 1
    email = to_rita[0]
    assert email.subject == (
        "[Factcheck] A reader asked for a correction: “Your about page misspells Kharkiv.”"
    )
    assert "A reader reported an error through the general form" in email.body
    assert "What the reader wrote:\nYour about page misspells Kharkiv." in email.body
    assert "Claim:" not in email.body
    link = f"https://factcheck.example.org/admin/claims/errorreport/{report.pk}/change/"
    assert f"Open the report: {link}" in email.body


def test_a_notification_needs_a_claim_or_a_report(newsroom):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(recipient=newsroom.reviewer, kind="assigned")
    assert not ErrorReport.objects.exists()


def test_the_admin_index_counts_the_reports_waiting(client, newsroom, published):
    _report(published, "One.")
    _report(None, "Two.", address="192.0.2.2")
    decided = _report(None, "Three.", address="192.0.2.3")
    ErrorReport.objects.filter(pk=decided.pk).update(status=ErrorReportStatus.RESOLVED)
    client.force_login(newsroom.reviewer)
    page = client.get(reverse("admin:index")).content.decode()
    waiting = f"{reverse(CHANGELIST)}?status__exact=correction_requested"
    row = page[page.index(f'<a href="{waiting}">') :]
    assert row.startswith(f'<a href="{waiting}">Readers&#x27; reports waiting</a>')
    assert '<td class="queue-count">2</td>' in row[: row.index("</tr>")]
    # An editor, who may not see the reports, is not shown the row.
    client.force_login(newsroom.editor)
    assert "reports waiting" not in client.get(reverse("admin:index")).content.decode()
