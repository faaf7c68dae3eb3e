package org.liudong.planview.tiles;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.catalog.TileOverview;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.SqlStatement;

/**
 * One Mapbox vector tile of a collection, written by PostGIS (ST_AsMVT). Rows are found with the
 * spatial index on the stored geometry (the tile, with its buffer, transformed to the storage
 * CRS); geometry is simplified to the tile's resolution before it is clipped and snapped.
 */
final class TileSql {
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    private static final String FEATURE_ID = "_fid";
    /** Width of the Web Mercator world in metres. */
    private static final double WORLD = 40_075_016.685578488;

    private TileSql() {
    }

    /** Whether a tile of this zoom is cut from the collection's generalised overview (while it is current). */
    static boolean fromOverview(CollectionInfo c, int z) {
        TileOverview o = c.tiles().overview();
        return o != null && z < o.belowZoom();
    }

    /**
     * A tile from the overview grid (V7): column 1 says whether the overview is current, column 2
     * is the tile — computed only when it is (an InitPlan inside CASE runs only if reached).
     * Zoom 13 is cut from level 13, smaller zooms from level 12. The cells carry no feature id:
     * they are not features of the collection, and the property {@code overview} says so.
     */
    static SqlStatement overview(CollectionInfo c, int z, int x, int y) {
        TileOverview o = c.tiles().overview();
        StringBuilder properties = new StringBuilder();
        for (PropertyInfo p : o.properties()) properties.append("o.").append(Sql.ident(p.name())).append(", ");
        String sql = "SELECT s.fresh, CASE WHEN s.fresh THEN ("
                + "WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ST_TileEnvelope(?, ?, ?, margin => ?) AS q) "
                + "SELECT ST_AsMVT(m.*, ?, " + EXTENT + ", 'geom') FROM ("
                + "SELECT ST_AsMVTGeom(o.geom_3857, b.env, " + EXTENT + ", " + BUFFER + ", true) AS geom, "
                + properties + "true AS overview "
                + "FROM " + o.tableSql() + " o, b WHERE o.level = ? AND o.geom_3857 && b.q OFFSET 0) m WHERE m.geom IS NOT NULL"
                + ") END FROM (SELECT version = built_version IS TRUE AS fresh FROM " + o.stateTableSql() + ") s";
        return new SqlStatement(sql, List.of(z, x, y, z, x, y, (double) BUFFER / EXTENT, c.id(), Math.max(12, Math.min(13, z))));
    }

    static SqlStatement tile(CollectionInfo c, int z, int x, int y) {
        List<Object> params = new ArrayList<>();
        // One tile unit (1/4096 of the tile) in metres: detail below it cannot show.
        double unit = WORLD / Math.pow(2, z) / EXTENT;
        boolean integerId = c.idProperty().type() == PropertyType.INTEGER;

        String mercator = c.tiles().geometryColumn() != null ? "t." + Sql.ident(c.tiles().geometryColumn())
                : "ST_Transform(" + c.geometrySql() + ", 3857)";
        List<String> columns = new ArrayList<>();
        columns.add("ST_AsMVTGeom(ST_Simplify(" + mercator + ", ?), b.env, " + EXTENT + ", " + BUFFER + ", true) AS geom");
        params.add(unit);
        columns.add(c.idProperty().column() + " AS " + Sql.ident("id"));
        // An integer id is also the MVT feature id (for feature state and selection); ST_AsMVT
        // consumes that column, so it is a copy and "id" stays a property for clients that read it there.
        if (integerId) columns.add(c.idProperty().column() + " AS " + Sql.ident(FEATURE_ID));
        for (String name : c.tiles().properties()) {
            if (name.equals(c.idProperty().name()) || name.equals("id")) continue;
            columns.add("t." + Sql.ident(name));
        }
        StringBuilder sql = new StringBuilder();
        // q: the tile with its buffer, in the CRS of the indexed column the rows are found by
        sql.append("WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ");
        if (c.tiles().geometryColumn() != null) sql.append("ST_TileEnvelope(?, ?, ?, margin => ?) AS q) ");
        else sql.append("ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), ").append(c.storageSrid()).append(") AS q) ");
        List<Object> head = new ArrayList<>(List.of(z, x, y, z, x, y, (double) BUFFER / EXTENT));
        sql.append("SELECT ST_AsMVT(m.*, ?, ").append(EXTENT).append(", 'geom'");
        head.add(c.id());
        if (integerId) sql.append(", '").append(FEATURE_ID).append("'");
        sql.append(") FROM (SELECT ").append(String.join(", ", columns));
        String indexed = c.tiles().geometryColumn() != null ? "t." + Sql.ident(c.tiles().geometryColumn()) : c.geometrySql();
        sql.append(" FROM ").append(c.tableSql()).append(" t, b WHERE ").append(indexed).append(" && b.q");
        if (c.subset() != null) {
            SqlStatement subset = c.subset().condition(c.geometrySql());
            sql.append(" AND ").append(subset.sql());
            params.addAll(subset.params());
        }
        // OFFSET 0 keeps "geom IS NOT NULL" above the subquery: pushed down into the scan, it made
        // PostgreSQL clip every row twice, once to test and once to output (a third of a z12 tile's time).
        sql.append(" OFFSET 0) m WHERE m.geom IS NOT NULL");
        List<Object> all = new ArrayList<>(head);
        all.addAll(params);
        return new SqlStatement(sql.toString(), all);
    }
}
