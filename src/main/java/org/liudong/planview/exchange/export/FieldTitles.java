package org.liudong.planview.exchange.export;

import java.util.Map;

/**
 * Chinese titles of the shipped layers' columns, for fields.csv: a planner who opens a
 * shapefile sees {@code land_use_c} and needs to know it is 用地分类代码. Unknown columns
 * (imported layers) simply have no title.
 */
final class FieldTitles {
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("id", "编号"),
            Map.entry("kind", "类型"),
            Map.entry("element", "结构要素"),
            Map.entry("name_zh", "中文名称"),
            Map.entry("name_en", "英文名称"),
            Map.entry("description", "说明"),
            Map.entry("geometry_quality", "几何精度"),
            Map.entry("location_quality", "位置精度"),
            Map.entry("location_note", "位置说明"),
            Map.entry("sources", "资料来源"),
            Map.entry("category", "项目类别"),
            Map.entry("status", "状态"),
            Map.entry("status_history", "状态沿革"),
            Map.entry("investment_yi", "投资（亿元）"),
            Map.entry("capacity_gwh", "产能（GWh）"),
            Map.entry("land_mu", "用地（亩）"),
            Map.entry("figures", "指标"),
            Map.entry("area_id", "所属片区/园区"),
            Map.entry("zone_id", "所属功能片区"),
            Map.entry("locality", "地名"),
            Map.entry("parcel_code", "地块编码"),
            Map.entry("land_use_code", "用地分类代码"),
            Map.entry("land_use_name", "用地分类名称"),
            Map.entry("area_m2", "面积（平方米）"),
            Map.entry("area_ha", "面积（公顷）"),
            Map.entry("area_mu", "面积（亩）"),
            Map.entry("plot_ratio", "容积率"),
            Map.entry("synthetic", "模拟数据"),
            Map.entry("source", "来源"));

    private FieldTitles() {
    }

    static String of(String column) {
        return TITLES.get(column);
    }
}
