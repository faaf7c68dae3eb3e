package org.liudong.planview.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis a planner asks for most (issue 15): a functional zone's land-use balance with
 * areas clipped to its outline (the three zones hold 240,000–420,000 of the million parcels, so
 * every request costs about the same and concurrency 8 repeats comparable work), and the red-line (选址) report of a proposed site of about
 * 1 km² — each against PostGIS doing the same work in hand-written SQL over JDBC (the floor).
 */
final class AnalysisCases {
    /** The land-use balance of one planning area, parcel areas clipped to it, groups and total in one pass. */
    private static final String RAW_BALANCE = "SELECT t.land_use_code, GROUPING(t.land_use_code), count(*), "
            + "coalesce(sum(ST_Area((CASE WHEN ST_ContainsProperly(a.geom, t.geom) THEN t.geom ELSE ST_Intersection(t.geom, a.geom) END)::geography)), 0) "
            + "FROM land_parcel t JOIN planning_area a ON a.id = ? "
            + "WHERE ST_Intersects(t.geom, a.geom) AND (ST_ContainsProperly(a.geom, t.geom) OR NOT ST_Touches(t.geom, a.geom)) "
            + "GROUP BY GROUPING SETS ((t.land_use_code), ())";

    /** The report's four questions of a site: planning areas it overlaps, parcels it cuts, their land use, projects near. */
    private static final String RAW_PLANNING = "SELECT a.id, a.name_zh, ST_Area(ST_Intersection(a.geom, s.g)::geography), "
            + "ST_AsGeoJSON(ST_CollectionExtract(ST_Intersection(a.geom, s.g), 3), 9, 0) "
            + "FROM planning_area a, (SELECT ST_GeomFromText(?, 4490) AS g) s WHERE ST_Intersects(a.geom, s.g)";
    private static final String RAW_PARCELS = "SELECT t.id, t.parcel_code, t.land_use_code, t.land_use_name, t.status, "
            + "ST_Area(t.geom::geography), ST_Area((CASE WHEN ST_ContainsProperly(s.g, t.geom) THEN t.geom ELSE ST_Intersection(t.geom, s.g) END)::geography) AS m2 "
            + "FROM land_parcel t, (SELECT ST_GeomFromText(?, 4490) AS g) s "
            + "WHERE ST_Intersects(t.geom, s.g) AND (ST_ContainsProperly(s.g, t.geom) OR NOT ST_Touches(t.geom, s.g)) ORDER BY m2 DESC";
    private static final String RAW_LAND_USE = RAW_BALANCE.replace("JOIN planning_area a ON a.id = ?", "CROSS JOIN (SELECT ST_GeomFromText(?, 4490) AS geom) a");
    private static final String RAW_PROJECTS = "SELECT p.id, p.name_zh, ST_Distance(p.geom::geography, s.g::geography) AS d "
            + "FROM project p, (SELECT ST_GeomFromText(?, 4490) AS g) s "
            + "WHERE p.scope = 'liudong' AND ST_DWithin(p.geom::geography, s.g::geography, 500) ORDER BY d";

    /** Half the side of a square site of about 1 km² at Liudong's latitude: 500 m north–south, 500 m east–west. */
    private static final double HALF_LAT = 500 / 110_800.0;

    private AnalysisCases() {
    }

    static void run(BenchMain bench, List<double[]> centres) throws Exception {
        List<String> zones = zones(bench);
        bench.compareRequests("zone land-use balance", i -> bench.get("/collections/land-parcels/statistics?groupBy=land_use_code"
                + "&polygon=planning-zones/" + zones.get(i)), i -> rawRows(bench, RAW_BALANCE, zones.get(i)), zones.size(), 1.5);

        List<String> sites = new ArrayList<>();
        for (double[] c : centres.subList(0, Math.min(32, centres.size()))) sites.add(square(c));
        bench.compareRequests("red-line report ~1 km²", i -> bench.post("/analysis/redline", geoJson(sites.get(i))), i -> {
            String wkt = sites.get(i);
            return rawRows(bench, RAW_PLANNING, wkt) + rawRows(bench, RAW_PARCELS, wkt) + rawRows(bench, RAW_LAND_USE, wkt)
                    + rawRows(bench, RAW_PROJECTS, wkt);
        }, sites.size(), 1.5);
    }

    /** The three functional zones (三片), largest first: each a request kind. */
    private static List<String> zones(BenchMain bench) throws Exception {
        List<String> zones = new ArrayList<>();
        try (Connection c = bench.db().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM planning_area WHERE kind = 'zone' ORDER BY ST_Area(geom) DESC, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) zones.add(rs.getString(1));
        }
        return zones;
    }

    /** Rows of a statement with one text parameter (an area id or a WKT site), as the bytes of their text. */
    private static long rawRows(BenchMain bench, String sql, String parameter) throws Exception {
        long bytes = 0;
        try (Connection c = bench.db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int k = 1; k <= n; k++) {
                        String s = rs.getString(k);
                        bytes += s == null ? 0 : s.length();
                    }
                }
            }
        }
        return bytes;
    }

    private static String square(double[] c) {
        double halfLon = HALF_LAT / Math.cos(Math.toRadians(c[1]));
        double w = c[0] - halfLon, e = c[0] + halfLon, s = c[1] - HALF_LAT, n = c[1] + HALF_LAT;
        return String.format(Locale.ROOT, "POLYGON((%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f))", w, s, e, s, e, n, w, n, w, s);
    }

    private static String geoJson(String squareWkt) {
        String ring = squareWkt.substring("POLYGON((".length(), squareWkt.length() - 2);
        StringBuilder coords = new StringBuilder();
        for (String point : ring.split(",")) {
            String[] xy = point.split(" ");
            if (coords.length() > 0) coords.append(',');
            coords.append('[').append(xy[0]).append(',').append(xy[1]).append(']');
        }
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + coords + "]]}";
    }
}
