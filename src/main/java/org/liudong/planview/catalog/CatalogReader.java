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
                   c.title_zh, c.title_en, c.description_zh, c.description_en,
                   g.id, g.title_zh, g.title_en, g.sort_order,
                   c.caveat_zh, c.caveat_en, c.default_style::text, c.tile_min_zoom, c.tile_max_zoom,
                   c.tile_properties, c.queryables, c.sort_order, c.tile_geometry_column, c.tile_overview_below_zoom,
                   to_regclass(format('%I.%I', c.table_schema, c.table_name || '_overview')) IS NOT NULL
            FROM collection c JOIN collection_group g ON g.id = c.group_id
            """;
    private static final String ORDER = " ORDER BY g.sort_order, c.sort_order, c.id";

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname,
                   CASE WHEN t.typname = 'geometry' THEN postgis_typmod_type(a.atttypmod) END,
                   CASE WHEN t.typname = 'geometry' THEN postgis_typmod_srid(a.atttypmod) END
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = to_regclass(format('%I.%I', ?::text, ?::text))
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """;

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
            while (rs.next()) read(c, rs).ifPresent(out::add);
        }
        return out;
    }

    static Optional<CollectionInfo> one(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROWS + " WHERE c.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(c, rs) : Optional.empty();
            }
        }
    }

    private static Optional<CollectionInfo> read(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String schema = rs.getString(2);
        String table = rs.getString(3);
        String idColumn = rs.getString(4);
        String geometryColumn = rs.getString(5);
        String subsetColumn = rs.getString(6);

        List<PropertyInfo> columns = new ArrayList<>();
        String geometryType = null;
        int srid = 0;
        List<String> geometryColumns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet col = ps.executeQuery()) {
                while (col.next()) {
                    String name = col.getString(1);
                    if ("geometry".equals(col.getString(3)) || "geography".equals(col.getString(3))) {
                        geometryColumns.add(name);
                        if (name.equals(geometryColumn)) {
                            geometryType = col.getString(4);
                            srid = col.getInt(5);
                        }
                        continue;
                    }
                    columns.add(new PropertyInfo(name, col.getString(3), PropertyType.fromPgType(col.getString(3))));
                }
            }
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
        List<String> queryableNames = names(rs.getArray(22), scalar.stream().map(PropertyInfo::name).toList(), id, "queryables");
        List<PropertyInfo> queryables = new ArrayList<>();
        idProperty.ifPresent(queryables::add);
        for (String q : queryableNames) {
            scalar.stream().filter(p -> p.name().equals(q) && !p.name().equals(idColumn)).findFirst().ifPresent(queryables::add);
        }
        List<String> tileProperties = names(rs.getArray(21),
                scalar.stream().map(PropertyInfo::name).toList(), id, "tile_properties");

        String tileGeometry = rs.getString(24);
        if (tileGeometry != null && !geometryColumns.contains(tileGeometry)) {
            log.warn("collection {}: tile geometry column {} is not in {}.{}; tiles transform {} instead", id, tileGeometry,
                    schema, table, geometryColumn);
            tileGeometry = null;
        }
        CollectionGroup group = new CollectionGroup(rs.getString(12), rs.getString(13), rs.getString(14), rs.getInt(15));
        JsonNode style = parseStyle(rs.getString(18), id);
        return Optional.of(new CollectionInfo(id, schema, table, idProperty.get(), geometryColumn,
                geometryType == null ? "Geometry" : geometryType, srid > 0 ? srid : CrsRegistry.STORAGE_SRID,
                subsetColumn, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                group, rs.getString(16), rs.getString(17), style, rs.getInt(19), rs.getInt(20),
                properties, queryables, tileProperties, rs.getInt(23), tileGeometry, overviewBelowZoom(rs, id)));
    }

    /** The zoom below which tiles come from the overview table, if the row asks for one and it exists. */
    private static Integer overviewBelowZoom(ResultSet rs, String id) throws SQLException {
        int below = rs.getInt(25);
        if (rs.wasNull()) return null;
        if (!rs.getBoolean(26)) {
            log.warn("collection {}: tile_overview_below_zoom is set but its overview table does not exist; tiles use the rows", id);
            return null;
        }
        return below;
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

    /** CRS84 {minLon, minLat, maxLon, maxLat} of the collection's rows, or null when it is empty. */
    static double[] extent(Connection c, CollectionInfo info) throws SQLException {
        String where = info.subsetColumn() == null ? "" : " WHERE t." + Sql.ident(info.subsetColumn()) + "::text = ?";
        String sql = "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent("
                + info.geometrySql() + ")::geometry, " + info.storageSrid() + "), 4326) AS b FROM " + info.tableSql() + " t"
                + where + ") e";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (info.subsetColumn() != null) ps.setString(1, info.subsetValue());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double minX = rs.getDouble(1);
                if (rs.wasNull()) return null;
                return new double[] {minX, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        }
    }

    static String describe(double[] d) {
        return d == null ? "empty" : Arrays.toString(d);
    }
}
