"""Benchmark: the full-text search on 10,000 articles, with the plans PostgreSQL chooses.

    .venv/bin/python bench/search.py [--articles 10000] [--runs 20] [--fresh]

Uses the PostgreSQL database named by DATABASE_URL (default: factcheck_search_bench on
127.0.0.1, created if missing; `--fresh` drops it first). Fills it once with `--articles`
articles of some 3,000 characters (five claims each, a town and a unit in every sentence, and
one word per article found nowhere else), then, for each search, prints EXPLAIN ANALYZE of
the selector's query and the median time of the claims list page and the admin changelist.
Fails (non-zero exit) when a plan computes the articles' search vector instead of reading
the column of migration 0012 (or the claims' of 0013).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from newsroom_data import PLACES, ensure_database, make_people, setup_django  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/factcheck_search_bench"
CLAIMS_PER_ARTICLE = 5
FILLER = (
    "Officials said the figures would be reviewed again next month, and residents were told "
    "to follow the announcements of the regional administration for further details. "
)
SEARCHES = {
    "a town (many matches)": "Izium",
    "a rare word of one article's text": "quokka4321",
    "a phrase": '"cubic metres" Lyman',
    "stemmed plural": "reservoirs",
    "no match": "Odesa",
}


def fill(n_articles: int, seed: int = 11) -> None:
    from django.db import connection, transaction

    from claims.intake import content_hash
    from claims.models import Article, Claim

    rng = random.Random(seed)
    run = uuid.uuid4().hex
    started = time.perf_counter()
    with transaction.atomic():
        for first in range(0, n_articles, 500):
            batch = range(first, min(first + 500, n_articles))
            texts = [_article_sentences(rng, n) for n in batch]
            articles = Article.objects.bulk_create(
                Article(
                    raw=text,
                    text=text,
                    content_hash=content_hash(f"{run}:{n}:{text}"),
                    origin="paste",
                    title=f"Story {n}: the {rng.choice(PLACES)} reservoir",
                    publisher=rng.choice(["Kharkiv Courier", "Donbas Daily", "Bench Gazette"]),
                    extraction_state="done",
                )
                for n, (text, _) in zip(batch, texts, strict=True)
            )
            Claim.objects.bulk_create(
                Claim(
                    article=article,
                    sentence_start=s,
                    sentence_end=e,
                    start=s,
                    end=s + 5,
                    text=text[s : s + 5],
                    sentence=text[s:e],
                    kind="volume",
                )
                for article, (text, spans) in zip(articles, texts, strict=True)
                for s, e in spans
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"filled {n_articles:,} articles in {time.perf_counter() - started:.1f} s")


def _article_sentences(rng: random.Random, n: int) -> tuple[str, list[tuple[int, int]]]:
    parts, spans, offset = [], [], 0
    for i in range(CLAIMS_PER_ARTICLE):
        sentence = (
            f"In {rng.choice(PLACES)} the reservoir held {rng.randint(2, 900)} million cubic "
            f"metres on day {i}. "
        )
        spans.append((offset, offset + len(sentence) - 1))
        parts.append(sentence + FILLER * 3)
        offset += len(parts[-1])
    parts.append(f"The word quokka{n} appears in this article only. ")
    return "".join(parts), spans


def measure(runs: int) -> bool:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims import selectors
    from claims.models import Article, Claim

    print(f"articles {Article.objects.count():,}, claims {Claim.objects.count():,}")
    client = Client()
    client.force_login(make_people()[0])
    ok = True
    for label, search in SEARCHES.items():
        found = selectors.claims_search(queryset=Claim.objects.all(), search=search)
        plan = found.order_by().explain(analyze=True)
        uses = [name for name in ("claim_search_vector", "article_search_vector") if name in plan]
        # For a word in most rows PostgreSQL may rightly read the table instead of an index; what
        # must never happen is computing the vector of every article's text again.
        recomputes = "to_tsvector" in plan  # the vectors are read, never computed
        ok = ok and not recomputes
        print(
            f"\n== {label}: {search!r}  matches {found.count():,}  indexes used {uses}"
            f"{'  RECOMPUTES A SEARCH VECTOR' if recomputes else ''}"
        )
        print(plan)
        for name, url in (
            ("claims list", "/claims/"),
            ("admin changelist", "/admin/claims/claim/"),
            ("articles list", "/articles/"),
        ):
            timings, counts = [], set()
            for run in range(runs + 2):
                with CaptureQueriesContext(connection) as queries:
                    t = time.perf_counter()
                    response = client.get(url, {"q": search})
                    elapsed = (time.perf_counter() - t) * 1000
                assert response.status_code == 200, (url, response.status_code)
                if run >= 2:
                    timings.append(elapsed)
                    counts.add(len(queries))
            print(
                f"   {name:<17} median {statistics.median(timings):7.1f} ms  "
                f"max {max(timings):7.1f} ms  queries {sorted(counts)}"
            )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    ensure_database(url, args.fresh)
    setup_django(url)
    from claims.models import Article

    if Article.objects.count() < args.articles:
        fill(args.articles - Article.objects.count())
    ok = measure(args.runs)
    print(f"\nno plan recomputes a search vector: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
