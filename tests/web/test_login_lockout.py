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


@pytest.mark.parametrize("proxies", [1, 2])
@pytest.mark.parametrize("page", PAGES)
def test_behind_proxies_the_lock_keys_on_the_address_the_nearest_proxy_saw(
    settings, client, edna, page, proxies
):
    """With NUM_PROXIES=n each of our proxies appends the address it saw: the lock keys on
    the entry n from the right, so the entries a client forges on the left change nothing."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    ours = ["203.0.113.7", "10.0.0.2"][: proxies - 1]  # the hops between our proxies
    for attempt in range(LIMIT):
        forged = f"198.51.100.{attempt}, 192.0.2.{attempt}"
        chain = ", ".join([forged, "203.0.113.50", *ours])
        _sign_in(client, page, f"guess-{attempt}", HTTP_X_FORWARDED_FOR=chain)
    chain = ", ".join(["198.51.100.99", "203.0.113.50", *ours])
    response = _sign_in(client, page, PASSWORD, HTTP_X_FORWARDED_FOR=chain)
    assert response.status_code == 429
    assert not _signed_in(client)

    from axes.models import AccessAttempt

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}
    # Another client behind the same proxies, with its own address, is not locked out.
    other = ", ".join(["203.0.113.51", *ours])
    assert _sign_in(client, page, PASSWORD, HTTP_X_FORWARDED_FOR=other).status_code == 302


def test_compose_publishes_gunicorn_on_the_loopback_only():
    """NUM_PROXIES>0 trusts X-Forwarded-For: gunicorn must be reachable through the proxy only,
    else a client talking to it directly picks the address the lock and throttle key on."""
    import yaml

    from tests.paths import REPO

    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    assert compose["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]
