package org.liudong.planview.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report as tables — heading, column titles (Chinese / English), rows — in the order a planner
 * reads it: the site, conflicts, planning layers, land use, parcels, projects, caveats. The CSV and
 * the XLSX are both written from these, so that they cannot disagree.
 */
final class ReportTables {
    record Table(String key, String title, List<String> columns, List<List<Object>> rows) {
    }

    private ReportTables() {
    }

    static List<Table> of(RedlineReport r) {
        List<Table> out = new ArrayList<>();
        CheckedSite s = r.site();
        List<List<Object>> site = new ArrayList<>();
        site.add(List.of("报告生成时间 Generated", r.generated().toString()));
        site.add(List.of("来源 Source", s.source().format() + (s.source().fileName() == null ? "" : " " + s.source().fileName())));
        site.add(List.of("坐标系 CRS of the input", "EPSG:" + s.source().srid()));
        site.add(List.of("面积（平方米）Area m²", s.areaM2()));
        site.add(List.of("面积（公顷）Area ha", s.areaM2() / Areas.M2_PER_HA));
        site.add(List.of("面积（亩）Area mu", s.areaM2() / Areas.M2_PER_MU));
        site.add(List.of("区外面积（平方米）Outside the district m²", s.outsideM2()));
        site.add(List.of("界址点数 Vertices", s.vertices()));
        for (String repair : s.repairs()) site.add(List.of("已修复 Repaired", repair));
        out.add(new Table("site", "用地红线 Site", List.of("项目 Item", "值 Value"), site));

        out.add(overlapTable("conflicts", "冲突（管控图层）Conflicts with constraint layers", r.conflicts(), r));
        out.add(overlapTable("layers", "规划图层叠加 Planning layers", r.layers(), r));

        List<List<Object>> landUse = new ArrayList<>();
        if (r.landUse() != null) {
            Map<String, String> names = new java.util.HashMap<>();
            r.parcels().forEach(p -> { if (p.landUseCode() != null) names.putIfAbsent(p.landUseCode(), p.landUseName()); });
            for (Statistics.Row g : r.landUse().groups()) {
                String code = String.valueOf(g.key().get("land_use_code"));
                landUse.add(List.of(code, names.getOrDefault(code, ""), g.count(), g.areaM2(), g.areaM2() / Areas.M2_PER_HA,
                        g.areaM2() / Areas.M2_PER_MU, r.landUse().share(g)));
            }
            Statistics.Row t = r.landUse().total();
            landUse.add(List.of("合计 Total", "", t.count(), t.areaM2(), t.areaM2() / Areas.M2_PER_HA, t.areaM2() / Areas.M2_PER_MU, 1.0));
        }
        out.add(new Table("landUse", "用地构成（地块压占面积）Land use of the parcel area overlapped",
                List.of("用地代码 Code", "用地名称 Land use", "地块数 Parcels", "面积（平方米）m²", "面积（公顷）ha", "面积（亩）mu", "占比 Share"), landUse));

        List<List<Object>> parcels = new ArrayList<>();
        for (RedlineReport.ParcelOverlap p : r.parcels()) {
            parcels.add(java.util.Arrays.asList(p.code() == null ? p.id() : p.code(), p.landUseCode(), p.landUseName(), p.status(),
                    p.parcelM2() / Areas.M2_PER_HA, p.overlapM2(), p.overlapM2() / Areas.M2_PER_HA, p.overlapM2() / Areas.M2_PER_MU,
                    p.parcelM2() > 0 ? p.overlapM2() / p.parcelM2() : 0));
        }
        out.add(new Table("parcels", "压占地块 Parcels touched", List.of("地块编号 Parcel", "用地代码 Code", "用地名称 Land use", "状态 Status",
                "地块面积（公顷）Parcel ha", "压占面积（平方米）Overlap m²", "压占面积（公顷）Overlap ha", "压占面积（亩）Overlap mu",
                "占地块比例 Share of parcel"), parcels));

        List<List<Object>> projects = new ArrayList<>();
        for (RedlineReport.ProjectNearby p : r.projects()) {
            projects.add(java.util.Arrays.asList(p.id(), p.name(), p.category(), p.status(), p.distanceM()));
        }
        out.add(new Table("projects", "周边重大项目（" + (long) r.projectDistanceM() + " 米内）Projects within " + (long) r.projectDistanceM() + " m",
                List.of("编号 Id", "名称 Name", "类别 Category", "状态 Status", "距离（米）Distance m"), projects));

        List<List<Object>> caveats = new ArrayList<>();
        for (int i = 0; i < r.caveatsZh().size(); i++) caveats.add(List.of(r.caveatsZh().get(i)));
        r.caveatsEn().forEach(c -> caveats.add(List.of(c)));
        out.add(new Table("caveats", "数据说明 Data caveats", List.of("说明 Note"), caveats));
        return out;
    }

    private static Table overlapTable(String key, String title, List<RedlineReport.Overlap> overlaps, RedlineReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (RedlineReport.Overlap o : overlaps) {
            rows.add(java.util.Arrays.asList(o.titleZh(), o.collection(), o.featureId(), o.name(), o.areaM2(), o.areaM2() / Areas.M2_PER_HA,
                    o.areaM2() / Areas.M2_PER_MU, r.share(o.areaM2())));
        }
        return new Table(key, title, List.of("图层 Layer", "图层编号 Collection", "要素编号 Feature", "名称 Name", "叠加面积（平方米）m²",
                "叠加面积（公顷）ha", "叠加面积（亩）mu", "占用地比例 Share of site"), rows);
    }

    static byte[] csv(RedlineReport r) {
        CsvTable csv = new CsvTable();
        csv.row("建设项目选址红线叠加分析报告 Red-line (site) overlay report");
        for (Table t : of(r)) {
            csv.row();
            csv.row(t.title());
            csv.row(new ArrayList<Object>(t.columns()));
            for (List<Object> row : t.rows()) csv.row(row);
            if (t.rows().isEmpty()) csv.row("（无 none）");
        }
        return csv.bytes();
    }

    static byte[] xlsx(RedlineReport r) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var wb = new org.dhatim.fastexcel.Workbook(bytes, "Liudong Planning Viewer", "1.0");
        for (Table t : of(r)) {
            var ws = wb.newWorksheet(sheetName(t));
            ws.value(0, 0, t.title());
            ws.style(0, 0).bold().set();
            for (int c = 0; c < t.columns().size(); c++) {
                ws.value(1, c, t.columns().get(c));
                ws.style(1, c).bold().fillColor("DDEBF7").set();
            }
            int row = 2;
            for (List<Object> cells : t.rows()) {
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) ws.value(row, c, n);
                    else if (v != null) ws.value(row, c, v.toString());
                }
                row++;
            }
        }
        wb.finish();
        return bytes.toByteArray();
    }

    /** Sheet names: 31 characters at most, and the ones Excel forbids left out. */
    private static String sheetName(Table t) {
        return switch (t.key()) {
            case "site" -> "用地红线";
            case "conflicts" -> "冲突";
            case "layers" -> "规划图层";
            case "landUse" -> "用地构成";
            case "parcels" -> "压占地块";
            case "projects" -> "周边项目";
            default -> "数据说明";
        };
    }
}
