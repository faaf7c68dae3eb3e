-- The tile cache (issue 19): a tile that did not change is not cut twice.
--
-- Why a table and not files: the server keeps no state of its own (several servers share one
-- database, docs/deploy.md), and whether a cached tile is still right is a fact about the data,
-- which only the database knows transactionally. Every statement that changes a collection's
-- table bumps that table's generation (a statement trigger, in the writer's own transaction, so
-- an import's commit and the invalidation are one event); a cached tile is served only while its
-- generation is the table's current one. Nothing expires by time.
--
-- UNLOGGED: tiles are derived data, written on every cold request; WAL for each 100–600 KB tile
-- would double the write. An unlogged table survives server and clean PostgreSQL restarts; a
-- PostgreSQL crash empties it (it is refilled on demand), and a standby cannot read it (the server
-- then cuts every tile, as without a cache).

CREATE TABLE tile_generation (
    table_oid  oid    PRIMARY KEY,
    generation bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE tile_generation IS
    'per table a collection is cut from: bumped by trigger tile_cache_generation on every statement that changes it (V90)';

CREATE UNLOGGED TABLE tile_cache (
    collection_id text     NOT NULL,
    z             smallint NOT NULL,
    x             integer  NOT NULL,
    y             integer  NOT NULL,
    table_oid     oid      NOT NULL,
    state_oid     oid,                 -- below the overview zoom: the overview's state table, whose generation counts too
    generation    bigint   NOT NULL,   -- the table's generation (plus the state table's, with state_oid)
    recipe        text     NOT NULL,   -- hash of the tile SQL: a changed catalogue entry (properties, subset) misses
    etag          text     NOT NULL,   -- hash of the uncompressed tile, as the route's ETag
    gzipped       bytea    NOT NULL,   -- empty for an empty tile (a 204)
    bytes         integer  NOT NULL,   -- length of gzipped: what the size bound counts
    last_used     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (collection_id, z, x, y)
);
-- Already compressed: no pglz attempt on every write.
ALTER TABLE tile_cache ALTER COLUMN gzipped SET STORAGE EXTERNAL;
CREATE INDEX tile_cache_last_used ON tile_cache (last_used);
COMMENT ON TABLE tile_cache IS 'vector tiles as cut, gzipped; valid while (table_oid, generation) is current (V90)';

CREATE FUNCTION tile_cache_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tile_generation AS g (table_oid, generation) VALUES (TG_RELID, 1)
    ON CONFLICT (table_oid) DO UPDATE SET generation = g.generation + 1;
    RETURN NULL;
END $$;

-- The tables of today's collections, and the state tables of their overviews (V7): a small-zoom
-- tile is cut from the overview while it is current, and the state table changes both when the
-- collection's rows change (the overview goes stale) and when the overview is rebuilt, so its
-- generation counts for those tiles too. A table added later (an import's new collection) gets the
-- same trigger from the server the first time one of its tiles is to be cached (tiles/TileCache).
DO $$
DECLARE
    t regclass;
BEGIN
    -- Ordinary tables only: a view or foreign table has no rows of its own to watch, and its
    -- tiles are not cached.
    FOR t IN SELECT DISTINCT r.oid::regclass FROM collection c
             CROSS JOIN LATERAL (VALUES (c.table_name), (CASE WHEN c.tile_overview_below_zoom IS NOT NULL
                                                             THEN c.table_name || '_overview_state' END)) n(name)
             JOIN pg_class r ON r.oid = to_regclass(quote_ident(c.table_schema) || '.' || quote_ident(n.name))
             WHERE r.relkind IN ('r', 'p') LOOP
        EXECUTE format('CREATE TRIGGER tile_cache_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s '
                       'FOR EACH STATEMENT EXECUTE FUNCTION tile_cache_bump()', t);
        INSERT INTO tile_generation (table_oid) VALUES (t) ON CONFLICT DO NOTHING;
    END LOOP;
END $$;
