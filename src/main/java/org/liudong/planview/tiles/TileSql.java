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
 * The SQL of one Mapbox vector tile of a collection: the rows, encoded by the server
 * ({@link TileEncoder}), or, below the overview zoom, the overview grid encoded by PostGIS (ST_AsMVT).
 */
final class TileSql {
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
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

    /**
     * Where a tile lies in Web Mercator, to bring the rows that come untouched (see {@link #tile})
     * into tile units: x' = (x − xmin) · scale, y' = (ymax − y) · scale (y down).
     */
    record Frame(double xmin, double ymax, double scale) {
    }

    static Frame frame(int z, int x, int y) {
        double size = WORLD / (1L << z);
        return new Frame(-WORLD / 2 + x * size, WORLD / 2 - y * size, EXTENT / size);
    }

    /**
     * The rows of a tile, for {@link TileEncoder}: column 1 the geometry as WKB, column 2 whether
     * it is still in Web Mercator metres, then the columns {@link #columns} describes. A row whose
     * bounding box lies inside the tile with its buffer (the {@code ~} test; all but the few hundred
     * along a dense tile's edge) comes untouched, in metres: the encoder scales, rounds and
     * simplifies it to one tile unit ({@link #frame}, {@link MvtGeometry}) — no clipping and no
     * validity pass, the two costs of ST_AsMVTGeom (its Wagyu pass), and no per-row work in
     * PostgreSQL at all beyond reading the row (docs/benchmark.md). Only the rows that cross the buffer's edge go through
     * ST_AsMVTGeom, which clips them, keeps them valid and returns tile units.
     *
     * <p>Rows are found with the spatial index on the stored geometry. For polygons the tile itself
     * is searched, as MapServer does: a polygon that does not reach into the tile draws nothing in
     * it (the map clips each tile to its extent), while one that does is still kept out to the
     * 64-unit buffer, so its outline is not cut at the tile's edge. Points and lines are searched
     * in the buffered tile, since their symbols and strokes reach a few pixels beyond them.
     */
    static SqlStatement tile(CollectionInfo c, int z, int x, int y) {
        double unit = WORLD / (1L << z) / EXTENT;
        List<Object> params = new ArrayList<>(List.of(z, x, y, z, x, y, (double) BUFFER / EXTENT));
        StringBuilder sql = new StringBuilder("WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ST_TileEnvelope(?, ?, ?, margin => ?) AS q) ");
        sql.append("SELECT ST_AsBinary(CASE WHEN b.q ~ m.g THEN m.g ")
                .append("ELSE ST_AsMVTGeom(ST_Simplify(m.g, ?), b.env, ").append(EXTENT).append(", ").append(BUFFER).append(", true) END), ")
                .append("b.q ~ m.g");
        params.add(unit);
        List<PropertyInfo> columns = properties(c);
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", m.c").append(i);
            inner.append(", ").append(TileValue.select(columns.get(i), "c" + i));
        }
        String searched = polygonal(c) ? "b.env" : "b.q";
        String mercator = c.tiles().geometryColumn() != null ? "t." + Sql.ident(c.tiles().geometryColumn())
                : "ST_Transform(" + c.geometrySql() + ", 3857)";
        String indexed = c.tiles().geometryColumn() != null ? "t." + Sql.ident(c.tiles().geometryColumn()) : c.geometrySql();
        String box = c.tiles().geometryColumn() != null ? searched : "ST_Transform(" + searched + ", " + c.storageSrid() + ")";
        sql.append(" FROM b, (SELECT ").append(mercator).append(" AS g").append(inner).append(" FROM ").append(c.tableSql())
                .append(" t, b WHERE ").append(indexed).append(" && ").append(box);
        if (c.subset() != null) {
            SqlStatement subset = c.subset().condition(c.geometrySql());
            sql.append(" AND ").append(subset.sql());
            params.addAll(subset.params());
        }
        // OFFSET 0: the transform (for collections without a stored Web Mercator copy) is computed once per row, not per use.
        sql.append(" OFFSET 0) m");
        return new SqlStatement(sql.toString(), params);
    }

    /** Whether the collection holds polygons only (its declared geometry type). */
    static boolean polygonal(CollectionInfo c) {
        String t = c.geometryType() == null ? "" : c.geometryType().toUpperCase(java.util.Locale.ROOT);
        return t.equals("POLYGON") || t.equals("MULTIPOLYGON");
    }

    /**
     * What the columns after the geometry and its flag hold, in order: the id (key {@code id}; an integer id is
     * also the MVT feature id, for feature state and selection) and the catalogue's tile properties.
     */
    static TileEncoder.Columns columns(CollectionInfo c) {
        List<String> keys = new ArrayList<>();
        List<TileValue> kinds = new ArrayList<>();
        List<PropertyInfo> properties = properties(c);
        for (int i = 0; i < properties.size(); i++) {
            keys.add(i == 0 ? "id" : properties.get(i).name());
            kinds.add(TileValue.of(properties.get(i)));
        }
        return new TileEncoder.Columns(keys, kinds, c.idProperty().type() == PropertyType.INTEGER);
    }

    private static List<PropertyInfo> properties(CollectionInfo c) {
        List<PropertyInfo> out = new ArrayList<>();
        out.add(c.idProperty());
        for (String name : c.tiles().properties()) {
            if (name.equals(c.idProperty().name()) || name.equals("id")) continue;
            c.property(name).ifPresent(out::add);
        }
        return out;
    }
}
