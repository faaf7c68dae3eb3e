package org.liudong.planview.tiles;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.catalog.Sql;
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

    static SqlStatement tile(CollectionInfo c, int z, int x, int y) {
        List<Object> params = new ArrayList<>();
        // One tile unit (1/4096 of the tile) in metres: detail below it cannot show.
        double unit = WORLD / Math.pow(2, z) / EXTENT;
        boolean integerId = c.idProperty().type() == PropertyType.INTEGER;

        String mercator = c.tileGeometryColumn() != null ? "t." + Sql.ident(c.tileGeometryColumn())
                : "ST_Transform(" + c.geometrySql() + ", 3857)";
        List<String> columns = new ArrayList<>();
        columns.add("ST_AsMVTGeom(ST_Simplify(" + mercator + ", ?), b.env, " + EXTENT + ", " + BUFFER + ", true) AS geom");
        params.add(unit);
        columns.add(c.idProperty().column() + " AS " + Sql.ident("id"));
        // An integer id is also the MVT feature id (for feature state and selection); ST_AsMVT
        // consumes that column, so it is a copy and "id" stays a property for clients that read it there.
        if (integerId) columns.add(c.idProperty().column() + " AS " + Sql.ident(FEATURE_ID));
        for (String name : c.tileProperties()) {
            if (name.equals(c.idProperty().name()) || name.equals("id")) continue;
            columns.add("t." + Sql.ident(name));
        }
        StringBuilder sql = new StringBuilder();
        // q: the tile with its buffer, in the CRS of the indexed column the rows are found by
        sql.append("WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ");
        if (c.tileGeometryColumn() != null) sql.append("ST_TileEnvelope(?, ?, ?, margin => ?) AS q) ");
        else sql.append("ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), ").append(c.storageSrid()).append(") AS q) ");
        List<Object> head = new ArrayList<>(List.of(z, x, y, z, x, y, (double) BUFFER / EXTENT));
        sql.append("SELECT ST_AsMVT(m.*, ?, ").append(EXTENT).append(", 'geom'");
        head.add(c.id());
        if (integerId) sql.append(", '").append(FEATURE_ID).append("'");
        sql.append(") FROM (SELECT ").append(String.join(", ", columns));
        String indexed = c.tileGeometryColumn() != null ? "t." + Sql.ident(c.tileGeometryColumn()) : c.geometrySql();
        sql.append(" FROM ").append(c.tableSql()).append(" t, b WHERE ").append(indexed).append(" && b.q");
        if (c.subsetColumn() != null) {
            sql.append(" AND t.").append(Sql.ident(c.subsetColumn())).append("::text = ?");
            params.add(c.subsetValue());
        }
        // OFFSET 0 keeps "geom IS NOT NULL" above the subquery: pushed down into the scan, it made
        // PostgreSQL clip every row twice, once to test and once to output (a third of a z12 tile's time).
        sql.append(" OFFSET 0) m WHERE m.geom IS NOT NULL");
        List<Object> all = new ArrayList<>(head);
        all.addAll(params);
        return new SqlStatement(sql.toString(), all);
    }
}
