# Hand-written: GIN indexes behind the full-text search (claims.selectors.claims_search and
# articles_search), on PostgreSQL only; SQLite, the embedded default, searches with icontains.
# Each index is on exactly the expression the selectors compare (Django compiles both from the
# same SearchVector), else PostgreSQL would not use it: the expressions are written out again
# here, frozen, and tests/search/test_search_plan.py EXPLAINs the selectors' queries to prove
# they still match.

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models.functions import Left

CONFIG = "english"
ARTICLE_TEXT_SEARCHED = 200_000


def _indexes():
    return {
        "Claim": GinIndex(SearchVector("sentence", config=CONFIG), name="claim_sentence_fts"),
        "Article": GinIndex(
            SearchVector(
                "title",
                "publisher",
                "byline",
                Left("text", ARTICLE_TEXT_SEARCHED),
                config=CONFIG,
            ),
            name="article_fts",
        ),
    }


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in _indexes().items():
        schema_editor.add_index(apps.get_model("claims", model_name), index)


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in _indexes().items():
        schema_editor.remove_index(apps.get_model("claims", model_name), index)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_article_history_and_notifications"),
    ]

    operations = [
        migrations.RunPython(create_search_indexes, drop_search_indexes),
    ]
