package org.liudong.planview.features;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.Sql;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;

/**
 * The SQL of an items request. Identifiers come from the catalogue (quoted), values are bound.
 * The table is always aliased {@code t}. Rows are ordered by the sort keys, then the id, with
 * NULLs last, so that a page boundary is a single point in that order (see {@link Cursor}).
 */
public final class ItemsSql {
    private ItemsSql() {
    }

    /**
     * Every matching row (no limit, offset or cursor), in the request's order: the id column, the
     * selected property columns as stored (jsonb stays jsonb), and the geometry — named as the
     * collection's geometry column — transformed to the request's {@code crs}, in PostGIS axis
     * order (x = east), as files (Shapefile, GeoPackage …) want it.
     */
    public static SqlStatement selectAll(CollectionInfo c, ItemsRequest r) {
        List<String> columns = new ArrayList<>();
        columns.add(c.idProperty().column());
        for (PropertyInfo p : r.selectedProperties(c)) columns.add(p.column());
        columns.add(labelled(c, r.crs()) + " AS " + Sql.ident(c.geometryColumn()));
        SqlStatement where = where(c, r);
        return new SqlStatement("SELECT " + String.join(", ", columns) + " FROM " + c.tableSql() + " t" + where.sql()
                + " ORDER BY " + orderBy(c, r), where.params());
    }

    /** {@code SELECT count(*)} of the matching rows: numberMatched. Uses the spatial index for bbox and spatial filters. */
    public static SqlStatement count(CollectionInfo c, ItemsRequest r) {
        SqlStatement where = where(c, r);
        return new SqlStatement("SELECT count(*) FROM " + c.tableSql() + " t" + where.sql(), where.params());
    }

    /**
     * One page as GeoJSON Feature texts written by PostGIS: column 1 the Feature, then the sort
     * keys and the id as text (to make the next cursor). Asks for {@code limit + 1} rows: the
     * extra one only tells whether there is a next page.
     */
    static SqlStatement page(CollectionInfo c, ItemsRequest r) {
        List<SqlStatement> conditions = conditions(c, r);
        if (r.cursor() != null) conditions.add(keyset(c, r));
        SqlStatement where = whereOf(conditions);
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder("SELECT ").append(featureJson(c, r));
        for (PropertyInfo k : keyColumns(c, r)) sql.append(", ").append(k.column()).append("::text");
        sql.append(" FROM ").append(c.tableSql()).append(" t").append(where.sql());
        sql.append(" ORDER BY ").append(orderBy(c, r)).append(" LIMIT ?");
        params.add(r.limit() + 1);
        if (r.cursor() == null && r.offset() > 0) {
            sql.append(" OFFSET ?");
            params.add(r.offset());
        }
        return new SqlStatement(sql.toString(), params);
    }

    /** One feature by id, as GeoJSON text; the id is bound as text and cast to the id column's type. */
    static SqlStatement item(CollectionInfo c, String featureId, SupportedCrs crs) {
        List<SqlStatement> conditions = new ArrayList<>();
        subset(c).ifPresent(conditions::add);
        conditions.add(new SqlStatement(c.idProperty().column() + " = " + c.idProperty().castParameter(), List.of(featureId)));
        SqlStatement where = whereOf(conditions);
        ItemsRequest all = new ItemsRequest(null, crs, crs, 1, 0, null, null, List.of(), List.of(), null, crs, null, java.util.Map.of());
        return new SqlStatement("SELECT " + featureJson(c, all) + " FROM " + c.tableSql() + " t" + where.sql(), where.params());
    }

    /** The WHERE clause (with its leading space) of the request, without paging. */
    public static SqlStatement where(CollectionInfo c, ItemsRequest r) {
        return whereOf(conditions(c, r));
    }

    private static List<SqlStatement> conditions(CollectionInfo c, ItemsRequest r) {
        List<SqlStatement> conditions = new ArrayList<>();
        subset(c).ifPresent(conditions::add);
        double[] b = r.bbox();
        if (b != null) {
            String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + c.storageSrid() + ")";
            if (!sameCoordinates(r.bboxCrs().srid(), c.storageSrid())) {
                envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + r.bboxCrs().srid() + ")";
                // Densified first, so that a projected box keeps its shape once in degrees.
                envelope = "ST_Transform(ST_Segmentize(" + envelope + ", " + (r.bboxCrs().projected() ? "100" : "0.001")
                        + "), " + c.storageSrid() + ")";
            }
            conditions.add(new SqlStatement("ST_Intersects(" + c.geometrySql() + ", " + envelope + ")",
                    List.of(b[0], b[1], b[2], b[3])));
        }
        for (PropertyFilter f : r.propertyFilters()) {
            PropertyInfo p = f.property();
            conditions.add(switch (p.type()) {
                case STRING -> new SqlStatement(p.column() + " = ?", List.of(f.value()));
                default -> new SqlStatement(p.column() + " = " + p.castParameter(), List.of(f.value().trim()));
            });
        }
        if (r.filterSql() != null) {
            conditions.add(new SqlStatement("(" + r.filterSql().sql() + ")", r.filterSql().params()));
        }
        return conditions;
    }

    private static java.util.Optional<SqlStatement> subset(CollectionInfo c) {
        if (c.subsetColumn() == null) return java.util.Optional.empty();
        return java.util.Optional.of(new SqlStatement("t." + Sql.ident(c.subsetColumn()) + "::text = ?", List.of(c.subsetValue())));
    }

    private static SqlStatement whereOf(List<SqlStatement> conditions) {
        if (conditions.isEmpty()) return new SqlStatement("", List.of());
        SqlStatement joined = SqlStatement.join(" AND ", conditions);
        return new SqlStatement(" WHERE " + joined.sql(), joined.params());
    }

    /** The sort keys and then the id (unless sorted by it already): the full order of a page. */
    static List<PropertyInfo> keyColumns(CollectionInfo c, ItemsRequest r) {
        List<PropertyInfo> keys = new ArrayList<>();
        for (SortKey k : r.sortby()) keys.add(k.property());
        if (!keys.contains(c.idProperty())) keys.add(c.idProperty());
        return keys;
    }

    private static List<Boolean> ascending(CollectionInfo c, ItemsRequest r) {
        List<Boolean> asc = new ArrayList<>();
        for (SortKey k : r.sortby()) asc.add(k.ascending());
        if (r.sortby().stream().noneMatch(k -> k.property().equals(c.idProperty()))) asc.add(true);
        return asc;
    }

    private static String orderBy(CollectionInfo c, ItemsRequest r) {
        List<PropertyInfo> keys = keyColumns(c, r);
        List<Boolean> asc = ascending(c, r);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            terms.add(keys.get(i).column() + (asc.get(i) ? " ASC" : " DESC") + " NULLS LAST");
        }
        return String.join(", ", terms);
    }

    /**
     * Rows strictly after the cursor in the ORDER BY order: (k1 after) OR (k1 = v1 AND k2 after)
     * OR … With NULLS LAST, nothing but ties follows a NULL, and every value is followed by NULLs.
     */
    private static SqlStatement keyset(CollectionInfo c, ItemsRequest r) {
        List<PropertyInfo> keys = keyColumns(c, r);
        List<Boolean> asc = ascending(c, r);
        List<String> values = r.cursor().keys();
        if (values.size() != keys.size()) throw Cursor.invalid();
        List<SqlStatement> alternatives = new ArrayList<>();
        List<SqlStatement> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            PropertyInfo k = keys.get(i);
            String v = values.get(i);
            boolean isId = k.equals(c.idProperty());
            if (v != null) {
                String after = k.column() + (asc.get(i) ? " > " : " < ") + k.castParameter();
                if (!isId) after = "(" + after + " OR " + k.column() + " IS NULL)";
                List<SqlStatement> term = new ArrayList<>(equalSoFar);
                term.add(new SqlStatement(after, List.of(v)));
                alternatives.add(SqlStatement.join(" AND ", term));
                equalSoFar.add(new SqlStatement(k.column() + " = " + k.castParameter(), List.of(v)));
            } else {
                if (isId) throw Cursor.invalid();
                equalSoFar.add(new SqlStatement(k.column() + " IS NULL", List.of()));
            }
        }
        if (alternatives.isEmpty()) return new SqlStatement("FALSE", List.of());
        List<SqlStatement> wrapped = alternatives.stream().map(a -> new SqlStatement("(" + a.sql() + ")", a.params())).toList();
        SqlStatement or = SqlStatement.join(" OR ", wrapped);
        return new SqlStatement("(" + or.sql() + ")", or.params());
    }

    /** json_build_object(...) of a Feature, written entirely by PostgreSQL. */
    private static String featureJson(CollectionInfo c, ItemsRequest r) {
        return "json_build_object('type', 'Feature', 'id', " + c.idProperty().column()
                + ", 'geometry', " + geoJsonGeometry(c, r.crs()) + ", 'properties', " + propertiesJson(r.selectedProperties(c)) + ")::text";
    }

    private static String propertiesJson(List<PropertyInfo> properties) {
        if (properties.isEmpty()) return "'{}'::json";
        // json_build_object takes at most 100 arguments; wider tables are joined as jsonb.
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < properties.size(); from += 50) {
            List<String> args = new ArrayList<>();
            for (PropertyInfo p : properties.subList(from, Math.min(properties.size(), from + 50))) {
                args.add(literal(p.name()));
                args.add(p.column());
            }
            chunks.add((properties.size() > 50 ? "jsonb_build_object(" : "json_build_object(") + String.join(", ", args) + ")");
        }
        return chunks.size() == 1 ? chunks.get(0) : "(" + String.join(" || ", chunks) + ")::json";
    }

    /** The geometry as GeoJSON in {@code crs}, in that CRS's axis order (latitude first for EPSG:4326/4490). */
    static String geoJsonGeometry(CollectionInfo c, SupportedCrs crs) {
        String g = transformed(c, crs);
        if (crs.northFirst()) g = "ST_FlipCoordinates(" + g + ")";
        // Options 0: no "crs" member in each geometry. PostGIS's default (8) names the storage
        // CRS there even after the transform, and RFC 7946 dropped the member; Content-Crs says it.
        return "ST_AsGeoJSON(" + g + ", " + (crs.projected() ? 3 : 7) + ", 0)::json";
    }

    private static String transformed(CollectionInfo c, SupportedCrs crs) {
        return sameCoordinates(c.storageSrid(), crs.srid()) ? c.geometrySql()
                : "ST_Transform(" + c.geometrySql() + ", " + crs.srid() + ")";
    }

    /** As {@link #transformed}, with the SRID set to the asked CRS's (for files, whose .prj must say it). */
    private static String labelled(CollectionInfo c, SupportedCrs crs) {
        if (c.storageSrid() == crs.srid()) return c.geometrySql();
        if (sameCoordinates(c.storageSrid(), crs.srid())) return "ST_SetSRID(" + c.geometrySql() + ", " + crs.srid() + ")";
        return "ST_Transform(" + c.geometrySql() + ", " + crs.srid() + ")";
    }

    /**
     * Whether two SRIDs give the same numbers. PROJ's CGCS2000 (4490) → WGS 84 (4326) operation is
     * the identity (the datums agree within centimetres, and no published shift is applied), so
     * the transform is skipped: it would cost a PROJ call per vertex and change nothing.
     */
    static boolean sameCoordinates(int a, int b) {
        return a == b || (a == 4490 && b == 4326) || (a == 4326 && b == 4490);
    }

    /** A string literal for a catalogue-given name (property names as JSON keys): quotes doubled. */
    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
