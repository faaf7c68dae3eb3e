package org.liudong.planview.versions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.db.Sql;

/**
 * The difference of two versions of a collection as features, written by PostGIS: features are
 * matched by id; one is {@code added}, {@code removed} or {@code changed} (any property or the
 * geometry), with its area before and after on the ellipsoid (m²), the names of what changed, and
 * its properties before and after. Unchanged features are left out.
 */
final class VersionDiff {
    /** added, removed, changed counts and the net area change (m²). */
    record Summary(long added, long removed, long changed, double areaChangeM2) {
    }

    private VersionDiff() {
    }

    static Summary write(Connection c, CollectionInfo from, CollectionInfo to, Consumer<String> feature) throws SQLException {
        String sql = "WITH a AS (" + side(from) + "), b AS (" + side(to) + ")"
                + " SELECT CASE WHEN a.fid IS NULL THEN 'added' WHEN b.fid IS NULL THEN 'removed' ELSE 'changed' END AS change,"
                + " coalesce(" + area("b") + ", 0) - coalesce(" + area("a") + ", 0) AS delta,"
                + " json_build_object('type', 'Feature', 'id', coalesce(b.fid, a.fid),"
                + "   'geometry', ST_AsGeoJSON(ST_Transform(coalesce(b.geom, a.geom), 4326), 7, 0)::json,"
                + "   'properties', json_build_object("
                + "     'change', CASE WHEN a.fid IS NULL THEN 'added' WHEN b.fid IS NULL THEN 'removed' ELSE 'changed' END,"
                + "     'area_before_m2', round(" + area("a") + "::numeric, 2),"
                + "     'area_after_m2', round(" + area("b") + "::numeric, 2),"
                + "     'area_change_m2', round((coalesce(" + area("b") + ", 0) - coalesce(" + area("a") + ", 0))::numeric, 2),"
                + "     'changed', CASE WHEN a.fid IS NOT NULL AND b.fid IS NOT NULL THEN ARRAY("
                + "        SELECT key FROM jsonb_each(a.props) ea FULL JOIN jsonb_each(b.props) eb USING (key)"
                + "        WHERE ea.value IS DISTINCT FROM eb.value ORDER BY key)"
                + "        || CASE WHEN a.geom IS DISTINCT FROM b.geom THEN ARRAY['geometry'] ELSE ARRAY[]::text[] END END,"
                + "     'before', a.props, 'after', b.props))::text AS feature"
                + " FROM a FULL JOIN b ON a.fid = b.fid"
                + " WHERE a.fid IS NULL OR b.fid IS NULL OR a.props IS DISTINCT FROM b.props OR a.geom IS DISTINCT FROM b.geom"
                + " ORDER BY coalesce(b.fid, a.fid)";
        long added = 0;
        long removed = 0;
        long changed = 0;
        double delta = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, notProperties(c, from));
            ps.setArray(2, notProperties(c, to));
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "added" -> added++;
                        case "removed" -> removed++;
                        default -> changed++;
                    }
                    delta += rs.getDouble(2);
                    feature.accept(rs.getString(3));
                }
            }
        }
        return new Summary(added, removed, changed, Math.round(delta * 100) / 100.0);
    }

    /** One version's rows: id as text, geometry, the other columns as one JSON object. */
    private static String side(CollectionInfo c) {
        return "SELECT t." + Sql.ident(c.idProperty().name()) + "::text AS fid, " + c.geometrySql() + " AS geom, to_jsonb(t) - ?::text[] AS props"
                + " FROM " + c.tableSql() + " t";
    }

    /** Area on the ellipsoid (0 for points and lines). */
    private static String area(String side) {
        return "ST_Area(ST_Transform(" + side + ".geom, 4326)::geography)";
    }

    /** The id and geometry columns: not properties. */
    private static Array notProperties(Connection c, CollectionInfo info) throws SQLException {
        List<String> names = new ArrayList<>(List.of(info.idProperty().name(), info.geometryColumn()));
        if (info.tiles().geometryColumn() != null) names.add(info.tiles().geometryColumn());
        return c.createArrayOf("text", names.toArray());
    }
}
