package org.liudong.planview.versions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.TableColumn;
import org.liudong.planview.catalog.TableColumns;
import org.liudong.planview.db.Sql;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * The versions of collections (V62). Writers call it inside their own transaction, so that a
 * version is recorded exactly when the data it describes commits: {@link #recordCreated} for a
 * new collection; {@link #keepCurrent} before a replace changes the rows (which copies the rows
 * about to go into layer_history) and {@link #recordNew} after. The copies past the newest
 * {@code keep} are dropped as each new version is recorded.
 */
public final class LayerVersions {
    public static final String SYSTEM = "system";
    private final DataSource ds;
    private final int keep;

    public LayerVersions(DataSource ds, int keep) {
        this.ds = ds;
        this.keep = keep;
    }

    /** Where a version's rows came from. */
    public record Source(String action, String createdBy, String fileName, String fileSha256, Integer restoredFrom) {
        public static Source upload(boolean create, String by, String fileName, String fileSha256) {
            return new Source(create ? "create" : "replace", by, fileName, fileSha256, null);
        }
    }

    /** A new collection's version 1, in the transaction that made its table. */
    public int recordCreated(Connection c, String collectionId, String tableSql, String idColumn, Source source) throws SQLException {
        insert(c, collectionId, 1, source, tableSql, idColumn);
        return 1;
    }

    /**
     * Before a replace or rollback changes a collection's rows, in its transaction: takes the
     * table for writing (readers go on), records the data as it is as version 1 if the collection
     * has no versions yet, and copies the current rows to layer_history.
     *
     * @return the version that is about to become a past one
     */
    public int keepCurrent(Connection c, CollectionInfo live) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(VersionSql.lockForWriting(live.tableSql()));
        }
        long rowId;
        int version;
        try (PreparedStatement ps = c.prepareStatement(VersionSql.NEWEST)) {
            ps.setString(1, live.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rowId = rs.getLong(1);
                    version = rs.getInt(2);
                } else {
                    rowId = -1;
                    version = 1;
                }
            }
        }
        if (rowId < 0) {
            rowId = insert(c, live.id(), 1, new Source("initial", SYSTEM, null, null, null), live.tableSql(), live.idProperty().name());
        }
        String copy = "v" + rowId;
        try (Statement st = c.createStatement()) {
            st.execute(VersionSql.copyRows(VersionSql.history(copy), live.tableSql()));
            st.execute(VersionSql.spatialIndex(VersionSql.history(copy), live.geometryColumn()));
            if (live.tiles().geometryColumn() != null) st.execute(VersionSql.spatialIndex(VersionSql.history(copy), live.tiles().geometryColumn()));
        }
        try (PreparedStatement ps = c.prepareStatement(VersionSql.SET_SNAPSHOT)) {
            ps.setString(1, copy);
            ps.setLong(2, rowId);
            ps.executeUpdate();
        }
        return version;
    }

    /** After the rows changed, in the same transaction: the new version; then retention. */
    public int recordNew(Connection c, CollectionInfo live, int previous, Source source) throws SQLException {
        int version = previous + 1;
        insert(c, live.id(), version, source, live.tableSql(), live.idProperty().name());
        prune(c, live.id());
        return version;
    }

    /**
     * Makes the rows of an older version the current data again, in the caller's transaction:
     * the current rows are kept as a past version first, and the restored rows become a new version.
     *
     * @return the new version's number
     */
    public int restore(Connection c, CollectionInfo live, int version, String by) throws SQLException {
        int newest = 1;
        try (PreparedStatement ps = c.prepareStatement(VersionSql.NEWEST)) {
            ps.setString(1, live.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) newest = rs.getInt(2);
            }
        }
        if (version == newest) throw new Problem(409, "Conflict", "version " + version + " is the current data of '" + live.id() + "' already");
        String copy;
        String fileName;
        try (PreparedStatement ps = c.prepareStatement(VersionSql.ONE)) {
            ps.setString(1, live.id());
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw Problem.notFound("collection '" + live.id() + "' has no version " + version);
                copy = rs.getString(2);
                fileName = rs.getString(3);
            }
        }
        if (copy == null) {
            throw new Problem(410, "Gone", "the rows of version " + version + " were dropped by the retention setting (PLANVIEW_VERSIONS_KEEP)");
        }
        int current = keepCurrent(c, live);
        List<String> columns = sharedColumns(c, live, copy);
        String list = String.join(", ", columns.stream().map(Sql::ident).toList());
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM " + live.tableSql());
            st.executeUpdate("INSERT INTO " + live.tableSql() + " (" + list + ") SELECT " + list + " FROM " + VersionSql.history(copy)
                    + " ORDER BY " + Sql.ident(live.idProperty().name()));
        }
        return recordNew(c, live, current, new Source("rollback", by, fileName, null, version));
    }

    /** Columns in both the table and the copy (a column added to the table since gets its default). */
    private static List<String> sharedColumns(Connection c, CollectionInfo live, String copy) throws SQLException {
        Set<String> inCopy = new LinkedHashSet<>();
        for (TableColumn col : TableColumns.of(c, VersionSql.HISTORY_SCHEMA, copy)) inCopy.add(col.name());
        List<String> shared = new ArrayList<>();
        for (TableColumn col : TableColumns.of(c, live.schema(), live.table())) {
            if (inCopy.contains(col.name()) && !col.generated()) shared.add(col.name());
        }
        return shared;
    }

    public List<LayerVersion> list(CollectionInfo live) {
        List<LayerVersion> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(VersionSql.LIST)) {
                ps.setString(1, live.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int restored = rs.getInt(9);
                        out.add(new LayerVersion(rs.getInt(1), rs.getString(2), Text.beijingTime(rs.getObject(3, OffsetDateTime.class)), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.wasNull() ? null : restored,
                                rs.getBoolean(10), rs.getBoolean(11)));
                    }
                }
            }
            if (out.isEmpty()) {
                // Never replaced: its data as loaded is version 1, recorded when it is first replaced.
                long[] count = new long[1];
                String sum = countAndChecksum(c, live.tableSql(), live.idProperty().name(), count);
                out.add(new LayerVersion(1, "initial", null, SYSTEM, null, null, count[0], sum, null, true, true));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the versions of " + live.id(), e);
        }
        return out;
    }

    private long insert(Connection c, String id, int version, Source s, String tableSql, String idColumn) throws SQLException {
        long[] count = new long[1];
        String sum = countAndChecksum(c, tableSql, idColumn, count);
        try (PreparedStatement ps = c.prepareStatement(VersionSql.INSERT)) {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, s.action());
            ps.setString(4, s.createdBy());
            ps.setString(5, s.fileName());
            ps.setString(6, s.fileSha256());
            ps.setLong(7, count[0]);
            ps.setString(8, sum);
            ps.setObject(9, s.restoredFrom());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String countAndChecksum(Connection c, String tableSql, String idColumn, long[] count) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(VersionSql.countAndChecksum(tableSql, idColumn))) {
            rs.next();
            count[0] = rs.getLong(1);
            return rs.getString(2);
        }
    }

    private void prune(Connection c, String id) throws SQLException {
        List<Long> rows = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(VersionSql.BEYOND_RETENTION)) {
            ps.setString(1, id);
            ps.setInt(2, keep);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                    copies.add(rs.getString(2));
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            try (Statement st = c.createStatement()) {
                st.execute(VersionSql.dropTable(VersionSql.history(copies.get(i))));
            }
            try (PreparedStatement ps = c.prepareStatement(VersionSql.MARK_PRUNED)) {
                ps.setLong(1, rows.get(i));
                ps.executeUpdate();
            }
        }
    }
}
