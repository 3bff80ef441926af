"""The span rule compares with the article's stored text length, not with its text.

Migration 0002's triggers read `char_length(text)` for every claim, quantity and finding
written: the whole text (megabytes, out of line and compressed) was fetched and counted once
per row, so storing a long article cost its length times its claims. The length is now a
column the database computes when the text is written (a generated column, so it cannot
disagree with the text), and the triggers read that number. The rule itself is unchanged; the
UPDATE triggers fire only when a span or its owner changes, not on every state change.
"""

import django.db.models.functions.text
from django.db import migrations, models

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION claims_claim_span_inside_text() RETURNS trigger AS $$
DECLARE length_of_text integer;
BEGIN
    SELECT a.text_length INTO length_of_text FROM claims_article a WHERE a.id = NEW.article_id;
    IF NEW."end" > length_of_text OR NEW.sentence_end > length_of_text THEN
        RAISE EXCEPTION 'claim span %%-%% lies outside the article text (%% characters)',
            NEW.start, NEW."end", length_of_text USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION claims_child_span_inside_text() RETURNS trigger AS $$
DECLARE length_of_text integer;
BEGIN
    SELECT a.text_length INTO length_of_text
      FROM claims_claim c JOIN claims_article a ON a.id = c.article_id WHERE c.id = NEW.claim_id;
    IF NEW."end" > length_of_text THEN
        RAISE EXCEPTION '%% span %%-%% lies outside the article text (%% characters)',
            TG_TABLE_NAME, NEW.start, NEW."end", length_of_text USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
""" + "".join(
    f"""
DROP TRIGGER {name} ON {table};
CREATE TRIGGER {name} BEFORE INSERT OR UPDATE OF {columns} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {function}();
"""
    for name, table, columns, function in (
        (
            "claims_claim_span_inside_text",
            "claims_claim",
            'article_id, start, "end", sentence_end',
            "claims_claim_span_inside_text",
        ),
        (
            "claims_quantity_span_inside_text",
            "claims_quantity",
            'claim_id, start, "end"',
            "claims_child_span_inside_text",
        ),
        (
            "claims_checkresult_span_inside_text",
            "claims_checkresult",
            'claim_id, start, "end"',
            "claims_child_span_inside_text",
        ),
    )
)

# Migration 0002's functions and triggers, as they were.
POSTGRES_REVERSE = """
CREATE OR REPLACE FUNCTION claims_claim_span_inside_text() RETURNS trigger AS $$
DECLARE text_length integer;
BEGIN
    SELECT char_length(text) INTO text_length FROM claims_article WHERE id = NEW.article_id;
    IF NEW."end" > text_length OR NEW.sentence_end > text_length THEN
        RAISE EXCEPTION 'claim span %%-%% lies outside the article text (%% characters)',
            NEW.start, NEW."end", text_length USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION claims_child_span_inside_text() RETURNS trigger AS $$
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
""" + "".join(
    f"""
DROP TRIGGER {name} ON {table};
CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {function}();
"""
    for name, table, function in (
        ("claims_claim_span_inside_text", "claims_claim", "claims_claim_span_inside_text"),
        ("claims_quantity_span_inside_text", "claims_quantity", "claims_child_span_inside_text"),
        (
            "claims_checkresult_span_inside_text",
            "claims_checkresult",
            "claims_child_span_inside_text",
        ),
    )
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)


def reverse(apps, schema_editor):
    # Before the column goes: the old functions no longer read it.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE)


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_reference_unit_written")]
    operations = [
        migrations.AddField(
            model_name="article",
            name="text_length",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Length("text"),
                output_field=models.PositiveIntegerField(),
            ),
        ),
        migrations.RunPython(forward, reverse),
    ]
