package org.liudong.planview.query;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.db.Sql;
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
        columns.add(GeometrySql.labelled(c, r.crs()) + " AS " + Sql.ident(c.geometryColumn()));
        SqlStatement where = SelectionSql.where(c, r.selection());
        return new SqlStatement("SELECT " + String.join(", ", columns) + " FROM " + c.tableSql() + " t" + where.sql()
                + " ORDER BY " + orderBy(c, r), where.params());
    }

    /** {@code SELECT count(*)} of the matching rows: numberMatched. Uses the spatial index for bbox and spatial filters. */
    public static SqlStatement count(CollectionInfo c, Selection s) {
        SqlStatement where = SelectionSql.where(c, s);
        return new SqlStatement("SELECT count(*) FROM " + c.tableSql() + " t" + where.sql(), where.params());
    }

    /**
     * One page as GeoJSON Feature texts written by PostGIS, with the sort keys and the id as text
     * (to make the next cursor); {@link PageQuery} reads the rows. Asks for {@code limit + 1}
     * rows: the extra one only tells whether there is a next page.
     */
    public static PageQuery page(CollectionInfo c, ItemsRequest r) {
        List<SqlStatement> conditions = SelectionSql.conditions(c, r.selection());
        Paging paging = r.paging();
        if (paging.cursor() != null) conditions.add(keyset(c, r));
        SqlStatement where = SelectionSql.whereOf(conditions);
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder("SELECT ").append(featureJson(c, r)).append(" AS ").append(PageQuery.FEATURE);
        List<PropertyInfo> keys = keyColumns(c, r);
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", ").append(keys.get(i).column()).append("::text AS ").append(PageQuery.KEY).append(i + 1);
        }
        sql.append(" FROM ").append(c.tableSql()).append(" t").append(where.sql());
        sql.append(" ORDER BY ").append(orderBy(c, r)).append(" LIMIT ?");
        params.add(paging.limit() + 1);
        if (paging.cursor() == null && paging.offset() > 0) {
            sql.append(" OFFSET ?");
            params.add(paging.offset());
        }
        return new PageQuery(new SqlStatement(sql.toString(), params), keys.size());
    }

    /** One feature by id, as GeoJSON text; the id is bound as text and cast to the id column's type. */
    public static SqlStatement item(CollectionInfo c, String featureId, SupportedCrs crs) {
        List<SqlStatement> conditions = new ArrayList<>();
        SelectionSql.subset(c).ifPresent(conditions::add);
        conditions.add(new SqlStatement(c.idProperty().column() + " = " + c.idProperty().castParameter(), List.of(featureId)));
        SqlStatement where = SelectionSql.whereOf(conditions);
        ItemsRequest all = ItemsRequest.everything(crs);
        return new SqlStatement("SELECT " + featureJson(c, all) + " FROM " + c.tableSql() + " t" + where.sql(), where.params());
    }

    /** The sort keys and then the id (unless sorted by it already): the full order of a page. */
    private static List<PropertyInfo> keyColumns(CollectionInfo c, ItemsRequest r) {
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
        List<String> values = r.paging().cursor().keys();
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

    /**
     * A Feature's GeoJSON text, written entirely by PostgreSQL: byte for byte what
     * {@code json_build_object('type', 'Feature', 'id', …, 'geometry', …, 'properties', …)} writes,
     * but joined as text. Given the geometry as {@code json}, json_build_object parses every
     * geometry's GeoJSON again to check it: a fifth of the time PostgreSQL spends on a page of
     * 1,000 parcels (docs/benchmark.md). The id is written by {@code to_json} as json_build_object
     * writes a value (a number bare, text quoted and escaped); a missing id or geometry is null.
     */
    private static String featureJson(CollectionInfo c, ItemsRequest r) {
        return "('{\"type\" : \"Feature\", \"id\" : ' || coalesce(to_json(" + c.idProperty().column() + ")::text, 'null')"
                + " || ', \"geometry\" : ' || coalesce(" + GeometrySql.geoJson(c, r.crs()) + ", 'null')"
                + " || ', \"properties\" : ' || " + propertiesJson(r.selectedProperties(c)) + "::text || '}')";
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

    /** A string literal for a catalogue-given name (property names as JSON keys): quotes doubled. */
    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
