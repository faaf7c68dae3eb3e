package org.liudong.planview.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads catalogue rows and introspects their tables (pg_attribute), as pg_featureserv does: the
 * properties and their types come from the table, so adding a layer needs no code.
 */
final class CatalogReader {
    private static final Logger log = LoggerFactory.getLogger(CatalogReader.class);
    private static final ObjectMapper json = new ObjectMapper();

    private static final String ROWS = """
            SELECT c.id, c.table_schema, c.table_name, c.id_column, c.geometry_column, c.subset_column, c.subset_value,
                   c.geometry_dimension,
                   c.title_zh, c.title_en, c.description_zh, c.description_en, c.caveat_zh, c.caveat_en,
                   g.id AS group_id, g.title_zh AS group_title_zh, g.title_en AS group_title_en, g.sort_order AS group_sort_order,
                   c.default_style::text AS default_style, c.tile_min_zoom, c.tile_max_zoom, c.tile_properties,
                   c.queryables, c.sort_order, c.tile_geometry_column, c.tile_overview_below_zoom, c.access,
                   c.temporal_property
            FROM collection c JOIN collection_group g ON g.id = c.group_id
            """;
    private static final String ORDER = " ORDER BY g.sort_order, c.sort_order, c.id";

    private static final String GROUPS = "SELECT id, title_zh, title_en, sort_order FROM collection_group ORDER BY sort_order, id";

    private CatalogReader() {
    }

    static List<CollectionGroup> groups(Connection c) throws SQLException {
        List<CollectionGroup> groups = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(GROUPS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) groups.add(new CollectionGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
        }
        return groups;
    }

    /** Every catalogue row whose table exists, in display order. */
    static List<CollectionInfo> all(Connection c) throws SQLException {
        List<CollectionInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ROWS + ORDER); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) read(c, rs, null).ifPresent(out::add);
        }
        return out;
    }

    static Optional<CollectionInfo> one(Connection c, String id) throws SQLException {
        return one(c, id, null);
    }

    /**
     * A past version of a collection: its catalogue row, read against the copy of its rows.
     * The copy has no overview grid: small zooms are cut from its rows.
     */
    record PastVersion(int version, String schema, String table) {
    }

    static Optional<CollectionInfo> one(Connection c, String id, PastVersion past) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROWS + " WHERE c.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(c, rs, past) : Optional.empty();
            }
        }
    }

    private static Optional<CollectionInfo> read(Connection c, ResultSet rs, PastVersion past) throws SQLException {
        String id = rs.getString("id");
        String schema = past == null ? rs.getString("table_schema") : past.schema();
        String table = past == null ? rs.getString("table_name") : past.table();
        String idColumn = rs.getString("id_column");
        String geometryColumn = rs.getString("geometry_column");
        String subsetColumn = rs.getString("subset_column");

        List<PropertyInfo> columns = new ArrayList<>();
        String geometryType = null;
        int srid = 0;
        List<String> geometryColumns = new ArrayList<>();
        for (TableColumn col : TableColumns.of(c, schema, table)) {
            if (col.isGeometry()) {
                geometryColumns.add(col.name());
                if (col.name().equals(geometryColumn)) {
                    geometryType = col.geometryType();
                    srid = col.srid();
                }
                continue;
            }
            columns.add(PropertyInfo.of(col));
        }
        if (columns.isEmpty() && geometryColumns.isEmpty()) {
            log.warn("collection {}: table {}.{} does not exist; skipped", id, schema, table);
            return Optional.empty();
        }
        if (!geometryColumns.contains(geometryColumn)) {
            log.warn("collection {}: table {}.{} has no geometry column {}; skipped", id, schema, table, geometryColumn);
            return Optional.empty();
        }
        Optional<PropertyInfo> idProperty = columns.stream().filter(p -> p.name().equals(idColumn)).findFirst();
        if (idProperty.isEmpty() || !idProperty.get().type().isScalar()) {
            log.warn("collection {}: table {}.{} has no usable id column {}; skipped", id, schema, table, idColumn);
            return Optional.empty();
        }
        if (subsetColumn != null && columns.stream().noneMatch(p -> p.name().equals(subsetColumn))) {
            log.warn("collection {}: subset column {} is not in {}.{}; skipped", id, subsetColumn, schema, table);
            return Optional.empty();
        }

        List<PropertyInfo> properties = columns.stream().filter(p -> !p.name().equals(idColumn)).toList();
        List<PropertyInfo> scalar = columns.stream().filter(p -> p.type().isScalar()).toList();
        List<String> scalarNames = scalar.stream().map(PropertyInfo::name).toList();
        List<PropertyInfo> queryables = new ArrayList<>();
        queryables.add(idProperty.get());
        for (String q : names(rs.getArray("queryables"), scalarNames, id, "queryables")) {
            scalar.stream().filter(p -> p.name().equals(q) && !p.name().equals(idColumn)).findFirst().ifPresent(queryables::add);
        }

        String tileGeometry = rs.getString("tile_geometry_column");
        if (tileGeometry != null && !geometryColumns.contains(tileGeometry)) {
            log.warn("collection {}: tile geometry column {} is not in {}.{}; tiles transform {} instead", id, tileGeometry,
                    schema, table, geometryColumn);
            tileGeometry = null;
        }
        TileSettings tiles = new TileSettings(rs.getInt("tile_min_zoom"), rs.getInt("tile_max_zoom"),
                names(rs.getArray("tile_properties"), scalarNames, id, "tile_properties"), tileGeometry,
                past == null ? overview(c, rs, id, schema, table) : null);
        CollectionGroup group = new CollectionGroup(rs.getString("group_id"), rs.getString("group_title_zh"),
                rs.getString("group_title_en"), rs.getInt("group_sort_order"));
        CollectionTexts texts = new CollectionTexts(rs.getString("title_zh"), rs.getString("title_en"),
                rs.getString("description_zh"), rs.getString("description_en"), rs.getString("caveat_zh"), rs.getString("caveat_en"));
        Subset subset = subset(subsetColumn, rs.getString("subset_value"), rs.getObject("geometry_dimension", Integer.class));
        if (subset != null && subset.geometryFamily() != null && (geometryType == null || geometryType.equalsIgnoreCase("GEOMETRY"))) {
            geometryType = subset.geometryFamily();  // the table mixes types; this collection holds one
        }
        return Optional.of(new CollectionInfo(id, schema, table, idProperty.get(), geometryColumn,
                geometryType == null ? "Geometry" : geometryType, srid > 0 ? srid : CrsRegistry.STORAGE_SRID,
                subset, texts, group,
                parseStyle(rs.getString("default_style"), id), tiles, properties, queryables, rs.getInt("sort_order"),
                CollectionAccess.parse(rs.getString("access")).orElse(CollectionAccess.INTERNAL), past == null ? null : past.version(),
                temporal(rs.getString("temporal_property"), columns, id)));
    }

    private static Subset subset(String column, String value, Integer dimension) {
        return column == null && dimension == null ? null : new Subset(column, value, dimension);
    }

    /** The column the catalogue names as the features' time, if it is one: a year (integer), a date or a timestamp. */
    private static PropertyInfo temporal(String name, List<PropertyInfo> columns, String id) {
        if (name == null) return null;
        Optional<PropertyInfo> p = columns.stream().filter(c -> c.name().equals(name)).findFirst();
        if (p.isEmpty() || !List.of(PropertyType.INTEGER, PropertyType.DATE, PropertyType.TIMESTAMP).contains(p.get().type())) {
            log.warn("collection {}: temporal_property {} is not a year, date or timestamp column; datetime selects nothing out", id, name);
            return null;
        }
        return p.get();
    }

    /**
     * The overview small zooms are cut from, if the row asks for one and its table exists; its
     * properties are the overview table's columns other than the grid's own.
     */
    private static TileOverview overview(Connection c, ResultSet rs, String id, String schema, String table) throws SQLException {
        int below = rs.getInt("tile_overview_below_zoom");
        if (rs.wasNull()) return null;
        List<TableColumn> columns = TableColumns.of(c, schema, table + "_overview");
        if (columns.isEmpty()) {
            log.warn("collection {}: tile_overview_below_zoom is set but its overview table does not exist; tiles use the rows", id);
            return null;
        }
        List<PropertyInfo> shown = columns.stream().filter(col -> !TileOverview.GRID_COLUMNS.contains(col.name()) && !col.isGeometry())
                .map(PropertyInfo::of).toList();
        return new TileOverview(below, schema, table, shown);
    }

    /** The listed names that are columns of the table (others are logged and dropped); null = all. */
    private static List<String> names(Array listed, List<String> available, String id, String what) throws SQLException {
        if (listed == null) return available;
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) listed.getArray()) {
            String name = (String) o;
            if (available.contains(name)) out.add(name);
            else log.warn("collection {}: {} names {}, which is not a scalar column; ignored", id, what, name);
        }
        return out;
    }

    private static JsonNode parseStyle(String text, String id) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            log.warn("collection {}: default_style is not JSON; ignored", id);
            return json.createObjectNode();
        }
    }

    /**
     * The default style with its categories filled in: a style that says
     * {@code "categoriesFrom": "land_use_class"} gets that lookup table's code, names and colour.
     */
    static JsonNode resolveStyle(Connection c, CollectionInfo info) {
        JsonNode style = info.defaultStyle();
        if (!(style instanceof ObjectNode o) || !o.path("categoriesFrom").isTextual()) return style;
        ObjectNode resolved = o.deepCopy();
        ArrayNode categories = resolved.putArray("categories");
        String sql = "SELECT code::text, name_zh, name_en, colour FROM " + Sql.ident(info.schema()) + "."
                + Sql.ident(o.get("categoriesFrom").asText()) + " ORDER BY code";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                categories.addObject().put("value", rs.getString(1)).put("label_zh", rs.getString(2))
                        .put("label_en", rs.getString(3)).put("colour", rs.getString(4));
            }
        } catch (SQLException e) {
            log.warn("collection {}: cannot read style categories from {}: {}", info.id(), o.get("categoriesFrom").asText(), e.getMessage());
        }
        return resolved;
    }

    /** Decimals of longitude/latitude in served GeoJSON ({@code ST_AsGeoJSON(…, 7)}). */
    private static final double SERVED_PRECISION = 1e7;

    /**
     * CRS84 {minLon, minLat, maxLon, maxLat} of the collection's rows, or null when it is empty —
     * rounded outward to the precision coordinates are served at, plus one step of it (1e-7°, about
     * a centimetre), so that every served coordinate (rounded to 7 decimals) lies inside it, also a
     * point on the very edge, and stays inside when a client transforms the box into another CRS
     * with its own library (the OGC suite's Proj4J and PostGIS differ in the last bits).
     */
    static double[] extent(Connection c, CollectionInfo info) throws SQLException {
        String sql = "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent("
                + info.geometrySql() + ")::geometry, " + info.storageSrid() + "), 4326) AS b FROM " + info.tableSql() + " t"
                + subsetWhere(info) + ") e";
        try (PreparedStatement ps = bindSubset(c.prepareStatement(sql), info)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double minX = rs.getDouble(1);
                if (rs.wasNull()) return null;
                return new double[] {down(minX, 180), down(rs.getDouble(2), 90), up(rs.getDouble(3), 180), up(rs.getDouble(4), 90)};
            }
        }
    }

    // The 1e-6 allowance keeps a value that already has 7 decimals (109.9, in binary 109.900000000000006)
    // on its own step before the one step of margin.
    private static double down(double v, double limit) {
        return Math.max(-limit, (Math.floor(v * SERVED_PRECISION + 1e-6) - 1) / SERVED_PRECISION);
    }

    private static double up(double v, double limit) {
        return Math.min(limit, (Math.ceil(v * SERVED_PRECISION - 1e-6) + 1) / SERVED_PRECISION);
    }

    /**
     * The first and last instant of the collection's times (UTC, RFC 3339), or null when it has no
     * temporal property or no row has a time. A year runs to its last second, as does a date.
     */
    static String[] temporalExtent(Connection c, CollectionInfo info) throws SQLException {
        PropertyInfo p = info.temporal();
        if (p == null) return null;
        String first = switch (p.type()) {
            case INTEGER -> "make_timestamptz(min(" + p.column() + "), 1, 1, 0, 0, 0, 'UTC')";
            case DATE -> "min(" + p.column() + ")::timestamp AT TIME ZONE 'UTC'";
            default -> "min(" + p.column() + ")::timestamptz";
        };
        String last = switch (p.type()) {
            case INTEGER -> "make_timestamptz(max(" + p.column() + ") + 1, 1, 1, 0, 0, 0, 'UTC') - interval '1 second'";
            case DATE -> "(max(" + p.column() + ") + 1)::timestamp AT TIME ZONE 'UTC' - interval '1 second'";
            default -> "max(" + p.column() + ")::timestamptz";
        };
        String sql = "SELECT to_char((" + first + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), to_char((" + last
                + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM " + info.tableSql() + " t" + subsetWhere(info);
        try (PreparedStatement ps = bindSubset(c.prepareStatement(sql), info)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? null : new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private static String subsetWhere(CollectionInfo info) {
        return info.subset() == null ? "" : " WHERE " + info.subset().condition(info.geometrySql()).sql();
    }

    private static PreparedStatement bindSubset(PreparedStatement ps, CollectionInfo info) throws SQLException {
        if (info.subset() == null) return ps;
        List<Object> params = info.subset().condition(info.geometrySql()).params();
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
        return ps;
    }

    static String describe(double[] d) {
        return d == null ? "empty" : Arrays.toString(d);
    }
}
