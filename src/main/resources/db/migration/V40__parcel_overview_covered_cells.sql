-- The overview grid of V7 drew a cell only where a parcel's bounding-box centre falls: one cell
-- per parcel, so a district of 11-ha parcels read as scattered 153 m squares with gaps between
-- them instead of a land-use surface. The grid now also holds every cell whose centre a parcel
-- covers, coloured by that parcel's land use (the largest, where parcels overlap), with
-- parcel_count 0 and area_ha 0: the counts and areas stay where V7 put them (each parcel in
-- exactly one cell, by the centre of its bounding box), so the sums over the grid still equal the
-- parcels'. Cells are squares of one grid, so covered neighbours share their edges exactly and
-- the map draws the parcels' footprint as one surface; streets and rivers wider than a cell
-- between parcels stay open.
CREATE OR REPLACE FUNCTION refresh_land_parcel_overview() RETURNS boolean LANGUAGE plpgsql AS $$
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
    -- Cells holding parcels' centres: their count, area and the land use of most area (as V7).
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
    -- Cells whose centre lies in a parcel centred elsewhere: the covering parcel's land use.
    -- Only the cells of each parcel's bounding box are tested, a point in a polygon each.
    INSERT INTO land_parcel_overview (level, cx, cy, land_use_code, land_use_name, parcel_count, area_ha, geom_3857)
    WITH level AS (
        SELECT l AS level, world / 2 ^ l / 64 AS size FROM (VALUES (12), (13)) v(l)
    ), covered AS (
        SELECT DISTINCT ON (l.level, cx, cy) l.level, l.size, cx, cy, t.land_use_code, t.land_use_name
        FROM land_parcel t CROSS JOIN level l
        CROSS JOIN LATERAL generate_series(floor((ST_XMin(t.geom_3857) + origin) / l.size)::int,
                                           floor((ST_XMax(t.geom_3857) + origin) / l.size)::int) cx
        CROSS JOIN LATERAL generate_series(floor((ST_YMin(t.geom_3857) + origin) / l.size)::int,
                                           floor((ST_YMax(t.geom_3857) + origin) / l.size)::int) cy
        WHERE t.geom_3857 IS NOT NULL
          AND ST_Intersects(t.geom_3857, ST_SetSRID(ST_MakePoint((cx + 0.5) * l.size - origin, (cy + 0.5) * l.size - origin), 3857))
        ORDER BY l.level, cx, cy, t.area_ha DESC, t.land_use_code
    )
    SELECT c.level, c.cx, c.cy, c.land_use_code, c.land_use_name, 0, 0,
           ST_MakeEnvelope(c.cx * c.size - origin, c.cy * c.size - origin, (c.cx + 1) * c.size - origin, (c.cy + 1) * c.size - origin, 3857)
    FROM covered c
    WHERE NOT EXISTS (SELECT 1 FROM land_parcel_overview o WHERE o.level = c.level AND o.cx = c.cx AND o.cy = c.cy);
    UPDATE land_parcel_overview_state SET built_version = wanted;
    RETURN true;
END $$;

-- Rebuilt by the server's background refresher (a stale grid is never drawn meanwhile), so that
-- this migration stays quick on a large parcel table.
UPDATE land_parcel_overview_state SET built_version = NULL;
