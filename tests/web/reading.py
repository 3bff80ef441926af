"""What a form of the claim panel carries besides its fields: the version of the row it was
read at. The tests post as a person who has just read the panel; a test about a stale read
passes its own version instead."""

from __future__ import annotations

from claims.models import Claim, Source
from claims.services.versions import version_of

# The panel's writes: their form's prefix, and whether they carry a source's version.
FORMS = {
    "web:move": ("", Claim),
    "web:assign": ("assign-", Claim),
    "web:verdict_propose": ("verdict-", Claim),
    "web:verdict_correct": ("correct-", Claim),
    "web:send_back": ("back-", Claim),
    "web:source_edit": ("edit-", Source),
    "web:source_remove": ("", Source),
}


def as_read(name: str, pk: int) -> dict[str, str]:
    """The hidden version field of the form `name` on row `pk`, as the panel shows it now."""
    if name not in FORMS:
        return {}
    prefix, model = FORMS[name]
    row = model.objects.filter(pk=pk).first()
    return {f"{prefix}version": version_of(row)} if row is not None else {}
