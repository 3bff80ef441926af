"""The articles' full-text search reads a stored vector, not an index on an expression.

With an index on the expression `to_tsvector(title, publisher, byline, head of text)`, for a
word found in most articles PostgreSQL rightly skips the index and reads the table, but then
it recomputes the vector of every article's text: 30 s for a word of every article on 10,000
articles (bench/search.py). The vector is a column instead, kept by a trigger whenever the
searched fields are written, and GIN-indexed; no plan recomputes it.

The expression below is the one claims.selectors.article_search_vector() describes (the SQL
Django compiles for it, frozen here); tests/search/test_search_vector.py checks that the stored
vector equals it. Change both together, with a new migration that also rewrites the rows.

On PostgreSQL only; the column stays null on SQLite, which searches with icontains. Cost: the
backfill rewrites every article row once (and computes every vector, as building the old index
did), in the migration's transaction, which holds back writes to articles until it ends.
"""

import django.contrib.postgres.search
from django.db import migrations


def _vector(row: str) -> str:
    """The searched vector of the article `row` ("NEW." in the trigger, "" in an UPDATE)."""
    return (
        "to_tsvector('english'::regconfig, "
        f"COALESCE({row}title, '') || ' ' || COALESCE({row}publisher, '') || ' ' || "
        f"COALESCE({row}byline, '') || ' ' || COALESCE(LEFT({row}text, 200000), ''))"
    )


POSTGRES_FORWARD = f"""
CREATE FUNCTION claims_article_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := {_vector("NEW.")};
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER claims_article_search_vector
    BEFORE INSERT OR UPDATE OF title, publisher, byline, text ON claims_article
    FOR EACH ROW EXECUTE FUNCTION claims_article_search_vector();

UPDATE claims_article SET search_vector = {_vector("")};

CREATE INDEX article_search_vector ON claims_article USING gin (search_vector);
-- The new column has no statistics until autovacuum comes by: without them the planner
-- guesses a few hundred matches for a word in every row, and loops over them one by one.
ANALYZE claims_article;
"""

POSTGRES_REVERSE = """
DROP INDEX article_search_vector;
DROP TRIGGER claims_article_search_vector ON claims_article;
DROP FUNCTION claims_article_search_vector();
"""



def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE)


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_notification_kinds_and_email")]
    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forward, reverse),
    ]
