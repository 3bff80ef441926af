"""`{{ row|version }}`: the version a form carries of the row it changes (no lost edits)."""

from __future__ import annotations

from django import template

from claims.services.versions import version_of

register = template.Library()
register.filter("version", version_of)
