package org.liudong.planview.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The report as JSON: conflicts first; the site and the overlap pieces as GeoJSON in CRS84. */
final class ReportJson {
    private static final ObjectMapper json = new ObjectMapper();

    private ReportJson() {
    }

    static ObjectNode of(RedlineReport r) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.put("title_zh", "建设项目选址红线叠加分析报告");
        o.put("title_en", "Red-line (site) overlay report");
        o.put("generated", r.generated().toString());
        o.put("hasConflicts", !r.conflicts().isEmpty());
        ArrayNode conflicts = o.putArray("conflicts");
        r.conflicts().forEach(c -> conflicts.add(overlap(c, r)));
        o.set("constraintLayers", json.valueToTree(r.constraintLayers()));

        CheckedSite s = r.site();
        ObjectNode site = o.putObject("site");
        site.put("format", s.source().format());
        if (s.source().fileName() != null) site.put("fileName", s.source().fileName());
        if (s.source().charset() != null) site.put("charset", s.source().charset());
        site.put("inputCrs", "EPSG:" + s.source().srid());
        site.setAll((ObjectNode) json.valueToTree(Areas.of(s.areaM2())));
        site.put("outside_m2", s.outsideM2());
        site.put("vertices", s.vertices());
        site.set("repairs", json.valueToTree(s.repairs()));
        site.put("repaired", !s.repairs().isEmpty());
        ArrayNode parcels = site.putArray("parcels");
        for (BubiaoParcel p : s.source().parcels()) {
            ObjectNode n = parcels.addObject();
            n.put("line", p.line());
            n.put("number", p.number());
            n.put("name", p.name());
            n.put("use", p.use());
            n.put("landUseCode", p.landUseCode());
            if (p.declaredHa() != null) n.put("declared_ha", p.declaredHa());
        }
        site.set("geometry", json.readTree(s.geoJson()));

        ArrayNode layers = o.putArray("layers");
        r.layers().forEach(l -> layers.add(overlap(l, r)));

        ObjectNode landUse = o.putObject("landUse");
        landUse.put("collection", r.parcelsCollection());
        if (r.landUse() != null) {
            landUse.set("total", json.valueToTree(r.landUse().json().get("total")));
            landUse.set("groups", json.valueToTree(r.landUse().json().get("groups")));
        }
        ArrayNode parcelRows = o.putArray("parcels");
        for (RedlineReport.ParcelOverlap p : r.parcels()) {
            ObjectNode n = parcelRows.addObject();
            n.put("id", p.id());
            n.put("parcel_code", p.code());
            n.put("land_use_code", p.landUseCode());
            n.put("land_use_name", p.landUseName());
            n.put("status", p.status());
            n.put("parcel_area_ha", p.parcelM2() / Areas.M2_PER_HA);
            n.setAll((ObjectNode) json.valueToTree(Areas.of(p.overlapM2())));
            n.put("shareOfParcel", p.parcelM2() > 0 ? p.overlapM2() / p.parcelM2() : 0);
        }
        ObjectNode projects = o.putObject("projects");
        projects.put("distance_m", r.projectDistanceM());
        projects.set("items", json.valueToTree(r.projects()));
        o.set("caveats_zh", json.valueToTree(r.caveatsZh()));
        o.set("caveats_en", json.valueToTree(r.caveatsEn()));
        o.set("pieces", json.readTree("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", r.pieces()) + "]}"));
        return o;
    }

    private static ObjectNode overlap(RedlineReport.Overlap l, RedlineReport r) {
        ObjectNode n = json.createObjectNode();
        n.put("collection", l.collection());
        n.put("title_zh", l.titleZh());
        n.put("title_en", l.titleEn());
        n.put("group", l.group());
        n.put("id", l.featureId());
        n.put("name", l.name());
        n.setAll((ObjectNode) json.valueToTree(Areas.of(l.areaM2())));
        n.put("shareOfSite", r.share(l.areaM2()));
        return n;
    }

}
