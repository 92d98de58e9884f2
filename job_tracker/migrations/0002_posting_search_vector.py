"""Stored full-text search vector for job postings.

The column exists on every database; on PostgreSQL a trigger keeps it current
on every INSERT and UPDATE (bulk upserts included) and a GIN index serves
``@@`` queries. SQLite has neither, and search there falls back to icontains.
"""

import django.contrib.postgres.search
from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION job_tracker_posting_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.company_name, '')), 'B') ||
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.description, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER job_tracker_posting_search_vector_update
    BEFORE INSERT OR UPDATE OF title, company_name, description ON job_tracker_jobposting
    FOR EACH ROW EXECUTE FUNCTION job_tracker_posting_search_vector();

CREATE INDEX job_tracker_posting_search_gin ON job_tracker_jobposting USING gin (search_vector);

UPDATE job_tracker_jobposting SET title = title;
"""

DROP = """
DROP INDEX IF EXISTS job_tracker_posting_search_gin;
DROP TRIGGER IF EXISTS job_tracker_posting_search_vector_update ON job_tracker_jobposting;
DROP FUNCTION IF EXISTS job_tracker_posting_search_vector();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('job_tracker', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='jobposting',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False),
    ]
