"""The claims' full-text search reads a stored vector of the sentence, as 0011 does for articles.

With an index on the expression, for a word in most claims PostgreSQL skips it and reads the
table, recomputing the sentence's vector for every claim: 3.2 s of the 3.6 s a word in every
claim took on 50,000 claims (bench/search.py) once the articles' vector was stored. The vector
is a column instead, kept by a trigger whenever the sentence is written, and GIN-indexed.

The expression is the SQL Django compiles for claims.selectors.claim_search_vector(), frozen;
tests/search/test_search_vector.py checks that the stored vector equals it.

On PostgreSQL only; the column stays null on SQLite. Cost: the backfill rewrites every claim
row once, in the migration's transaction, which holds back writes to claims until it ends.
"""

import django.contrib.postgres.search
from django.db import migrations


def _vector(row: str) -> str:
    """The searched vector of the claim `row` ("NEW." in the trigger, "" in an UPDATE)."""
    return f"to_tsvector('english'::regconfig, COALESCE({row}sentence, ''))"


POSTGRES_FORWARD = f"""
CREATE FUNCTION claims_claim_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := {_vector("NEW.")};
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER claims_claim_search_vector
    BEFORE INSERT OR UPDATE OF sentence ON claims_claim
    FOR EACH ROW EXECUTE FUNCTION claims_claim_search_vector();

UPDATE claims_claim SET search_vector = {_vector("")};

CREATE INDEX claim_search_vector ON claims_claim USING gin (search_vector);
-- The new column has no statistics until autovacuum comes by: without them the planner
-- guesses a few hundred matches for a word in every row, and loops over them one by one.
ANALYZE claims_claim;
"""

POSTGRES_REVERSE = """
DROP INDEX claim_search_vector;
DROP TRIGGER claims_claim_search_vector ON claims_claim;
DROP FUNCTION claims_claim_search_vector();
"""

def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE)


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_article_search_vector")]
    operations = [
        migrations.AddField(
            model_name="claim",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forward, reverse),
    ]
