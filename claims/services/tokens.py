"""Issuing and revoking API tokens."""

from __future__ import annotations

import secrets
from typing import Any

from django.utils import timezone

from claims.models import ApiToken
from claims.models.tokens import TOKEN_PREFIX, hash_token


def api_token_issue(*, user: Any, name: str, read_only: bool = False) -> tuple[ApiToken, str]:
    """A new token and its key. Only the key's hash is stored: show the key once."""
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, read_only=read_only, key_hash=hash_token(key), key_prefix=key[:12]
    )
    return token, key


def api_token_revoke(*, token_id: int) -> bool:
    return bool(
        ApiToken.objects.filter(pk=token_id, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )
