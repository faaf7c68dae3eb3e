-- A collection has one geometry type (issue 13.5). QGIS, ArcGIS and every shapefile give a layer
-- one geometry type: QGIS declared the mixed spatial-structure layer LineString and its points and
-- polygons were lost. A catalogue row can now take the rows of one geometry dimension of a table
-- (ST_Dimension: 0 points, 1 lines, 2 polygons), and spatial_structure is served as three
-- collections, one per dimension. The table itself is unchanged.
ALTER TABLE collection ADD COLUMN geometry_dimension smallint CHECK (geometry_dimension IN (0, 1, 2));
COMMENT ON COLUMN collection.geometry_dimension IS
    'only the rows whose geometry has this dimension (0 points, 1 lines, 2 polygons); NULL = all';

INSERT INTO collection (id, table_schema, table_name, id_column, geometry_column, geometry_dimension, title_zh, title_en,
                        description_zh, description_en, group_id, caveat_zh, caveat_en, default_style, tile_min_zoom,
                        tile_max_zoom, tile_properties, queryables, sort_order)
SELECT d.id, c.table_schema, c.table_name, c.id_column, c.geometry_column, d.dimension, d.title_zh, d.title_en,
       d.description_zh, d.description_en, c.group_id, c.caveat_zh, c.caveat_en, c.default_style, c.tile_min_zoom,
       c.tile_max_zoom, c.tile_properties, c.queryables, c.sort_order + d.n
FROM collection c,
     (VALUES (0, 'spatial-structure-areas', 2, '空间结构：核心与片区', 'Spatial structure: cores and zones',
              '规划确定的核心、副中心与功能片区（面）。', 'Cores, sub-cores and zones of the planned spatial structure (polygons).'),
             (1, 'spatial-structure-axes', 1, '空间结构：发展轴', 'Spatial structure: axes',
              '规划确定的发展轴（线）。', 'Development axes of the planned spatial structure (lines).'),
             (2, 'spatial-structure-nodes', 0, '空间结构：节点', 'Spatial structure: nodes',
              '规划确定的节点（点）。', 'Nodes of the planned spatial structure (points).'))
         AS d(n, id, dimension, title_zh, title_en, description_zh, description_en)
WHERE c.id = 'spatial-structure';

DELETE FROM collection WHERE id = 'spatial-structure';

-- Their styles as the web map draws the structure: by element, in the map's colours.
UPDATE collection SET default_style = jsonb_build_object(
        'categorizedBy', 'element', 'label', 'name_zh', 'lineDash', jsonb_build_array(12, 6),
        'strokeWidth', CASE id WHEN 'spatial-structure-axes' THEN 4 ELSE 1.5 END,
        'stroke', CASE id WHEN 'spatial-structure-nodes' THEN '#ffffff' ELSE '#c0392b' END,
        'pointRadius', 7, 'fillOpacity', CASE id WHEN 'spatial-structure-areas' THEN 0.15 ELSE 1 END,
        'categories', '[{"value": "axis", "label_zh": "发展轴", "label_en": "Axis", "colour": "#c0392b"},
                        {"value": "core", "label_zh": "核心", "label_en": "Core", "colour": "#c0392b"},
                        {"value": "sub_core", "label_zh": "副中心", "label_en": "Sub-core", "colour": "#e67e22"},
                        {"value": "zone", "label_zh": "片区", "label_en": "Zone", "colour": "#16a085"},
                        {"value": "node", "label_zh": "节点", "label_en": "Node", "colour": "#8e44ad"}]'::jsonb),
    updated_at = now()
WHERE id IN ('spatial-structure-areas', 'spatial-structure-axes', 'spatial-structure-nodes');
