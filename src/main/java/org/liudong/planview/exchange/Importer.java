package org.liudong.planview.exchange;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionDefinition;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an uploaded layer in: ogr2ogr loads it, reprojected to EPSG:4490, into a staging table;
 * it is checked there (features, geometry validity, plausible location); only then is it copied
 * into the real table in one transaction — a new table in schema {@code imported}, or the rows of
 * an existing collection deleted and re-inserted, so that constraints, indexes and foreign keys
 * of the shipped tables stay as they are and readers see the old rows until the commit. A failure
 * at any step leaves the existing layer as it was.
 */
public final class Importer {
    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    static final String STAGING = "import_staging";
    static final String IMPORTED = "imported";
    private static final String FID = "planview_fid";
    private static final Pattern COLLECTION_ID = Pattern.compile("[a-z][a-z0-9_-]{0,40}");
    /** Where the features of a district of Liuzhou can possibly be: China, generously. */
    private static final double[] CHINA = {73, 3, 136, 54};

    private final DataSource ds;
    private final Catalog catalog;
    private final GdalRunner gdal;
    private final ExchangeLimits limits;

    public Importer(DataSource ds, Catalog catalog, GdalRunner gdal, ExchangeLimits limits) {
        this.ds = ds;
        this.catalog = catalog;
        this.gdal = gdal;
        this.limits = limits;
    }

    /** Imports the file {@code upload} lying in the job directory {@code dir}. */
    public ImportResult run(Path dir, Path upload, ImportRequest req) throws IOException, SQLException {
        CollectionInfo existing = checkTarget(req);
        UploadedDataset data = UploadedDataset.inspect(upload, dir, limits);
        String encoding = ImportEncoding.resolve(data, req.encoding());
        Integer srid = checkSrid(req.srid());
        List<String> open = new ArrayList<>();
        if (data.format().equals("shapefile")) open.addAll(List.of("-oo", "ENCODING=" + encoding));
        String layer = singleLayer(dir, data, open, srid);

        String staging = ScratchTable.newName('s');
        try {
            List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "PostgreSQL", "PG:", data.gdalPath().toString()));
            if (layer != null) cmd.add(layer);
            cmd.addAll(open);
            cmd.addAll(List.of("-nln", staging, "-lco", "SCHEMA=" + STAGING, "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=" + FID,
                    "-lco", "SPATIAL_INDEX=NONE", "-lco", "PRECISION=NO", "-nlt", "GEOMETRY",
                    "-t_srs", "EPSG:" + CrsRegistry.STORAGE_SRID));
            if (srid != null) cmd.addAll(List.of("-s_srs", "EPSG:" + srid));
            GdalRunner.Result r = gdal.runAllowingFailure(dir, cmd);
            if (r.exitCode() != 0) {
                throw Problem.badRequest("the " + data.format() + " could not be read into the database: " + gdalMessage(r.stderr()));
            }
            if (data.fieldsManifest() != null) restoreFullNames(staging, FieldsManifest.read(data.fieldsManifest()));
            Staged staged = checkStaged(staging, req.repair());
            return existing == null ? create(req, data, encoding, srid, staged) : replace(existing, req, data, encoding, srid, staged);
        } finally {
            dropStaging(staging);
        }
    }

    /**
     * A shapefile this server exported carries fields.csv: its DBF columns get their full names
     * back (land_use_c → land_use_code), so that an export can replace a layer's data again.
     */
    private void restoreFullNames(String staging, Map<String, String> shortToFull) throws SQLException {
        String t = STAGING + "." + ScratchTable.quote(staging);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            List<String> present = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) present.add(rs.getString(1));
                }
            }
            for (var e : shortToFull.entrySet()) {
                String full = e.getValue();
                if (present.contains(e.getKey()) && !present.contains(full) && !full.equals(FID) && !full.equals("geom")) {
                    st.execute("ALTER TABLE " + t + " RENAME COLUMN " + ScratchTable.quote(e.getKey()) + " TO " + ScratchTable.quote(full));
                    present.remove(e.getKey());
                    present.add(full);
                }
            }
        }
    }

    private CollectionInfo checkTarget(ImportRequest req) {
        String id = req.collectionId();
        if (req.create()) {
            if (id == null || !COLLECTION_ID.matcher(id).matches()) {
                throw Problem.badRequest("id: give the new collection an id of lower-case letters, digits, '-' or '_' "
                        + "(starting with a letter, at most 41 characters)");
            }
            if (catalog.find(id).isPresent()) {
                throw new Problem(409, "Conflict", "collection '" + id + "' exists already; replace its data with PUT /collections/" + id + "/items");
            }
            if (req.titleZh() == null || req.titleZh().isBlank()) throw Problem.badRequest("title_zh: the new collection needs a Chinese title");
            return null;
        }
        CollectionInfo c = catalog.find(id).orElseThrow(() -> Problem.notFound("no collection '" + id + "' to replace; create it with POST /collections"));
        if (c.subsetColumn() != null) {
            throw Problem.badRequest("collection '" + id + "' is the part of table " + c.table() + " where " + c.subsetColumn() + " = '"
                    + c.subsetValue() + "', shared with other collections; only a collection that is a whole table can be replaced");
        }
        return c;
    }

    private Integer checkSrid(Integer srid) throws SQLException {
        if (srid == null) return null;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM spatial_ref_sys WHERE auth_name = 'EPSG' AND auth_srid = ?")) {
            ps.setInt(1, srid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw Problem.badRequest("srid: EPSG:" + srid + " is not a coordinate reference system PostGIS knows");
            }
        }
        return srid;
    }

    /** The one layer to load (null: the file's only layer); refuses several layers and data without a CRS. */
    private String singleLayer(Path dir, UploadedDataset data, List<String> open, Integer srid) {
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro", "-so", "-al"));
        cmd.addAll(open);
        cmd.add(data.gdalPath().toString());
        GdalRunner.Result r = gdal.runAllowingFailure(dir, cmd);
        if (r.exitCode() != 0) {
            throw Problem.badRequest("the upload looks like a " + data.format() + " but cannot be read: " + gdalMessage(r.stderr()));
        }
        List<String> layers = r.stdout().lines().filter(l -> l.startsWith("Layer name: ")).map(l -> l.substring(12).trim()).toList();
        if (layers.isEmpty()) throw Problem.badRequest("the " + data.format() + " holds no layer");
        if (layers.size() > 1) {
            throw Problem.badRequest("the " + data.format() + " holds " + layers.size() + " layers (" + String.join(", ", layers)
                    + "); upload one layer at a time");
        }
        boolean noCrs = r.stdout().contains("Layer SRS WKT:\n(unknown)") || (data.format().equals("shapefile") && !data.hasPrj());
        if (noCrs && srid == null) {
            throw Problem.badRequest("the data does not say which coordinate reference system it is in (no .prj): send srid, e.g. "
                    + "srid=4490 for CGCS2000 longitude/latitude or srid=4545 for CGCS2000 Gauss–Krüger CM 108E");
        }
        return data.format().equals("gpkg") ? layers.get(0) : null;
    }

    record Staged(String table, long features, long repaired, List<String> columns, String geometryType) {
    }

    private Staged checkStaged(String staging, boolean repair) throws SQLException {
        String t = STAGING + "." + ScratchTable.quote(staging);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            long features = single(st, "SELECT count(*) FROM " + t);
            if (features == 0) throw Problem.badRequest("the upload holds no features");
            long invalid = single(st, "SELECT count(*) FROM " + t + " WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)");
            long repaired = 0;
            if (invalid > 0 && !repair) {
                List<Map<String, Object>> bad = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT " + FID + ", ST_IsValidReason(geom) FROM " + t
                        + " WHERE geom IS NOT NULL AND NOT ST_IsValid(geom) ORDER BY " + FID + " LIMIT 100")) {
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
            if (invalid > 0) {
                // Keep the feature's dimension: a repaired polygon must stay a polygon, not become a collection with stray lines.
                repaired = st.executeUpdate("UPDATE " + t + " SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), ST_Dimension(geom) + 1))"
                        + " WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)");
            }
            try (ResultSet rs = st.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM " + t + ") x")) {
                rs.next();
                if (rs.getObject(1) != null && (rs.getDouble(1) < CHINA[0] || rs.getDouble(2) < CHINA[1]
                        || rs.getDouble(3) > CHINA[2] || rs.getDouble(4) > CHINA[3])) {
                    throw Problem.badRequest(String.format(Locale.ROOT, "the features lie between %.4f,%.4f and %.4f,%.4f (longitude, latitude), "
                            + "not in China: is the coordinate reference system right? Send srid to say which one it is",
                            rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped
                    ORDER BY attnum""")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (!name.equals(FID) && !name.equals("geom")) columns.add(name);
                    }
                }
            }
            String type = "GEOMETRY";
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT ST_Dimension(geom) FROM " + t + " WHERE geom IS NOT NULL")) {
                List<Integer> dims = new ArrayList<>();
                while (rs.next()) dims.add(rs.getInt(1));
                if (dims.size() == 1) type = switch (dims.get(0)) {
                    case 0 -> "MULTIPOINT";
                    case 1 -> "MULTILINESTRING";
                    default -> "MULTIPOLYGON";
                };
            }
            return new Staged(staging, features, repaired, columns, type);
        }
    }

    private ImportResult create(ImportRequest req, UploadedDataset data, String encoding, Integer srid, Staged staged) throws SQLException {
        String table = req.collectionId().replace('-', '_');
        String target = IMPORTED + "." + ScratchTable.quote(table);
        String source = STAGING + "." + ScratchTable.quote(staged.table());
        // The upload's own "id" becomes the feature id when it can be one; otherwise the feature's number is.
        boolean ownId = staged.columns().contains("id") && usableAsId(source);
        List<String> select = new ArrayList<>();
        select.add(ownId ? "s.\"id\"" : "s." + FID + "::bigint AS id");
        for (String col : staged.columns()) {
            if (col.equals("id") && ownId) continue;
            select.add("s." + ScratchTable.quote(col) + (col.equals("id") ? " AS source_id" : ""));
        }
        String geom = staged.geometryType().equals("GEOMETRY") ? "s.geom" : "ST_Multi(s.geom)";
        select.add(geom + "::geometry(" + staged.geometryType() + ", " + CrsRegistry.STORAGE_SRID + ") AS geom");
        String caveatZh = "导入数据：" + req.fileName() + "，由编辑于 " + beijingTime() + " 上传。";
        String caveatEn = "Imported: " + req.fileName() + ", uploaded by an editor on " + beijingTime() + " (UTC+8).";

        long provenanceId;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                if (tableExists(c, target)) {
                    // Not in the catalogue, yet the table is there: a failed registration; refuse rather than overwrite.
                    throw new Problem(409, "Conflict", "a table " + IMPORTED + "." + table + " exists already without a collection; choose another id");
                }
                st.execute("CREATE TABLE " + target + " AS SELECT " + String.join(", ", select) + " FROM " + source + " s ORDER BY s." + FID);
                st.execute("ALTER TABLE " + target + " ADD PRIMARY KEY (id)");
                st.execute("CREATE INDEX ON " + target + " USING gist (geom)");
                provenanceId = provenance(c, req, data, encoding, srid, staged);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw dataProblem(e);
            }
        }
        try {
            catalog.register(new CollectionDefinition(req.collectionId(), IMPORTED, table, "id", "geom", req.titleZh().strip(),
                    req.titleEn() == null || req.titleEn().isBlank() ? req.collectionId() : req.titleEn().strip(),
                    null, null, "imported", caveatZh, caveatEn, JsonNodeFactory.instance.objectNode(), 0, null, null, 1000));
        } catch (RuntimeException e) {
            undoCreate(target, provenanceId);
            throw e;
        }
        log.info("imported {} features from {} as new collection {}", staged.features(), req.fileName(), req.collectionId());
        return new ImportResult(req.collectionId(), true, staged.features(), staged.repaired(), encoding, List.of(), List.of());
    }

    private ImportResult replace(CollectionInfo info, ImportRequest req, UploadedDataset data, String encoding, Integer srid,
                                 Staged staged) throws SQLException {
        String target = info.tableSql();
        String source = STAGING + "." + ScratchTable.quote(staged.table());
        List<String> insertColumns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<String> derived = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef OR a.attidentity <> '',
                           CASE WHEN t.typname = 'geometry' THEN postgis_typmod_type(a.atttypmod) END, t.typname
                    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                    WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                    ORDER BY a.attnum""")) {
                ps.setString(1, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String col = rs.getString(1);
                        String type = rs.getString(2);
                        boolean required = rs.getBoolean(3) && !rs.getBoolean(4);
                        if (col.equals(info.geometryColumn())) {
                            String geomType = rs.getString(5);
                            boolean multi = geomType != null && geomType.toUpperCase(Locale.ROOT).startsWith("MULTI");
                            insertColumns.add(ScratchTable.quote(col));
                            select.add("CAST(" + (multi ? "ST_Multi(s.geom)" : "s.geom") + " AS " + type + ")");
                        } else if (staged.columns().contains(col)) {
                            insertColumns.add(ScratchTable.quote(col));
                            select.add("CAST(s." + ScratchTable.quote(col) + " AS " + type + ")");
                            used.add(col);
                        } else if (DerivedColumns.expression(col, rs.getString(6), java.util.Set.copyOf(staged.columns()),
                                info.schema().equals("public"), FID).isPresent()) {
                            insertColumns.add(ScratchTable.quote(col));
                            select.add("CAST(" + DerivedColumns.expression(col, rs.getString(6), java.util.Set.copyOf(staged.columns()),
                                    info.schema().equals("public"), FID).get() + " AS " + type + ")");
                            derived.add(col);
                        } else if (col.equals("synthetic") && rs.getString(6).equals("bool")) {
                            // What a planner imports is their own data, not generated: say so in the layer's own flag.
                            insertColumns.add(ScratchTable.quote(col));
                            select.add("false");
                        } else if (required) {
                            missing.add(col);
                        }
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw Problem.badRequest("the upload lacks the column(s) " + String.join(", ", missing) + " that collection "
                        + info.id() + " requires; its columns are named as in the layer's export");
            }
            List<String> ignored = staged.columns().stream().filter(col -> !used.contains(col)).toList();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '10s'");
                st.executeUpdate("DELETE FROM " + target);
                st.executeUpdate("INSERT INTO " + target + " (" + String.join(", ", insertColumns) + ") SELECT "
                        + String.join(", ", select) + " FROM " + source + " s ORDER BY s." + FID);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE collection SET caveat_zh = ?, caveat_en = ?, updated_at = now() WHERE id = ?")) {
                    ps.setString(1, "导入数据：" + req.fileName() + "，由编辑于 " + beijingTime() + " 上传，替换了原有数据。");
                    ps.setString(2, "Imported: " + req.fileName() + ", uploaded by an editor on " + beijingTime() + " (UTC+8), replacing the previous data.");
                    ps.setString(3, info.id());
                    ps.executeUpdate();
                }
                provenance(c, req, data, encoding, srid, staged);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw dataProblem(e);
            }
            catalog.refresh();
            log.info("replaced the data of {} with {} features from {}", info.id(), staged.features(), req.fileName());
            return new ImportResult(info.id(), false, staged.features(), staged.repaired(), encoding, ignored, derived);
        }
    }

    private boolean usableAsId(String source) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            return single(st, "SELECT CASE WHEN count(\"id\") = count(*) AND count(DISTINCT \"id\") = count(*) THEN 1 ELSE 0 END FROM " + source) == 1;
        }
    }

    private long provenance(Connection c, ImportRequest req, UploadedDataset data, String encoding, Integer srid, Staged staged)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO exchange_import (collection_id, action, file_name, format, encoding, source_crs, feature_count, repaired, editor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, req.collectionId());
            ps.setString(2, req.create() ? "create" : "replace");
            ps.setString(3, req.fileName());
            ps.setString(4, data.format());
            ps.setString(5, encoding);
            ps.setString(6, srid == null ? "from the file" : "EPSG:" + srid);
            ps.setLong(7, staged.features());
            ps.setLong(8, staged.repaired());
            ps.setString(9, req.editor());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void undoCreate(String target, long provenanceId) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + target);
            st.execute("DELETE FROM exchange_import WHERE id = " + provenanceId);
        } catch (SQLException e) {
            log.warn("cannot undo the failed import into {}: {}", target, e.getMessage());
        }
    }

    /** The upload's values do not fit the table (type, constraint, foreign key): the caller's data, so a 400. */
    private static RuntimeException dataProblem(Exception e) {
        if (e instanceof RuntimeException re) return re;
        SQLException sql = (SQLException) e;
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("22") || state.startsWith("23") || state.equals("XX000")) {
            return Problem.badRequest("the upload's data does not fit the layer: " + sql.getMessage().lines().findFirst().orElse(""));
        }
        return new IllegalStateException("import failed: " + sql.getMessage(), sql);
    }

    private static boolean tableExists(Connection c, String qualified) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String beijingTime() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    private void dropStaging(String staging) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + STAGING + "." + ScratchTable.quote(staging));
        } catch (SQLException e) {
            log.warn("cannot drop staging table {}: {}", staging, e.getMessage());
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** GDAL's own complaint, without its progress dots and repeated lines. */
    static String gdalMessage(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> l.startsWith("ERROR") || l.startsWith("FAILURE"))
                .distinct().limit(5).toList();
        String msg = lines.isEmpty() ? GdalRunner.lastLines(stderr) : String.join(" ", lines);
        return msg.isBlank() ? "GDAL gave no reason" : msg;
    }

}
