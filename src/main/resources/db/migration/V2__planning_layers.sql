-- Planning layers of Liudong New District (issue 3). All geometry is CGCS2000 lon/lat, EPSG:4490.
-- Provenance is part of the data: every planning area, structure element and project carries
-- sources = [{file, line, quote}] pointing into the seed texts; drawn geometry says how it was drawn.

CREATE TABLE land_use_class (
    id             text PRIMARY KEY,              -- = code
    code           text NOT NULL UNIQUE,
    name_zh        text NOT NULL,
    name_en        text NOT NULL,
    level          int  NOT NULL CHECK (level BETWEEN 1 AND 3),
    parent_code    text NULL REFERENCES land_use_class(code),
    colour         text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
    plot_ratio_min numeric NULL,                  -- range the synthetic parcels draw from
    plot_ratio_max numeric NULL,
    CHECK (id = code)
);
COMMENT ON TABLE land_use_class IS
    '《国土空间调查、规划、用途管制用地用海分类指南》(2023) codes used here, with their first-level parents';

CREATE TABLE district (
    id      text PRIMARY KEY,                     -- administrative code
    name_zh text NOT NULL,
    name_en text NOT NULL,
    source  text NOT NULL,
    geometry_quality text NOT NULL DEFAULT 'approximate',
    geom    geometry(MultiPolygon, 4490) NOT NULL
);

CREATE TABLE river (                              -- polygons: schematic channels with a nominal width
    id      text PRIMARY KEY,
    name_zh text NOT NULL,
    name_en text NOT NULL,
    geometry_quality text NOT NULL CHECK (geometry_quality IN ('approximate', 'schematic')),
    sources jsonb NULL,
    geom    geometry(MultiPolygon, 4490) NOT NULL
);

CREATE TABLE road (
    id      text PRIMARY KEY,
    name_zh text NOT NULL,
    name_en text NOT NULL,
    road_class   text NOT NULL CHECK (road_class IN ('expressway', 'trunk', 'highway', 'street')),
    half_width_m double precision NOT NULL CHECK (half_width_m > 0),  -- corridor kept free of parcels
    geometry_quality text NOT NULL CHECK (geometry_quality IN ('approximate', 'schematic')),
    sources jsonb NOT NULL,
    geom    geometry(MultiLineString, 4490) NOT NULL
);

CREATE TABLE locality (
    id      text PRIMARY KEY,
    name_zh text NOT NULL,
    name_en text NOT NULL,
    geometry_quality text NOT NULL CHECK (geometry_quality IN ('approximate', 'schematic')),
    sources jsonb NOT NULL,
    geom    geometry(MultiPolygon, 4490) NOT NULL
);

CREATE TABLE planning_area (
    id          text PRIMARY KEY,                 -- Z1..Z3, P1..P4, C1..C7
    kind        text NOT NULL CHECK (kind IN ('zone', 'park', 'cluster')),
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    description text NOT NULL,
    geometry_quality text NOT NULL CHECK (geometry_quality IN ('approximate', 'schematic')),
    parent_zone text NULL REFERENCES planning_area(id),  -- the functional zone a park/cluster lies in
    sources     jsonb NOT NULL CHECK (jsonb_typeof(sources) = 'array' AND jsonb_array_length(sources) > 0),
    geom        geometry(MultiPolygon, 4490) NOT NULL
);

CREATE TABLE spatial_structure (
    id          text PRIMARY KEY,
    element     text NOT NULL CHECK (element IN ('axis', 'core', 'sub_core', 'zone', 'node')),
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    description text NOT NULL,
    geometry_quality text NOT NULL CHECK (geometry_quality IN ('approximate', 'schematic')),
    sources     jsonb NOT NULL CHECK (jsonb_typeof(sources) = 'array' AND jsonb_array_length(sources) > 0),
    geom        geometry(Geometry, 4490) NOT NULL
);

CREATE TABLE project (
    id             text PRIMARY KEY,
    name_zh        text NOT NULL,
    name_en        text NOT NULL,
    category       text NOT NULL,                 -- Chinese category name
    category_en    text NOT NULL,
    status         text NULL,                     -- latest status the texts give, Chinese
    status_en      text NULL,
    status_year    int  NULL,
    status_history jsonb NOT NULL,                -- [{year, status_zh, status_en, file, line}]
    investment_yi  numeric NULL,                  -- 亿元
    capacity_gwh   numeric NULL,
    land_mu        numeric NULL,                  -- 亩
    figures        jsonb NULL,                    -- [{label_zh, label_en, value, unit, year, file, line}]
    area_id        text NULL REFERENCES planning_area(id),  -- cluster or park; a zone when neither fits
    area_inferred  boolean NOT NULL,              -- true: the texts do not tie it to this area
    locality       text NULL,                     -- 片区 name
    location_quality text NOT NULL CHECK (location_quality IN ('approximate', 'schematic')),
    location_note  text NOT NULL,
    remarks        text NULL,
    sources        jsonb NOT NULL CHECK (jsonb_typeof(sources) = 'array' AND jsonb_array_length(sources) > 0),
    geom           geometry(Point, 4490) NOT NULL
);

CREATE TABLE land_parcel (
    id            bigint PRIMARY KEY,
    parcel_code   text NOT NULL UNIQUE,
    land_use_code text NOT NULL REFERENCES land_use_class(code),
    land_use_name text NOT NULL,
    status        text NOT NULL CHECK (status IN ('已出让', '已储备', '规划')),
    area_m2       double precision NOT NULL,      -- on the CGCS2000 ellipsoid
    area_ha       double precision NOT NULL,
    area_mu       double precision NOT NULL,      -- 1 亩 = 2000/3 m²
    plot_ratio    numeric NOT NULL,
    zone_id       text NOT NULL,                  -- functional zone (planning_area id); no FK: bulk loads of
    area_id       text NULL,                      -- 10^6 rows, and the generator checks both by construction
    synthetic     boolean NOT NULL DEFAULT true,
    geom          geometry(MultiPolygon, 4490) NOT NULL
);
COMMENT ON TABLE land_parcel IS
    'SYNTHETIC parcel fabric generated by org.liudong.planview.gisdata.ParcelGenerator; not a survey';

CREATE INDEX district_geom_gix          ON district          USING gist (geom);
CREATE INDEX river_geom_gix             ON river             USING gist (geom);
CREATE INDEX road_geom_gix              ON road              USING gist (geom);
CREATE INDEX locality_geom_gix          ON locality          USING gist (geom);
CREATE INDEX planning_area_geom_gix     ON planning_area     USING gist (geom);
CREATE INDEX spatial_structure_geom_gix ON spatial_structure USING gist (geom);
CREATE INDEX project_geom_gix           ON project           USING gist (geom);
CREATE INDEX land_parcel_geom_gix       ON land_parcel       USING gist (geom);
CREATE INDEX land_parcel_land_use_idx   ON land_parcel (land_use_code);
CREATE INDEX land_parcel_zone_idx       ON land_parcel (zone_id, area_id);
CREATE INDEX project_area_idx           ON project (area_id);
