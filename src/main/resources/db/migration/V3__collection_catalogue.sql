-- The layer catalogue: one row = one OGC API collection (and its vector tiles). The columns and
-- their types are not listed here: the server reads them from the table itself, so a new table
-- plus one row below is a new collection, without code changes.
-- A row whose table does not exist (yet) is skipped by the server with a warning in its log.

-- The layer panel's groups (三片 / 四园 / 七区 / …), in display order.
CREATE TABLE collection_group (
    id         text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,40}$'),
    title_zh   text NOT NULL,
    title_en   text NOT NULL,
    sort_order int  NOT NULL
);

INSERT INTO collection_group (id, title_zh, title_en, sort_order) VALUES
    ('zones',     '三片',     'Functional zones',          10),
    ('parks',     '四园',     'Producer-service parks',    20),
    ('clusters',  '七区',     'Industrial clusters',       30),
    ('structure', '空间结构', 'Spatial structure',         40),
    ('projects',  '重大项目', 'Major projects',            50),
    ('parcels',   '用地地块', 'Land parcels',              60),
    ('context',   '背景',     'Background',                70),
    ('imported',  '导入图层', 'Imported layers',           80);

CREATE TABLE collection (
    id               text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$'),
    table_schema     text    NOT NULL DEFAULT 'public',
    table_name       text    NOT NULL,
    id_column        text    NOT NULL DEFAULT 'id',
    geometry_column  text    NOT NULL DEFAULT 'geom',
    -- A fixed subset of the table (e.g. planning_area.kind = 'zone'); the value is bound, never pasted.
    subset_column    text,
    subset_value     text,
    title_zh         text    NOT NULL,
    title_en         text    NOT NULL,
    description_zh   text,
    description_en   text,
    group_id         text    NOT NULL REFERENCES collection_group (id),
    -- What the map must say about this layer (schematic geometry, synthetic data …).
    caveat_zh        text,
    caveat_en        text,
    default_style    jsonb   NOT NULL DEFAULT '{}'::jsonb,
    tile_min_zoom    int     NOT NULL DEFAULT 0 CHECK (tile_min_zoom BETWEEN 0 AND 24),
    tile_max_zoom    int     NOT NULL DEFAULT 22 CHECK (tile_max_zoom BETWEEN 0 AND 24),
    -- Properties carried in the vector tiles (to style and identify); NULL = every scalar property.
    tile_properties  text[],
    -- Properties offered as queryables / sortables; NULL = every scalar property.
    queryables       text[],
    sort_order       int     NOT NULL DEFAULT 1000,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((subset_column IS NULL) = (subset_value IS NULL)),
    CHECK (tile_min_zoom <= tile_max_zoom)
);

COMMENT ON TABLE collection IS 'OGC API – Features collections and vector-tile layers; properties are introspected from the table';

INSERT INTO collection (id, table_name, subset_column, subset_value, title_zh, title_en, description_zh, description_en,
                        group_id, caveat_zh, caveat_en, default_style, tile_min_zoom, tile_properties, sort_order) VALUES
('planning-zones', 'planning_area', 'kind', 'zone', '三大功能片区', 'Functional zones',
 '柳东新区“三片”功能片区。', 'The three functional zones (“三片”) of Liudong New District.',
 'zones', '示意范围：边界依据规划文本描绘，非测绘成果。', 'Schematic: boundaries drawn from the planning text, not surveyed.',
 '{"fill": "rgba(228,87,46,0.12)", "stroke": "#e4572e", "strokeWidth": 2, "label": "name_zh"}', 0,
 ARRAY['id', 'kind', 'name_zh', 'name_en', 'geometry_quality'], 10),
('service-parks', 'planning_area', 'kind', 'park', '四大生产性服务园区', 'Producer-service parks',
 '柳东新区“四园”生产性服务业园区。', 'The four producer-service parks (“四园”) of Liudong New District.',
 'parks', '示意范围：边界依据规划文本描绘，非测绘成果。', 'Schematic: boundaries drawn from the planning text, not surveyed.',
 '{"fill": "rgba(41,128,185,0.15)", "stroke": "#2980b9", "strokeWidth": 2, "label": "name_zh"}', 0,
 ARRAY['id', 'kind', 'name_zh', 'name_en', 'geometry_quality'], 20),
('industrial-clusters', 'planning_area', 'kind', 'cluster', '七大产业集群区', 'Industrial clusters',
 '柳东新区“七区”产业集群。', 'The seven industrial clusters (“七区”) of Liudong New District.',
 'clusters', '示意范围：边界依据规划文本描绘，非测绘成果。', 'Schematic: boundaries drawn from the planning text, not surveyed.',
 '{"fill": "rgba(142,68,173,0.15)", "stroke": "#8e44ad", "strokeWidth": 2, "label": "name_zh"}', 0,
 ARRAY['id', 'kind', 'name_zh', 'name_en', 'geometry_quality'], 30),
('spatial-structure', 'spatial_structure', NULL, NULL, '空间结构', 'Spatial structure',
 '规划确定的发展轴、核心、节点等空间结构要素。', 'Axes, cores and nodes of the planned spatial structure.',
 'structure', '示意：依据规划文本描绘，非测绘成果。', 'Schematic: drawn from the planning text, not surveyed.',
 '{"stroke": "#c0392b", "strokeWidth": 3, "lineDash": [8, 4], "pointRadius": 6, "label": "name_zh"}', 0,
 ARRAY['id', 'element', 'name_zh', 'name_en', 'geometry_quality'], 40),
('projects', 'project', NULL, NULL, '重大项目', 'Major projects',
 '规划与公开报道提及的重大项目。', 'Major projects named by the plans and public reports.',
 'projects', '位置为近似或示意，仅供参考。', 'Locations are approximate or schematic.',
 '{"pointRadius": 7, "fill": "#f39c12", "stroke": "#ffffff", "strokeWidth": 1.5, "label": "name_zh"}', 0,
 ARRAY['id', 'name_zh', 'name_en', 'category', 'status', 'area_id', 'location_quality'], 50),
('land-parcels', 'land_parcel', NULL, NULL, '用地地块', 'Land parcels',
 '按《国土空间调查、规划、用途管制用地用海分类指南》分类的用地地块。',
 'Land parcels classified by the 2023 national land-use classification.',
 'parcels', '模拟数据：地块为程序生成，并非真实地籍。', 'Synthetic: generated parcels, not a real cadastre.',
 '{"categorizedBy": "land_use_code", "categoriesFrom": "land_use_class", "fillOpacity": 0.6, "stroke": "#555555", "strokeWidth": 0.5}', 10,
 ARRAY['id', 'parcel_code', 'land_use_code', 'land_use_name', 'status', 'area_ha', 'area_mu', 'zone_id', 'area_id', 'synthetic'], 60),
('districts', 'district', NULL, NULL, '行政区', 'Districts',
 '柳州市相关行政区范围。', 'Administrative districts around Liudong.',
 'context', NULL, NULL,
 '{"stroke": "#7f8c8d", "strokeWidth": 1.5, "lineDash": [4, 4], "fill": "rgba(0,0,0,0)"}', 0,
 ARRAY['id', 'name_zh', 'name_en'], 70),
('rivers', 'river', NULL, NULL, '河流', 'Rivers',
 '柳江等主要河流。', 'The Liu River and other main rivers.',
 'context', NULL, NULL,
 '{"stroke": "#3498db", "strokeWidth": 2, "fill": "rgba(52,152,219,0.35)"}', 0,
 NULL, 80),
('roads', 'road', NULL, NULL, '道路', 'Roads',
 '主要道路（示意）。', 'Main roads (schematic).',
 'context', '示意：依据规划文本描绘。', 'Schematic: drawn from the planning text.',
 '{"stroke": "#95a5a6", "strokeWidth": 2}', 0,
 ARRAY['id', 'name_zh', 'name_en', 'geometry_quality'], 90),
('localities', 'locality', NULL, NULL, '地名片区', 'Localities',
 '新区内的地名与片区。', 'Named localities within the district.',
 'context', '示意范围。', 'Schematic extents.',
 '{"stroke": "#16a085", "strokeWidth": 1, "fill": "rgba(22,160,133,0.08)", "label": "name_zh"}', 0,
 ARRAY['id', 'name_zh', 'name_en', 'geometry_quality'], 100);
