-- Exchange (export and import through GDAL).

-- Per-export scratch tables: the items query's rows, materialised with bound parameters, for
-- ogr2ogr to read. UNLOGGED because they live for one export; dropped when it ends, and stale
-- ones (a crash) swept at start.
CREATE SCHEMA IF NOT EXISTS export_scratch;

-- Uploaded layers land here first; only a validated, reprojected copy reaches a real table.
CREATE SCHEMA IF NOT EXISTS import_staging;

-- Layers planners import live apart from the shipped ones, so that an import can never
-- overwrite a table it did not create except through an explicit replace.
CREATE SCHEMA IF NOT EXISTS imported;

-- Provenance of imported data: who uploaded what, when. Imported layers are surveyed by their
-- uploaders, not drawn from planning text, so this replaces the source-quote provenance.
CREATE TABLE IF NOT EXISTS exchange_import (
    id            bigserial PRIMARY KEY,
    collection_id text        NOT NULL,
    action        text        NOT NULL CHECK (action IN ('create', 'replace')),
    file_name     text        NOT NULL,
    format        text        NOT NULL,
    encoding      text,
    source_crs    text,
    feature_count bigint      NOT NULL,
    repaired      bigint      NOT NULL DEFAULT 0,
    editor        text        NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS exchange_import_collection ON exchange_import (collection_id, uploaded_at DESC);
