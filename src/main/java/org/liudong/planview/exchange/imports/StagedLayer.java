package org.liudong.planview.exchange.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.catalog.TableColumns;
import org.liudong.planview.http.Problem;

/**
 * An upload in its staging table, checked: it has features, their geometries are valid (or were
 * repaired, if the editor asked), and they lie in China — a layer in the wrong CRS is refused
 * here, before it replaces anything.
 *
 * @param table         the staging table's name (in {@code import_staging})
 * @param columns       the upload's attribute columns (not the feature number, not the geometry)
 * @param geometryType  MULTIPOINT, MULTILINESTRING or MULTIPOLYGON when all features have one dimension, else GEOMETRY
 */
record StagedLayer(String table, long features, long repaired, List<String> columns, String geometryType) {
    /** Where the features of a district of Liuzhou can possibly be: China, generously. */
    private static final double[] CHINA = {73, 3, 136, 54};

    static StagedLayer check(DataSource ds, String staging, boolean repair) throws SQLException {
        String t = ImportSql.staging(staging);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            long features = single(st, ImportSql.count(t));
            if (features == 0) throw Problem.badRequest("the upload holds no features");
            long invalid = single(st, ImportSql.countInvalid(t));
            long repaired = 0;
            if (invalid > 0 && !repair) {
                List<Map<String, Object>> bad = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(ImportSql.firstInvalid(t, 100))) {
                    while (rs.next()) {
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("feature", rs.getLong(1));
                        f.put("reason", rs.getString(2));
                        bad.add(f);
                    }
                }
                throw new ImportRejected(invalid + " of " + features + " features have invalid geometry (self-intersections and the like); "
                        + "fix them, or send repair=true to have them made valid (ST_MakeValid)", Map.of("invalidFeatures", bad,
                        "invalidCount", invalid, "featureNumbering", "1 = the first feature of the file"));
            }
            if (invalid > 0) repaired = st.executeUpdate(ImportSql.repairInvalid(t));
            checkInChina(st, t);
            List<String> columns = TableColumns.names(c, ImportSql.STAGING_SCHEMA, staging).stream()
                    .filter(n -> !n.equals(ImportSql.FID) && !n.equals("geom")).toList();
            return new StagedLayer(staging, features, repaired, columns, geometryType(st, t));
        }
    }

    private static void checkInChina(Statement st, String t) throws SQLException {
        try (ResultSet rs = st.executeQuery(ImportSql.extent(t))) {
            rs.next();
            if (rs.getObject(1) != null && (rs.getDouble(1) < CHINA[0] || rs.getDouble(2) < CHINA[1]
                    || rs.getDouble(3) > CHINA[2] || rs.getDouble(4) > CHINA[3])) {
                throw Problem.badRequest(String.format(Locale.ROOT, "the features lie between %.4f,%.4f and %.4f,%.4f (longitude, latitude), "
                        + "not in China: is the coordinate reference system right? Send srid to say which one it is",
                        rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
            }
        }
    }

    private static String geometryType(Statement st, String t) throws SQLException {
        List<Integer> dims = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(ImportSql.dimensions(t))) {
            while (rs.next()) dims.add(rs.getInt(1));
        }
        if (dims.size() != 1) return "GEOMETRY";
        return switch (dims.get(0)) {
            case 0 -> "MULTIPOINT";
            case 1 -> "MULTILINESTRING";
            default -> "MULTIPOLYGON";
        };
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
