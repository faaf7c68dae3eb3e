package org.liudong.planview.exchange.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionDefinition;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.TableColumns;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.db.Rollback;
import org.liudong.planview.db.Sql;
import org.liudong.planview.http.Problem;
import org.liudong.planview.versions.LayerVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a checked upload from staging into its layer in one transaction: a new table in schema
 * {@code imported} registered as a collection, or the rows of an existing collection deleted and
 * re-inserted — so that constraints, indexes and foreign keys of the shipped tables stay as they
 * are, and readers see the old rows until the commit. Each write is recorded in
 * {@code exchange_import}.
 */
final class LayerWriter {
    private static final Logger log = LoggerFactory.getLogger(LayerWriter.class);
    private final DataSource ds;
    private final Catalog catalog;
    private final LayerVersions versions;
    private final AuditLog audit;

    LayerWriter(DataSource ds, Catalog catalog, LayerVersions versions, AuditLog audit) {
        this.ds = ds;
        this.catalog = catalog;
        this.versions = versions;
        this.audit = audit;
    }

    /** What was uploaded, for the provenance record. */
    record Upload(ImportRequest request, UploadedDataset data, String encoding, Integer srid, StagedLayer staged, String fileSha256) {
        LayerVersions.Source version() {
            return LayerVersions.Source.upload(request.create(), request.editor(), request.fileName(), fileSha256);
        }

        AuditEvent audited(int version) {
            return AuditEvent.by(request.caller(), request.create() ? AuditAction.IMPORT : AuditAction.REPLACE)
                    .collection(request.collectionId()).with("file", request.fileName()).with("format", data.format())
                    .with("encoding", encoding).with("srid", srid).with("repaired", staged.repaired()).with("sha256", fileSha256)
                    .with("version", version).size(staged.features());
        }
    }

    ImportResult create(Upload u) throws SQLException {
        ImportRequest req = u.request();
        StagedLayer staged = u.staged();
        String table = req.collectionId().replace('-', '_');
        String target = ImportSql.imported(table);
        String source = ImportSql.staging(staged.table());
        long provenanceId;
        try (Connection c = ds.getConnection()) {
            // The upload's own "id" becomes the feature id when it can be one; otherwise the feature's number is.
            boolean ownId = staged.columns().contains("id") && idIsUnique(c, source);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                if (tableExists(c, target)) {
                    // Not in the catalogue, yet the table is there: a failed registration; refuse rather than overwrite.
                    throw new Problem(409, "Conflict", "a table " + ImportSql.IMPORTED_SCHEMA + "." + table
                            + " exists already without a collection; choose another id");
                }
                st.execute(ImportSql.createAs(target, newTableColumns(staged, ownId), source));
                st.execute(ImportSql.addPrimaryKey(target));
                st.execute(ImportSql.addSpatialIndex(target));
                provenanceId = recordImport(c, u);
                versions.recordCreated(c, req.collectionId(), target, "id", u.version());
                audit.record(c, u.audited(1).with("access", req.access().code()));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                Rollback.after(c, e);
                throw dataProblem(e, List.of());
            }
        }
        String titleEn = req.titleEn() == null || req.titleEn().isBlank() ? req.collectionId() : req.titleEn().strip();
        try {
            catalog.register(CollectionDefinition.of(req.collectionId(), table, req.titleZh().strip(), titleEn, "imported")
                    .inSchema(ImportSql.IMPORTED_SCHEMA).withAccess(req.access())
                    .withCaveats("导入数据：" + req.fileName() + "，由编辑于 " + beijingTime() + " 上传。",
                            "Imported: " + req.fileName() + ", uploaded by an editor on " + beijingTime() + " (UTC+8)."));
        } catch (RuntimeException e) {
            undoCreate(target, provenanceId);
            throw e;
        }
        log.info("imported {} features from {} as new collection {}", staged.features(), req.fileName(), req.collectionId());
        return new ImportResult(req.collectionId(), true, staged.features(), staged.repaired(), u.encoding(), List.of(), List.of());
    }

    /** The new table's columns: the id, the upload's columns, the geometry typed as the upload's one dimension. */
    private static List<String> newTableColumns(StagedLayer staged, boolean ownId) {
        List<String> select = new ArrayList<>();
        select.add(ownId ? "s.\"id\"" : "s." + ImportSql.FID + "::bigint AS id");
        for (String col : staged.columns()) {
            if (col.equals("id") && ownId) continue;
            select.add("s." + Sql.ident(col) + (col.equals("id") ? " AS source_id" : ""));
        }
        String geom = staged.geometryType().equals("GEOMETRY") ? "s.geom" : "ST_Multi(s.geom)";
        select.add(geom + "::geometry(" + staged.geometryType() + ", " + CrsRegistry.STORAGE_SRID + ") AS geom");
        return select;
    }

    ImportResult replace(CollectionInfo info, Upload u) throws SQLException {
        ImportRequest req = u.request();
        StagedLayer staged = u.staged();
        String target = info.tableSql();
        try (Connection c = ds.getConnection()) {
            ColumnMapping mapping = ColumnMapping.of(TableColumns.of(c, info.schema(), info.table()), info.geometryColumn(),
                    staged.columns(), info.schema().equals("public"), ImportSql.FID);
            if (!mapping.missing().isEmpty()) {
                throw Problem.badRequest("the upload lacks the column(s) " + String.join(", ", mapping.missing()) + " that collection "
                        + info.id() + " requires; its columns are named as in the layer's export");
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(ImportSql.LOCK_TIMEOUT);
                int previous = versions.keepCurrent(c, info);
                st.executeUpdate(ImportSql.deleteAll(target));
                st.executeUpdate(ImportSql.insertSelect(target, mapping, ImportSql.staging(staged.table())));
                catalog.recordReplacedData(c, info.id(),
                        "导入数据：" + req.fileName() + "，由编辑于 " + beijingTime() + " 上传，替换了原有数据。",
                        "Imported: " + req.fileName() + ", uploaded by an editor on " + beijingTime() + " (UTC+8), replacing the previous data.");
                recordImport(c, u);
                int version = versions.recordNew(c, info, previous, u.version());
                audit.record(c, u.audited(version));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                Rollback.after(c, e);
                throw dataProblem(e, mapping.derived());
            }
            catalog.refresh();
            log.info("replaced the data of {} with {} features from {}", info.id(), staged.features(), req.fileName());
            return new ImportResult(info.id(), false, staged.features(), staged.repaired(), u.encoding(),
                    mapping.ignored(staged.columns()), mapping.derived());
        }
    }

    private static long recordImport(Connection c, Upload u) throws SQLException {
        ImportRequest req = u.request();
        try (PreparedStatement ps = c.prepareStatement(ImportSql.RECORD_IMPORT)) {
            ps.setString(1, req.collectionId());
            ps.setString(2, req.create() ? "create" : "replace");
            ps.setString(3, req.fileName());
            ps.setString(4, u.data().format());
            ps.setString(5, u.encoding());
            ps.setString(6, u.srid() == null ? "from the file" : "EPSG:" + u.srid());
            ps.setLong(7, u.staged().features());
            ps.setLong(8, u.staged().repaired());
            ps.setString(9, req.editor());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void undoCreate(String target, long provenanceId) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             PreparedStatement ps = c.prepareStatement(ImportSql.FORGET_IMPORT)) {
            st.execute(ImportSql.dropTable(target));
            ps.setLong(1, provenanceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            log.warn("cannot undo the failed import into {}: {}", target, e.getMessage());
        }
    }

    private static boolean idIsUnique(Connection c, String source) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ImportSql.idIsUnique(source))) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static boolean tableExists(Connection c, String qualified) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ImportSql.TABLE_EXISTS)) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The upload's values do not fit the layer (type, constraint, foreign key): the caller's data, so a 400. */
    private static RuntimeException dataProblem(Exception e, List<String> derived) {
        if (e instanceof RuntimeException re) return re;
        SQLException sql = (SQLException) e;
        if (DataRefusal.isDataProblem(sql)) {
            log.info("the upload's rows were refused (SQLState {}): {}", sql.getSQLState(), sql.getMessage());
            return Problem.badRequest("the upload's data does not fit the layer: " + DataRefusal.explain(sql, derived));
        }
        return new IllegalStateException("import failed", sql);
    }

    private static String beijingTime() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }
}
