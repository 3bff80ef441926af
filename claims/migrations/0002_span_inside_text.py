"""A span must lie inside its article's text.

A CHECK constraint cannot read another table, so a PostgreSQL trigger enforces it. The
embedded SQLite default goes without: Django rebuilds SQLite tables to alter them, and a
trigger that names a table being rebuilt breaks that migration.
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


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(forward, reverse)]
