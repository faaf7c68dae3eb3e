package org.liudong.planview.exchange.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liudong.planview.http.Problem;

/**
 * A shapefile holds one geometry type, so a mixed layer (spatial-structure has points, lines and
 * polygons) is written as one shapefile per type. Features without geometry go with the first.
 */
final class ShapefileLayers {
    private ShapefileLayers() {
    }

    /**
     * One layer to write: its file suffix, ogr2ogr's {@code -nlt}, and the attribute filter that
     * picks its features (a fixed string made here, never from the request).
     */
    record Layer(String suffix, String geometryType, String where, long features) {
    }

    static List<Layer> plan(Map<String, Long> typeCounts) {
        Map<String, long[]> kinds = new LinkedHashMap<>();
        boolean multiPoint = false;
        long none = 0;
        for (var e : typeCounts.entrySet()) {
            String kind = switch (e.getKey()) {
                case "POLYGON", "MULTIPOLYGON" -> "polygon";
                case "LINESTRING", "MULTILINESTRING" -> "line";
                case "POINT", "MULTIPOINT" -> "point";
                case "NONE" -> null;
                default -> throw Problem.badRequest("the selection holds " + e.getValue() + " geometries of type "
                        + e.getKey() + ", which a shapefile cannot store; export it as GeoPackage instead");
            };
            if (e.getKey().equals("MULTIPOINT")) multiPoint = true;
            if (kind == null) none += e.getValue();
            else kinds.computeIfAbsent(kind, k -> new long[1])[0] += e.getValue();
        }
        List<Layer> layers = new ArrayList<>();
        if (kinds.isEmpty()) {
            layers.add(new Layer("", "NONE", null, none));
            return layers;
        }
        boolean split = kinds.size() > 1;
        for (String kind : List.of("polygon", "line", "point")) {
            if (!kinds.containsKey(kind)) continue;
            boolean first = layers.isEmpty();
            String types = switch (kind) {
                case "polygon" -> "'POLYGON','MULTIPOLYGON'";
                case "line" -> "'LINESTRING','MULTILINESTRING'";
                default -> "'POINT','MULTIPOINT'";
            };
            String nlt = switch (kind) {
                case "polygon" -> "MULTIPOLYGON";
                case "line" -> "MULTILINESTRING";
                default -> multiPoint ? "MULTIPOINT" : "POINT";
            };
            String where = null;
            if (split) {
                where = "GeometryType(geom) IN (" + types + ")" + (first && none > 0 ? " OR geom IS NULL" : "");
            }
            long n = kinds.get(kind)[0] + (first ? none : 0);
            layers.add(new Layer(split ? "_" + kind : "", nlt, where, n));
        }
        return layers;
    }
}
