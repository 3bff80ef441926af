"""Who may call the API at all; what each role may change is decided by claims/workflow.py."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from claims import workflow
from claims.models import ApiToken


class NewsroomMember(BasePermission):
    """Editors, reviewers and superusers; a read-only token only reads."""

    message = "Only members of the newsroom (editors and reviewers) may use this endpoint."

    def has_permission(self, request: Request, view) -> bool:
        if not workflow.roles_of(request.user):
            return False
        read_only_token = isinstance(request.auth, ApiToken) and request.auth.read_only
        if read_only_token and request.method not in SAFE_METHODS:
            self.message = "This token is read-only; use a read-write token to change data."
            return False
        return True
