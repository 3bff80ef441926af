"""Sign-in lockout on both login pages: per username and address, with a cool-off.

Before django-axes, 50 wrong passwords in a few seconds and then the right one signed in.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings

from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-only"  # tests.factories.UserFactory's
PAGES = ["/accounts/login/", "/admin/login/"]
LIMIT, COOL_OFF = 5, timedelta(minutes=15)  # the defaults (LOGIN_FAILURE_LIMIT, …)
LOCKED = "Too many failed sign-ins for this account from your address"


@pytest.fixture
def edna(db):
    return EditorFactory(username="edna")  # staff, so the admin lets her in too


def _sign_in(client, page, password, *, username="edna", address="10.0.0.1", **extra):
    data = {"username": username, "password": password, "next": "/"}
    return client.post(page, data, REMOTE_ADDR=address, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_limit_and_cool_off_are_the_configured_ones():
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert settings.AXES_COOLOFF_TIME == COOL_OFF
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


@pytest.mark.parametrize("page", PAGES)
def test_fifty_wrong_passwords_then_the_right_one_is_refused(client, edna, page):
    for attempt in range(50):
        response = _sign_in(client, page, f"guess-{attempt}")
        expected = 200 if attempt < LIMIT - 1 else 429
        assert response.status_code == expected, attempt
    response = _sign_in(client, page, PASSWORD)
    assert response.status_code == 429
    page_text = response.content.decode()
    assert LOCKED in page_text
    assert "blocked for 15 minutes, even with the right password" in page_text
    assert not _signed_in(client)


@pytest.mark.parametrize("page", PAGES)
def test_wrong_passwords_below_the_limit_keep_the_form_and_the_right_one_signs_in(
    client, edna, page
):
    for attempt in range(LIMIT - 1):
        response = _sign_in(client, page, f"guess-{attempt}")
        assert response.status_code == 200
        assert "correct username and password" in response.content.decode()
    response = _sign_in(client, page, PASSWORD)
    assert response.status_code == 302
    assert _signed_in(client)


@pytest.mark.parametrize("page", PAGES)
def test_after_the_cool_off_the_right_password_signs_in_again(client, edna, page):
    from axes.models import AccessAttempt

    for attempt in range(LIMIT):
        _sign_in(client, page, f"guess-{attempt}")
    assert _sign_in(client, page, PASSWORD).status_code == 429
    # The cool-off has passed: the attempts are as old as the cool-off and a second.
    past = COOL_OFF + timedelta(seconds=1)
    for row in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=row.attempt_time - past)
    response = _sign_in(client, page, PASSWORD)
    assert response.status_code == 302
    assert _signed_in(client)


def test_the_lock_holds_for_that_username_from_that_address_only(client, edna):
    EditorFactory(username="other")
    page = PAGES[0]
    for attempt in range(LIMIT):
        _sign_in(client, page, f"guess-{attempt}")
    assert _sign_in(client, page, PASSWORD).status_code == 429
    assert _sign_in(client, page, PASSWORD, username="other").status_code == 302
    client.logout()
    assert _sign_in(client, page, PASSWORD, address="10.0.0.2").status_code == 302


def test_a_forged_forwarded_for_header_does_not_dodge_the_lock(client, edna):
    page = PAGES[0]
    for attempt in range(LIMIT):
        forged = f"192.0.2.{attempt}"
        _sign_in(client, page, f"guess-{attempt}", HTTP_X_FORWARDED_FOR=forged)
    response = _sign_in(client, page, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429
