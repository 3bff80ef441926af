"""The readers' forms: a report lands in the queue, notifies the reviewers and thanks the
reader; the honeypot, the fill time and the throttle refuse what they should, clearly."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.crypto import salted_hmac

from claims.models import ClaimState, ErrorReport, ErrorReportStatus, Notification
from claims.models.reports import MESSAGE_MAX_LENGTH
from claims.web.report_forms import started_token
from tests.factories import ClaimFactory
from tests.reports.conftest import READER_ADDRESS, form_data, reader

pytestmark = pytest.mark.django_db

STARTED = re.compile(r'name="started" value="([^"]+)"')


def _report_url(claim) -> str:
    return reverse("web:claim_report", args=[claim.pk])


def test_the_fact_check_page_carries_the_report_form_with_a_hidden_honeypot(published):
    page = reader().get(reverse("web:public_check", args=[published.pk])).content.decode()
    assert f'action="{_report_url(published)}"' in page
    assert 'href="#report-error"' in page
    honeypot = re.search(r'<div class="vh" aria-hidden="true">(.*?)</div>', page, re.S)
    assert honeypot is not None, "the honeypot is out of sight and hidden from screen readers"
    assert 'name="website"' in honeypot.group(1)
    assert 'autocomplete="off"' in honeypot.group(1) and 'tabindex="-1"' in honeypot.group(1)
    assert STARTED.search(page), "the form carries its signed start time"
    assert 'href="/report-an-error/"' in page, "and leads to the general form"


def test_a_readers_report_lands_in_the_queue_notifies_each_reviewer_and_thanks_the_reader(
    newsroom, published, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = reader().post(_report_url(published), form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("web:report_thanks")

    report = ErrorReport.objects.get()
    assert report.status == ErrorReportStatus.CORRECTION_REQUESTED
    assert report.get_status_display() == "Correction requested"
    assert report.claim == published
    assert report.message == "The gazetteer puts Kupyansk 61 km away, not 30 miles."
    assert (report.name, report.email) == ("Ada Reader", "ada@example.net")
    assert report.page_url == f"/checks/{published.pk}/"
    assert report.history.count() == 1

    notified = Notification.objects.filter(error_report=report)
    assert {n.recipient.username for n in notified} == {"rita", "rob", "root"}, "not the editor"
    assert {n.kind for n in notified} == {"correction_requested"}
    assert all(n.claim_id == published.pk and n.actor is None for n in notified)
    assert notified.first().get_kind_display() == "A reader asked for a correction"

    acknowledgement = [m for m in mail.outbox if m.to == ["ada@example.net"]]
    assert len(acknowledgement) == 1
    assert acknowledgement[0].subject == "[Factcheck] We have received your report"
    assert "Dear Ada Reader," in acknowledgement[0].body
    assert f"about our fact-check of “{published.text}”" in acknowledgement[0].body
    assert "61 km away" in acknowledgement[0].body
    report.refresh_from_db()
    assert report.acknowledged_at is not None
    told = sorted(addr for m in mail.outbox for addr in m.to if addr != "ada@example.net")
    assert told == ["rita@example.org", "root@example.org"], "reviewers with an address"


def test_the_acknowledgement_page_says_what_happens_next(client):
    page = client.get(reverse("web:report_thanks")).content.decode()
    assert "Thank you — we have received your report" in page
    assert "What happens next" in page
    # No corrections-policy page in this project yet: a neutral sentence, no dead link.
    assert "corrections-policy" not in page
    assert "Every correction we make is shown on the fact-check it changes." in page


def test_no_email_no_acknowledgement_but_the_report_is_taken(
    newsroom, published, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = reader().post(_report_url(published), form_data(email="", name=""))
    assert response.status_code == 302
    assert ErrorReport.objects.get().email == ""
    assert not [m for m in mail.outbox if "received your report" in m.subject]


def test_the_general_form_works_without_a_claim(newsroom, django_capture_on_commit_callbacks):
    client = reader()
    page = client.get(reverse("web:report_error"), HTTP_REFERER="http://testserver/about/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<h2 id="report-error-title">Report an error</h2>' in html
    assert 'value="/about/"' in html, "it remembers the page the reader came from"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("web:report_error"), form_data(page="/about/"))
    assert response.status_code == 302
    report = ErrorReport.objects.get()
    assert report.claim is None and report.page_url == "/about/"
    notified = Notification.objects.filter(error_report=report)
    assert notified.count() == 3 and not notified.filter(claim__isnull=False).exists()


def test_the_honeypot_refuses_without_saying_why(newsroom, published):
    response = reader().post(_report_url(published), form_data(website="http://spam.example"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "We could not accept this report." in page
    assert "go back, check the form and send it again" in page
    for tell in ("website", "honeypot", "empty", "bot"):
        assert tell not in page.lower(), f"the page must not say what tripped it: {tell}"
    assert not ErrorReport.objects.exists() and not Notification.objects.exists()


def test_a_form_sent_too_fast_is_refused_with_the_text_kept(published):
    response = reader().post(_report_url(published), form_data(started=started_token()))
    assert response.status_code == 400
    page = response.content.decode()
    assert "That was sent faster than anyone can write a report" in page
    assert "The gazetteer puts Kupyansk 61 km away, not 30 miles.</textarea>" in page
    assert 'value="Ada Reader"' in page
    assert not ErrorReport.objects.exists()


def test_the_fill_time_follows_the_setting(published, settings):
    settings.REPORT_MIN_FILL_SECONDS = 30
    response = reader().post(_report_url(published), form_data())  # ten seconds: too fast now
    assert response.status_code == 400
    settings.REPORT_MIN_FILL_SECONDS = 5
    assert reader().post(_report_url(published), form_data()).status_code == 302


@pytest.mark.parametrize(
    "started,said",
    [
        ("garbage", "We could not check this form"),
        ("", "We could not check this form"),
        (None, "We could not check this form"),  # a forged signature, below
        ("old", "This form was opened more than a day ago and has expired."),
    ],
)
def test_a_tampered_or_stale_timestamp_is_refused_with_the_text_kept(published, started, said):
    if started is None:
        signature = started_token(now=time.time() - 10).rsplit(":", 1)[1]
        started = f"{time.time() - 3600:.3f}:{signature}"  # an older time, the same signature
    elif started == "old":
        started = started_token(now=time.time() - 2 * 24 * 3600)
    response = reader().post(_report_url(published), form_data(started=started))
    assert response.status_code == 400
    page = response.content.decode()
    assert said in page
    assert "61 km away, not 30 miles.</textarea>" in page
    fresh = STARTED.search(page)
    assert fresh and fresh.group(1) != started, "a new start time, so sending again works"
    assert not ErrorReport.objects.exists()


def test_the_throttle_refuses_the_address_beyond_its_hour_and_not_another(
    newsroom, published, settings
):
    settings.REPORTS_PER_HOUR = 3
    for _ in range(3):
        assert reader().post(_report_url(published), form_data()).status_code == 302
    refused = reader().post(_report_url(published), form_data(message="Fourth time."))
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "You have sent 3 reports in the last hour; please try again later." in page
    assert "Fourth time." in page, "what the reader wrote is shown back to them"
    assert ErrorReport.objects.count() == 3
    # The general form shares the address's budget.
    assert reader().post(reverse("web:report_error"), form_data()).status_code == 429
    # Another address has its own.
    assert reader("198.51.100.7").post(_report_url(published), form_data()).status_code == 302
    assert ErrorReport.objects.count() == 4


def test_reports_older_than_an_hour_no_longer_count(newsroom, published, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.REPORTS_PER_HOUR = 1
    assert reader().post(_report_url(published), form_data()).status_code == 302
    assert reader().post(_report_url(published), form_data()).status_code == 429
    ErrorReport.objects.update(created_at=timezone.now() - timedelta(minutes=61))
    assert reader().post(_report_url(published), form_data()).status_code == 302


def test_the_address_is_kept_only_as_a_keyed_hash(newsroom, published):
    reader().post(_report_url(published), form_data())
    stored = ErrorReport.objects.values_list("address_hash", flat=True).get()
    assert READER_ADDRESS not in stored
    expected = salted_hmac("claims.error-report.address", READER_ADDRESS, algorithm="sha256")
    assert stored == expected.hexdigest()
    assert "address_hash" not in {f.name for f in ErrorReport.history.model._meta.fields}


@pytest.mark.parametrize("state", [ClaimState.NEW, ClaimState.IN_REVIEW, ClaimState.DISMISSED])
def test_only_a_published_fact_check_takes_reports(newsroom, state):
    claim = ClaimFactory(state=state)
    assert reader().post(_report_url(claim), form_data()).status_code == 404
    assert reader().get(_report_url(claim)).status_code == 404
    assert not ErrorReport.objects.exists()


def test_a_claim_that_does_not_exist_takes_no_report(db):
    url = reverse("web:claim_report", args=[987_654])
    assert reader().post(url, form_data()).status_code == 404


def test_the_message_is_required_and_the_rest_is_kept(published):
    response = reader().post(_report_url(published), form_data(message="   "))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write what is wrong: the message cannot be empty." in page
    assert 'value="Ada Reader"' in page and 'value="ada@example.net"' in page
    assert not ErrorReport.objects.exists()


def test_a_message_too_long_is_refused_with_the_text_kept(published):
    long = "x" * (MESSAGE_MAX_LENGTH + 1)
    response = reader().post(_report_url(published), form_data(message=long))
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Ensure this value has at most {MESSAGE_MAX_LENGTH} characters" in page
    assert long in page
    assert not ErrorReport.objects.exists()


def test_a_bad_email_address_is_refused_with_the_text_kept(published):
    response = reader().post(_report_url(published), form_data(email="not an address"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a valid email address." in page
    assert "61 km away, not 30 miles.</textarea>" in page


def test_a_page_from_elsewhere_is_not_recorded(newsroom, published):
    reader().post(_report_url(published), form_data(page="https://evil.example/x"))
    assert ErrorReport.objects.get().page_url == f"/checks/{published.pk}/"
