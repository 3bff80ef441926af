"""The Content Security Policy and the absence of inline script in every page we render."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from claims import services
from claims.http.security import POLICY
from tests.factories import scale_label

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def test_every_response_carries_a_policy_that_forbids_inline_script(client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert policy == POLICY
    script_src = next(p for p in policy.split("; ") if p.startswith("script-src"))
    assert script_src == "script-src 'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_pages_have_no_inline_script_or_event_handler(client, editor, reviewer, miles_claim):
    client.force_login(editor)
    services.claim_start(actor=editor, claim_id=miles_claim.pk)
    services.source_add(actor=editor, claim_id=miles_claim.pk, title="Map", url="https://x.org")
    services.verdict_propose(
        actor=editor, claim_id=miles_claim.pk, rating=scale_label(2), rationale="Far."
    )
    services.claim_publish(actor=reviewer, claim_id=miles_claim.pk)
    article = reverse("web:article", args=[miles_claim.article_id])
    urls = [
        reverse("login"),
        reverse("web:dashboard"),
        reverse("web:submit"),
        reverse("web:claims"),
        article,
        f"{article}?claim={miles_claim.pk}",
        reverse("web:public_check", args=[miles_claim.pk]),
    ]
    for url in urls:
        page = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(page), url
        assert not INLINE_HANDLER.search(page), url
        assert "style=" not in page, url


def test_a_view_may_set_its_own_policy_and_the_middleware_keeps_it(rf):
    from django.http import HttpResponse

    from claims.http.security import (
        API_DOCS_POLICY,
        ContentSecurityPolicyMiddleware,
        content_security_policy,
    )

    view = content_security_policy(API_DOCS_POLICY)(lambda request: HttpResponse("docs"))
    response = ContentSecurityPolicyMiddleware(view)(rf.get("/"))
    assert response["Content-Security-Policy"] == API_DOCS_POLICY
    assert "script-src 'self';" in API_DOCS_POLICY
