"""A span must lie inside its article's text.

A CHECK constraint cannot read another table, so a trigger enforces it, in the dialect of
the database in use (PostgreSQL in production, SQLite in the embedded default).
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE FUNCTION claims_claim_span_inside_text() RETURNS trigger AS $$
DECLARE text_length integer;
BEGIN
    SELECT char_length(text) INTO text_length FROM claims_article WHERE id = NEW.article_id;
    IF NEW."end" > text_length OR NEW.sentence_end > text_length THEN
        RAISE EXCEPTION 'claim span %%-%% lies outside the article text (%% characters)',
            NEW.start, NEW."end", text_length USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION claims_child_span_inside_text() RETURNS trigger AS $$
DECLARE text_length integer;
BEGIN
    SELECT char_length(a.text) INTO text_length
      FROM claims_claim c JOIN claims_article a ON a.id = c.article_id WHERE c.id = NEW.claim_id;
    IF NEW."end" > text_length THEN
        RAISE EXCEPTION '%% span %%-%% lies outside the article text (%% characters)',
            TG_TABLE_NAME, NEW.start, NEW."end", text_length USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER claims_claim_span_inside_text BEFORE INSERT OR UPDATE ON claims_claim
    FOR EACH ROW EXECUTE FUNCTION claims_claim_span_inside_text();
CREATE TRIGGER claims_quantity_span_inside_text BEFORE INSERT OR UPDATE ON claims_quantity
    FOR EACH ROW EXECUTE FUNCTION claims_child_span_inside_text();
CREATE TRIGGER claims_checkresult_span_inside_text BEFORE INSERT OR UPDATE ON claims_checkresult
    FOR EACH ROW EXECUTE FUNCTION claims_child_span_inside_text();
"""

POSTGRES_REVERSE = """
DROP TRIGGER claims_checkresult_span_inside_text ON claims_checkresult;
DROP TRIGGER claims_quantity_span_inside_text ON claims_quantity;
DROP TRIGGER claims_claim_span_inside_text ON claims_claim;
DROP FUNCTION claims_child_span_inside_text();
DROP FUNCTION claims_claim_span_inside_text();
"""

_SQLITE_CLAIM_WHEN = """
    NEW."end" > (SELECT length(text) FROM claims_article WHERE id = NEW.article_id)
    OR NEW.sentence_end > (SELECT length(text) FROM claims_article WHERE id = NEW.article_id)
"""
_SQLITE_CHILD_WHEN = """
    NEW."end" > (SELECT length(a.text) FROM claims_claim c
                 JOIN claims_article a ON a.id = c.article_id WHERE c.id = NEW.claim_id)
"""


def _sqlite_statements() -> list[str]:
    statements = []
    for table, when in (
        ("claims_claim", _SQLITE_CLAIM_WHEN),
        ("claims_quantity", _SQLITE_CHILD_WHEN),
        ("claims_checkresult", _SQLITE_CHILD_WHEN),
    ):
        for event in ("INSERT", "UPDATE"):
            statements.append(
                f"CREATE TRIGGER {table}_span_inside_text_{event.lower()} BEFORE {event} ON {table}"
                f" WHEN {when} BEGIN"
                f" SELECT RAISE(ABORT, '{table} span lies outside the article text'); END;"
            )
    return statements


def _sqlite_reverse() -> list[str]:
    return [
        f"DROP TRIGGER {table}_span_inside_text_{event}"
        for table in ("claims_claim", "claims_quantity", "claims_checkresult")
        for event in ("insert", "update")
    ]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in _sqlite_statements():
            schema_editor.execute(statement)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in _sqlite_reverse():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(forward, reverse)]
