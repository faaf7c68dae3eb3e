-- The bound values of an export read on a read replica (docs/exchange.md#exports-on-a-read-replica).
-- A hot standby holds no scratch table (UNLOGGED and TEMP tables cannot exist there), so ogr2ogr
-- reads the items query itself on the replica; the query's values reach it not as SQL text but
-- as this row, written on the primary and replicated: each ? of the query becomes a sub-select
-- of vals cast to the parameter's type ((SELECT vals[3] …)::int4). vals holds each bound value as
-- PostgreSQL's own text of it (bound with its type, cast to text by PostgreSQL): the cast back is exact.
-- A logged table, so that it reaches the replicas; one row per export, deleted when the export
-- ends, and a killed server's rows are swept by owner like its scratch tables (WorkOwner).
CREATE TABLE IF NOT EXISTS export_parameters (
    id      uuid        PRIMARY KEY,
    owner   text        NOT NULL,
    vals    text[]      NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS export_parameters_owner ON export_parameters (owner);
