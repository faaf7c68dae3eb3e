package org.liudong.planview.query;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.SqlStatement;

/**
 * The WHERE conditions of a {@link Selection} on a collection's table (aliased {@code t}).
 * Identifiers come from the catalogue (quoted), values are bound. The bbox and spatial filters
 * are {@code ST_Intersects} on the stored geometry, so the GiST index serves them.
 */
public final class SelectionSql {
    private SelectionSql() {
    }

    /** The WHERE clause (with its leading space), or an empty text when nothing is selected out. */
    public static SqlStatement where(CollectionInfo c, Selection s) {
        return whereOf(conditions(c, s));
    }

    /** The conditions, one per parameter, for callers that add their own (a page's keyset). */
    public static List<SqlStatement> conditions(CollectionInfo c, Selection s) {
        List<SqlStatement> conditions = new ArrayList<>();
        subset(c).ifPresent(conditions::add);
        if (s.bbox() != null) conditions.add(bbox(c, s.bbox()));
        for (PropertyFilter f : s.propertyFilters()) {
            PropertyInfo p = f.property();
            conditions.add(switch (p.type()) {
                case STRING -> new SqlStatement(p.column() + " = ?", List.of(f.value()));
                default -> new SqlStatement(p.column() + " = " + p.castParameter(), List.of(f.value().trim()));
            });
        }
        if (s.filter() != null) {
            SqlStatement f = s.filter().sql();
            conditions.add(new SqlStatement("(" + f.sql() + ")", f.params()));
        }
        if (s.datetime() != null && c.temporal() != null) conditions.add(time(c.temporal(), s.datetime()));
        return conditions;
    }

    /**
     * The features whose time intersects the interval. A year (an integer column) is the whole
     * calendar year in UTC and a date its whole day, so they are compared as years and dates; a
     * timestamp as an instant. A feature without a time matches no interval.
     */
    static SqlStatement time(PropertyInfo p, TimeInterval t) {
        List<String> sql = new ArrayList<>(List.of(p.column() + " IS NOT NULL"));
        List<Object> params = new ArrayList<>();
        if (t.start() != null) {
            sql.add(p.column() + " >= ?");
            params.add(bound(p, t.start()));
        }
        if (t.end() != null) {
            sql.add(p.column() + " <= ?");
            params.add(bound(p, t.end()));
        }
        return new SqlStatement("(" + String.join(" AND ", sql) + ")", params);
    }

    private static Object bound(PropertyInfo p, java.time.Instant at) {
        java.time.OffsetDateTime utc = at.atOffset(java.time.ZoneOffset.UTC);
        return switch (p.type()) {
            case INTEGER -> utc.getYear();
            case DATE -> utc.toLocalDate();
            default -> utc;
        };
    }

    /** Only the rows of a collection that is part of a table (subset_column = subset_value, one geometry dimension). */
    public static java.util.Optional<SqlStatement> subset(CollectionInfo c) {
        if (c.subset() == null) return java.util.Optional.empty();
        return java.util.Optional.of(c.subset().condition(c.geometrySql()));
    }

    public static SqlStatement whereOf(List<SqlStatement> conditions) {
        if (conditions.isEmpty()) return new SqlStatement("", List.of());
        SqlStatement joined = SqlStatement.join(" AND ", conditions);
        return new SqlStatement(" WHERE " + joined.sql(), joined.params());
    }

    /**
     * The features intersecting the box. A box across the antimeridian (west edge east of the east
     * edge) is the two boxes either side of it.
     */
    private static SqlStatement bbox(CollectionInfo c, Bbox bbox) {
        double[] b = bbox.box();
        if (!bbox.crossesAntimeridian()) return envelope(c, bbox, b[0], b[1], b[2], b[3]);
        SqlStatement east = envelope(c, bbox, b[0], b[1], 180, b[3]);
        SqlStatement west = envelope(c, bbox, -180, b[1], b[2], b[3]);
        SqlStatement either = SqlStatement.join(" OR ", List.of(east, west));
        return new SqlStatement("(" + either.sql() + ")", either.params());
    }

    private static SqlStatement envelope(CollectionInfo c, Bbox bbox, double minX, double minY, double maxX, double maxY) {
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + c.storageSrid() + ")";
        if (!GeometrySql.sameCoordinates(bbox.crs().srid(), c.storageSrid())) {
            envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + bbox.crs().srid() + ")";
            // Densified first, so that a projected box keeps its shape once in degrees.
            envelope = "ST_Transform(ST_Segmentize(" + envelope + ", " + (bbox.crs().projected() ? "100" : "0.001")
                    + "), " + c.storageSrid() + ")";
        }
        return new SqlStatement("ST_Intersects(" + c.geometrySql() + ", " + envelope + ")", List.of(minX, minY, maxX, maxY));
    }
}
