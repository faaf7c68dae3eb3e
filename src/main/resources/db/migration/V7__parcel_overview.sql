-- A generalised overview of the parcels for the small zooms of the map (below z14). At city scale
-- a z12 tile over the centre holds about 100,000 parcels (6.5 MB of MVT, over a second of
-- PostGIS time): none of them can be told apart at that scale, and no map should draw them.
-- Instead each cell of a Web Mercator grid aligned with the tiles (64 × 64 cells per tile of the
-- level's zoom) carries the land use that covers most of its parcels' area, how many parcels
-- fall in it (by the centre of their bounding box) and their area. Tiles of zoom 13 are cut from
-- level 13 (cells of about 76 m), smaller zooms from level 12 (about 153 m).
--
-- It is derived data, so it can go stale: every statement that changes land_parcel bumps
-- land_parcel_overview_state.version (a statement trigger); refresh_land_parcel_overview()
-- rebuilds the grid and records which version it built. The tile server serves the overview only
-- while the two agree and cuts parcel tiles from land_parcel itself otherwise, so a stale
-- overview is never shown; the server refreshes a stale one in the background.
CREATE TABLE land_parcel_overview (
    level         smallint NOT NULL,
    cx            int      NOT NULL,
    cy            int      NOT NULL,
    land_use_code text     NOT NULL,
    land_use_name text     NOT NULL,
    parcel_count  int      NOT NULL,
    area_ha       double precision NOT NULL,
    geom_3857     geometry(Polygon, 3857) NOT NULL,
    PRIMARY KEY (level, cx, cy)
);
CREATE INDEX land_parcel_overview_gix ON land_parcel_overview USING gist (geom_3857);
COMMENT ON TABLE land_parcel_overview IS
    'generalised parcels for map zooms below 14: dominant land use per grid cell; rebuilt by refresh_land_parcel_overview()';

CREATE TABLE land_parcel_overview_state (
    one           boolean PRIMARY KEY DEFAULT true CHECK (one),
    version       bigint NOT NULL,
    built_version bigint
);
INSERT INTO land_parcel_overview_state (version, built_version) VALUES (1, NULL);

CREATE FUNCTION land_parcel_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE land_parcel_overview_state SET version = version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER land_parcel_overview_stale
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON land_parcel
    FOR EACH STATEMENT EXECUTE FUNCTION land_parcel_changed();

-- Rebuilds the grid if it is stale; true when it did. One transaction: readers keep the old grid
-- (and keep being told it is stale) until the new one commits.
CREATE FUNCTION refresh_land_parcel_overview() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    wanted bigint;
    world  constant double precision := 40075016.685578488;
    origin constant double precision := 20037508.342789244;
BEGIN
    -- One refresher at a time, whichever server or tool calls.
    PERFORM pg_advisory_xact_lock(hashtext('refresh_land_parcel_overview'));
    SELECT version INTO wanted FROM land_parcel_overview_state WHERE built_version IS DISTINCT FROM version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    DELETE FROM land_parcel_overview;
    INSERT INTO land_parcel_overview (level, cx, cy, land_use_code, land_use_name, parcel_count, area_ha, geom_3857)
    WITH level AS (
        SELECT l AS level, world / 2 ^ l / 64 AS size FROM (VALUES (12), (13)) v(l)
    ), parcel AS (
        SELECT l.level, l.size,
               floor(((ST_XMin(t.geom_3857) + ST_XMax(t.geom_3857)) / 2 + origin) / l.size)::int AS cx,
               floor(((ST_YMin(t.geom_3857) + ST_YMax(t.geom_3857)) / 2 + origin) / l.size)::int AS cy,
               t.land_use_code, t.land_use_name, t.area_ha
        FROM land_parcel t CROSS JOIN level l
        WHERE t.geom_3857 IS NOT NULL
    ), by_use AS (
        SELECT level, size, cx, cy, land_use_code, land_use_name, count(*) AS n, sum(area_ha) AS ha
        FROM parcel GROUP BY level, size, cx, cy, land_use_code, land_use_name
    ), ranked AS (
        SELECT b.*, sum(n) OVER cell AS cell_n, sum(ha) OVER cell AS cell_ha,
               row_number() OVER (PARTITION BY level, cx, cy ORDER BY ha DESC, land_use_code) AS rank
        FROM by_use b WINDOW cell AS (PARTITION BY level, cx, cy)
    )
    SELECT level, cx, cy, land_use_code, land_use_name, cell_n, cell_ha,
           ST_MakeEnvelope(cx * size - origin, cy * size - origin, (cx + 1) * size - origin, (cy + 1) * size - origin, 3857)
    FROM ranked WHERE rank = 1;
    UPDATE land_parcel_overview_state SET built_version = wanted;
    RETURN true;
END $$;

SELECT refresh_land_parcel_overview();

-- The catalogue says which collections have an overview and below which zoom tiles use it.
ALTER TABLE collection ADD COLUMN tile_overview_below_zoom int CHECK (tile_overview_below_zoom BETWEEN 1 AND 24);
COMMENT ON COLUMN collection.tile_overview_below_zoom IS
    'tiles of zooms below this come from <table>_overview while it is current (see V7)';
UPDATE collection SET tile_overview_below_zoom = 14 WHERE id = 'land-parcels';
