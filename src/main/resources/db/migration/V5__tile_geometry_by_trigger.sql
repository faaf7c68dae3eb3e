-- The stored Web Mercator copy of the parcels (V4) becomes a plain column kept right by a
-- trigger. A generated column refuses any INSERT that names it — and INSERT … SELECT * from a
-- copy of the table (CREATE TABLE … (LIKE land_parcel INCLUDING ALL)) names every column — so
-- copies and scripts that worked on the V2 table broke. The trigger overwrites whatever is given.
ALTER TABLE land_parcel DROP COLUMN geom_3857;  -- and its index
ALTER TABLE land_parcel ADD COLUMN geom_3857 geometry(MultiPolygon, 3857);
UPDATE land_parcel SET geom_3857 = ST_Transform(geom, 3857);
CREATE INDEX land_parcel_geom_3857_gix ON land_parcel USING gist (geom_3857);

CREATE FUNCTION land_parcel_set_geom_3857() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.geom_3857 := ST_Transform(NEW.geom, 3857);
    RETURN NEW;
END $$;

CREATE TRIGGER land_parcel_geom_3857
    BEFORE INSERT OR UPDATE OF geom, geom_3857 ON land_parcel
    FOR EACH ROW EXECUTE FUNCTION land_parcel_set_geom_3857();

COMMENT ON COLUMN land_parcel.geom_3857 IS 'geom in EPSG:3857 for vector tiles; set by trigger land_parcel_geom_3857';
