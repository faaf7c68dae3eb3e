-- Synthetic figures must not look real (issue 12): the parcels' land use, status (出让 / 储备 /
-- 规划) and areas are all generated, and no total of them corresponds to a real statistic — the
-- 已储备 share is a fixed synthetic proportion, not calibrated to the texts' reserve target.
UPDATE collection
SET caveat_zh = '模拟数据：地块及其用途、供地状态和面积均为程序生成，并非真实地籍；任何合计都不是真实统计。',
    caveat_en = 'Synthetic: parcels, their land use, status and areas are generated, not a real cadastre; no total of them is a real statistic.'
WHERE id = 'land-parcels';
