"""Matches and vectors are written many rows a statement (claims/services/upserts.py): a pair
matched again updates what the machine said and keeps what the editor decided, on PostgreSQL
and on the embedded default (SQLite)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import ClaimMatch, MatchStatus
from claims.services.upserts import upsert
from tests.factories import ClaimFactory, UserFactory
from tests.foundation.test_settings import SETTING_VARIABLES
from tests.matching.builders import EARLIER, SAME_FIGURE, match_row
from tests.paths import REPO

pytestmark = pytest.mark.django_db

FIELDS = ["claim", "earlier", "text_score", "reason", "same_figure", "figures_differ", "decision"]
MACHINE = ["text_score", "reason", "same_figure", "figures_differ", "decision", "updated_at"]


def row(claim, earlier, score, reason, when):
    return (claim.pk, earlier.pk, score, reason, True, False, "suggested", "open", when, when)


def test_a_pair_matched_again_is_updated_and_keeps_the_editors_decision():
    earlier, claim, other = ClaimFactory(), ClaimFactory(), ClaimFactory()
    editor = UserFactory()
    decided = match_row(claim, earlier, status=MatchStatus.CONFIRMED, decided_by=editor)
    created = decided.created_at
    later = timezone.now() + timedelta(seconds=5)

    upsert(
        ClaimMatch,
        [*FIELDS, "status", "created_at", "updated_at"],
        [row(claim, earlier, 0.95, "text 0.95", later), row(claim, other, 0.8, "text 0.80", later)],
        unique=["claim", "earlier"],
        update=MACHINE,
    )

    decided.refresh_from_db()
    assert (decided.text_score, decided.reason) == (0.95, "text 0.95")
    assert decided.status == MatchStatus.CONFIRMED and decided.decided_by == editor
    assert decided.created_at == created and decided.updated_at == later
    new = ClaimMatch.objects.get(claim=claim, earlier=other)
    assert (new.text_score, new.status, new.created_at) == (0.8, MatchStatus.OPEN, later)


SQLITE_RUN = """
import os
from claims import services
from claims.models import ClaimMatch, ClaimVector
from django.utils import timezone
ids = []
for text in (os.environ["EARLIER"], os.environ["SAME_FIGURE"]):
    article = services.article_ingest_text(text=text).article
    services.article_extract(article_id=article.pk)
    ids.append(article.pk)
services.article_match(article_id=ids[1])
kept = services.article_match(article_id=ids[1])  # again: updated, not doubled
match = ClaimMatch.objects.get()
assert match.created_at.tzinfo is not None and match.created_at <= timezone.now()
print("matches", kept, ClaimMatch.objects.count(), "vectors", ClaimVector.objects.count())
print("reason", match.reason)
from django.db import connection
with connection.cursor() as cursor:  # stored as Django stores a datetime on SQLite
    cursor.execute("SELECT created_at FROM claims_claimmatch")
    print("stored", cursor.fetchone()[0])
"""


def test_the_embedded_default_writes_matches_and_vectors_on_sqlite(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in {*SETTING_VARIABLES, "ENV_FILE"}}
    env = {
        **clean,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MATCH_INDEX_DIR": str(tmp_path),
        "EARLIER": EARLIER,
        "SAME_FIGURE": SAME_FIGURE,
    }

    def manage(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    manage("migrate", "--verbosity", "0")
    printed = manage("shell", "--command", SQLITE_RUN)

    assert "matches 1 1 vectors 2" in printed
    assert "same figure: about 108 km = 67 mi" in printed
    stored = printed.split("stored ", 1)[1].strip()
    assert "+" not in stored and stored[:4].isdigit()  # naive UTC text, as Django writes it
