"""Each notification also goes by email, after the move commits, never breaking it."""

from __future__ import annotations

import logging
import os

import pytest
from django.core import mail
from django.db import transaction

from claims import services
from claims.models import Claim, Notification
from claims.services import notifications
from claims.tasks import email_notification
from tests.foundation.test_settings import PRODUCTION, run
from tests.notifications.conftest import claim_with_source, in_review

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]


def test_a_send_back_emails_the_editor_what_happened_with_the_comment_and_a_link(
    people, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://factcheck.example.org/"
    claim = in_review(people)
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_send_back(
            actor=people.reviewer, claim_id=claim.pk, comment="Cite the gazetteer entry."
        )
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["edna@example.org"]
    assert email.subject.startswith("[Factcheck] Sent back to you: “")
    assert "Rita sent a claim back to you" in email.body
    assert f"Claim: “{claim.text}”" in email.body
    assert f"Article: {claim.article.title}" in email.body
    assert "Cite the gazetteer entry." in email.body
    link = f"https://factcheck.example.org/articles/{claim.article_id}/?claim={claim.pk}#panel"
    assert f"Open the claim: {link}" in email.body
    assert Notification.objects.get().emailed_at is not None


def test_nothing_is_emailed_before_the_commit_nor_after_a_rollback(
    people, django_capture_on_commit_callbacks
):
    claim = claim_with_source()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)
    assert mail.outbox == [] and len(callbacks) == 1, "waiting for the commit"

    other = claim_with_source()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.claim_assign(actor=people.reviewer, claim_id=other.pk, assignee=people.editor)
        raise RuntimeError("something later in the same transaction failed")
    assert callbacks == [] and mail.outbox == []
    assert not Notification.objects.filter(claim=other).exists()


def test_someone_without_an_address_is_told_in_the_app_only(
    people, django_capture_on_commit_callbacks
):
    claim = claim_with_source()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.claim_assign(
            actor=people.reviewer, claim_id=claim.pk, assignee=people.quiet_editor
        )
    assert callbacks == [] and mail.outbox == []
    assert Notification.objects.get().recipient == people.quiet_editor


def test_a_mail_server_that_fails_does_not_break_the_move(
    people, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    claim = in_review(people)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        services.claim_publish(actor=people.reviewer, claim_id=claim.pk)
    assert Claim.objects.get(pk=claim.pk).state == "published"
    notification = Notification.objects.get()
    assert notification.emailed_at is None, "given back, for a later try"
    assert f"email of notification {notification.pk} could not be sent" in caplog.text


def test_a_broker_that_is_down_does_not_break_the_move(
    people, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("Redis is away")

    monkeypatch.setattr(email_notification, "delay", broker_down)
    claim = claim_with_source()
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)
    assert Claim.objects.get(pk=claim.pk).assignee == people.editor
    assert Notification.objects.filter(recipient=people.editor).exists()
    assert "could not queue the email" in caplog.text


def test_an_email_task_delivered_twice_sends_one_email(people, django_capture_on_commit_callbacks):
    claim = claim_with_source()
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)
    notification = Notification.objects.get()
    assert len(mail.outbox) == 1
    assert notifications.notification_send_email(notification_id=notification.pk) is False
    email_notification.apply(args=[notification.pk])
    email_notification.apply(args=[999_999_999])  # gone: nothing to do
    assert len(mail.outbox) == 1


EMAIL_PROBE = (
    "import django; django.setup(); from django.conf import settings as s; print(s.EMAIL_BACKEND)"
)


def _backend(**env: str) -> str:
    result = run(EMAIL_PROBE, ENV_FILE=os.devnull, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_embedded_default_prints_emails_and_production_uses_smtp():
    assert _backend(DEBUG="true") == "django.core.mail.backends.console.EmailBackend"
    assert _backend(**PRODUCTION) == "django.core.mail.backends.smtp.EmailBackend"
    chosen = "django.core.mail.backends.locmem.EmailBackend"
    assert _backend(**PRODUCTION, EMAIL_BACKEND=chosen) == chosen
