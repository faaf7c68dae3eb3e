-- Layer versions (动态更新): every import and rollback of a collection is a version. The newest
-- version's rows are the collection's own table; each older version's rows are a copy in schema
-- layer_history (snapshot_table), made in the same transaction as the replace that superseded
-- it, until the retention setting (PLANVIEW_VERSIONS_KEEP) drops the copy (pruned_at).
CREATE SCHEMA IF NOT EXISTS layer_history;

CREATE TABLE layer_version (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collection_id  text NOT NULL,
    version        int  NOT NULL CHECK (version >= 1),
    action         text NOT NULL CHECK (action IN ('initial', 'create', 'replace', 'rollback')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    file_name      text,
    file_sha256    text,
    feature_count  bigint NOT NULL,
    -- md5 over the rows' text in id order: equal data, equal checksum (a rollback equals its source)
    checksum       text NOT NULL,
    restored_from  int,
    snapshot_table text,
    pruned_at      timestamptz,
    UNIQUE (collection_id, version)
);
