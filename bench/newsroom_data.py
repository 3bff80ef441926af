"""A big newsroom's data for the benchmarks: 100,000 claims in PostgreSQL, filled once.

Used by bench/admin_changelist.py and bench/api_load.py.
"""

from __future__ import annotations

import os
import random
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/factcheck_admin_bench"
CLAIMS_PER_ARTICLE = 50
PLACES = ["Izium", "Kupyansk", "Kharkiv", "Balakliia", "Lyman", "Sloviansk", "Kramatorsk"]
UNITS = [("square miles", "area"), ("kilometres", "length"), ("days", "duration")]
STATES = ["new"] * 12 + ["in_progress"] * 3 + ["in_review"] * 2 + ["published"] * 2 + ["dismissed"]
OUTCOMES = ["", "", "consistent", "consistent", "unverifiable", "inconsistent"]


def ensure_database(url: str, fresh: bool) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings_test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def prepare(n_claims: int, *, fresh: bool = False) -> str:
    """The database of DATABASE_URL (or DEFAULT_URL) with Django set up on it and at least
    `n_claims` claims, filled once; `fresh` drops it first. Returns its URL."""
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    ensure_database(url, fresh)
    setup_django(url)
    from claims.models import Claim

    if Claim.objects.count() < n_claims:
        fill(n_claims - Claim.objects.count())
    return url


def sentence(rng: random.Random, i: int) -> tuple[str, int, int]:
    """One sentence with one figure; returns it and the figure's span inside it."""
    place = rng.choice(PLACES)
    unit, _ = rng.choice(UNITS)
    figure = f"{rng.randint(2, 9000):,} {unit}"
    head = f"Officials in {place} said on day {i} that the affected zone measured "
    return f"{head}{figure}. ", len(head), len(head) + len(figure)


def fill(n_claims: int, seed: int = 7) -> None:
    from django.contrib.auth.models import Group
    from django.db import connection, transaction
    from django.utils import timezone

    from claims.intake import content_hash
    from claims.models import Article, CheckResult, Claim, Quantity, RatingScale, Source, Verdict

    rng = random.Random(seed)
    labels = list(RatingScale.current().labels.all())
    run = uuid.uuid4().hex  # a second fill must not collide with the first's content hashes
    people = make_people()
    editors = [p for p in people if p.groups.filter(name="Editors").exists()]
    n_articles = n_claims // CLAIMS_PER_ARTICLE
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        for first in range(0, n_articles, 200):
            batch = range(first, min(first + 200, n_articles))
            texts = [[sentence(rng, i) for i in range(CLAIMS_PER_ARTICLE)] for _ in batch]
            articles = Article.objects.bulk_create(
                Article(
                    raw="".join(s for s, _, _ in parts),
                    text="".join(s for s, _, _ in parts),
                    content_hash=content_hash(f"{run}:{number}:" + "".join(s for s, _, _ in parts)),
                    origin="paste",
                    title=f"Bench story {number} from {rng.choice(PLACES)}",
                    publisher="Bench Gazette",
                    extraction_state="done",
                )
                for number, parts in zip(batch, texts, strict=True)
            )
            claims = Claim.objects.bulk_create(
                claim
                for article, parts in zip(articles, texts, strict=True)
                for claim in article_claims(article, parts, rng, editors)
            )
            Quantity.objects.bulk_create(quantity(c, rng) for c in claims)
            CheckResult.objects.bulk_create(
                CheckResult(
                    claim=c,
                    check_name="conversion",
                    outcome=c.worst_outcome,
                    start=c.start,
                    end=c.end,
                    expected="bench",
                    explanation="bench",
                )
                for c in claims
                if c.worst_outcome
            )
            reviewed = [c for c in claims if c.state in ("in_review", "published")]
            Source.objects.bulk_create(
                Source(claim=c, title=f"Survey of {c.pk}", url="https://example.org/s")
                for c in reviewed
            )
            Verdict.objects.bulk_create(
                rated(
                    Verdict(
                        claim=c,
                        rationale="Bench rationale.",
                        author=rng.choice(editors),
                        published_at=now if c.state == "published" else None,
                    ),
                    rng.choice(labels),
                )
                for c in reviewed
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seconds = time.perf_counter() - started
    print(f"filled {n_claims:,} claims in {n_articles:,} articles in {seconds:.1f} s")
    assert Group.objects.filter(name="Reviewers").exists()


def rated(verdict, label):
    """The verdict rated with `label`, as the services rate one (Verdict.set_label)."""
    verdict.set_label(label)
    return verdict


def article_claims(article, parts, rng, editors):
    from claims.models import Claim

    offset = 0
    for text, start, end in parts:
        state = rng.choice(STATES)
        yield Claim(
            article=article,
            sentence_start=offset,
            sentence_end=offset + len(text) - 1,
            start=offset + start,
            end=offset + end,
            text=text[start:end],
            sentence=text.strip(),
            kind=next(k for u, k in UNITS if text[start:end].endswith(u)),
            check_worthiness=rng.random(),
            state=state,
            assignee=None if state == "new" else rng.choice(editors),
            worst_outcome=rng.choice(OUTCOMES),
        )
        offset += len(text)


def quantity(claim, rng):
    from claims.models import Quantity

    value = float(claim.text.split(" ")[0].replace(",", ""))
    return Quantity(
        claim=claim,
        start=claim.start,
        end=claim.end,
        text=claim.text,
        value=value,
        unit="",
        kind=claim.kind,
        si_value=value,
    )


def make_people():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    people = []
    for i in range(20):
        group = "Reviewers" if i < 5 else "Editors"
        user, _ = user_model.objects.get_or_create(
            username=f"bench-{group.lower()}-{i}", defaults={"is_staff": True}
        )
        user.groups.add(Group.objects.get(name=group))
        people.append(user)
    return people
