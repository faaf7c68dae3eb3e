-- One real thing, one feature; Liudong's things only (issue 12). `scope` says whether the texts
-- place a project in Liudong ('liudong'), name a designation or facility of Liuzhou as a whole
-- ('city-level'), or name it without saying where ('unclear'); `aliases` the other names the
-- texts give it. The `projects` collection — the map's layer, the API's default, every count and
-- export of it — is the Liudong rows; `projects-all` keeps the others, with `scope` to filter on.
ALTER TABLE project ADD COLUMN scope text NOT NULL DEFAULT 'liudong'
    CHECK (scope IN ('liudong', 'city-level', 'unclear'));
ALTER TABLE project ADD COLUMN aliases jsonb NULL CHECK (aliases IS NULL OR jsonb_typeof(aliases) = 'array');
CREATE INDEX project_scope_idx ON project (scope);

UPDATE collection
SET subset_column = 'scope', subset_value = 'liudong',
    description_zh = '规划与公开报道提及、位于柳东新区的重大项目（scope = liudong）。',
    description_en = 'Major projects the plans and public reports place in Liudong New District (scope = liudong).',
    tile_properties = ARRAY['id', 'name_zh', 'name_en', 'category', 'category_en', 'status', 'status_en', 'status_year',
                            'status_date', 'area_id', 'location_quality', 'scope']
WHERE id = 'projects';

INSERT INTO collection (id, table_name, title_zh, title_en, description_zh, description_en, group_id, caveat_zh, caveat_en,
                        default_style, tile_min_zoom, tile_properties, sort_order)
SELECT 'projects-all', 'project', '全部项目（含市级、位置不明）', 'All projects (incl. city-level and unplaced)',
       '文本提到的全部项目，包括市级的（scope = city-level）和未说明位于柳东新区的（scope = unclear）；按 scope 筛选。',
       'Every project the texts name, including city-level ones (scope = city-level) and ones not placed in Liudong (scope = unclear); filter by scope.',
       'projects',
       '位置为近似或示意；scope 不是 liudong 的项目，文本并未说明它们位于新区，点位只是示意。',
       'Locations are approximate or schematic; for scope other than liudong the texts do not place the project in Liudong at all.',
       default_style, tile_min_zoom, tile_properties, sort_order + 5
FROM collection WHERE id = 'projects';
