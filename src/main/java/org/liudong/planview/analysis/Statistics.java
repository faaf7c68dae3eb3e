package org.liudong.planview.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liudong.planview.catalog.PropertyInfo;

/** A statistics answer: the groups, the total, and what the areas are of. */
record Statistics(StatisticsRequest request, List<Row> groups, Row total, Double polygonM2) {

    /**
     * One group (or the total).
     *
     * @param areaM2     null when the features have no area (points, lines)
     * @param aggregates function → property → value (null when no row had a value)
     */
    record Row(boolean total, Map<String, Object> key, long count, Double areaM2, Map<String, Map<String, Double>> aggregates) {
        static Row empty(StatisticsRequest r) {
            return new Row(true, Map.of(), 0, r.hasArea() ? 0.0 : null, Map.of());
        }
    }

    /** What the areas are of, in words a planner reads next to the figures. */
    String areaMode() {
        if (!request.hasArea()) return "none";
        return request.polygon() != null && request.mode() == PolygonMode.CLIP ? "clipped" : "whole";
    }

    Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collection", request.collection().id());
        body.put("groupBy", request.groupBy().stream().map(PropertyInfo::name).toList());
        body.put("areas", areaMode());
        body.put("note_zh", noteZh());
        body.put("note_en", noteEn());
        if (request.polygon() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("source", request.polygon().source());
            p.put("mode", request.mode().wire());
            p.putAll(Areas.of(polygonM2));
            body.put("polygon", p);
        }
        body.put("numberMatched", total.count());
        body.put("total", rowJson(total));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row g : groups) out.add(rowJson(g));
        body.put("groups", out);
        return body;
    }

    private Map<String, Object> rowJson(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!r.total()) m.put("properties", r.key());
        m.put("count", r.count());
        if (r.areaM2() != null) m.putAll(Areas.of(r.areaM2()));
        m.put("share", share(r));
        m.putAll(r.aggregates());
        return m;
    }

    /** The group's part of the total: of the area when the features have one, else of the count. */
    double share(Row r) {
        if (r.areaM2() != null) return total.areaM2() > 0 ? r.areaM2() / total.areaM2() : 0;
        return total.count() > 0 ? (double) r.count() / total.count() : 0;
    }

    private String noteZh() {
        return switch (areaMode()) {
            case "clipped" -> "面积为要素落在多边形 " + request.polygon().source() + " 内的部分（椭球面积）；计数与属性汇总为与多边形相交的全部要素。";
            case "whole" -> request.polygon() == null ? "面积为所选要素的完整椭球面积。"
                    : "面积为" + (request.mode() == PolygonMode.WITHIN ? "完全位于" : "与") + "多边形 " + request.polygon().source()
                    + (request.mode() == PolygonMode.WITHIN ? " 内" : " 相交") + "的要素的完整面积（未裁剪）。";
            default -> "要素无面积，仅计数与属性汇总。";
        };
    }

    private String noteEn() {
        return switch (areaMode()) {
            case "clipped" -> "Areas are the parts of the features inside the polygon " + request.polygon().source()
                    + " (on the ellipsoid); counts and property aggregates are of every feature that intersects it.";
            case "whole" -> request.polygon() == null ? "Areas are the selected features' whole areas on the ellipsoid."
                    : "Areas are whole areas of the features " + (request.mode() == PolygonMode.WITHIN ? "inside" : "touching")
                    + " the polygon " + request.polygon().source() + " (not clipped).";
            default -> "The features have no area: counts and property aggregates only.";
        };
    }

    byte[] csv() {
        CsvTable t = new CsvTable();
        List<Object> header = new ArrayList<>();
        request.groupBy().forEach(p -> header.add(p.name()));
        header.add("count");
        if (request.hasArea()) header.addAll(List.of("area_m2", "area_ha", "area_mu"));
        header.add("share");
        request.aggregates().forEach((f, ps) -> ps.forEach(p -> header.add(f + "_" + p.name())));
        t.row(header);
        for (Row g : groups) t.row(cells(g));
        t.row(cells(total));
        return t.bytes();
    }

    private List<Object> cells(Row r) {
        List<Object> c = new ArrayList<>();
        boolean first = true;
        for (PropertyInfo p : request.groupBy()) {
            c.add(r.total() ? (first ? "合计 Total" : "") : r.key().get(p.name()));
            first = false;
        }
        c.add(r.count());
        if (r.areaM2() != null) {
            c.add(r.areaM2());
            c.add(r.areaM2() / Areas.M2_PER_HA);
            c.add(r.areaM2() / Areas.M2_PER_MU);
        }
        c.add(share(r));
        request.aggregates().forEach((f, ps) -> ps.forEach(p -> c.add(r.aggregates().getOrDefault(f, Map.of()).get(p.name()))));
        return c;
    }
}
