-- Vector tiles of the parcel layer — the one that grows to a million rows — are cut from a stored
-- Web Mercator copy of the geometry with its own spatial index, so that a tile does not transform
-- every parcel it touches on every request. The copy is a generated column: every writer of
-- land_parcel keeps it right without knowing about it.
ALTER TABLE collection ADD COLUMN tile_geometry_column text;
COMMENT ON COLUMN collection.tile_geometry_column IS
    'optional EPSG:3857 copy of the geometry used for tiles; ignored (tiles transform the geometry) when the column is missing';

ALTER TABLE land_parcel
    ADD COLUMN geom_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX land_parcel_geom_3857_gix ON land_parcel USING gist (geom_3857);
UPDATE collection SET tile_geometry_column = 'geom_3857' WHERE id = 'land-parcels';

-- English category and status in the project tiles, for the English map.
UPDATE collection
SET tile_properties = ARRAY['id', 'name_zh', 'name_en', 'category', 'category_en', 'status', 'status_en', 'area_id',
                            'location_quality']
WHERE id = 'projects';
