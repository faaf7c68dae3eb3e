package org.liudong.planview.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * Past versions of collections as collections of their own (V62): the same catalogue row, read
 * against the copy of that version's rows. A copy never changes, so each is read once; retention
 * dropping it ends with a refresh of the catalogue.
 */
final class PastVersions {
    /** The newest version is the collection's own table; an older one names its copy unless retention dropped it. */
    private static final String LOOKUP = """
            SELECT v.version = (SELECT max(version) FROM layer_version WHERE collection_id = v.collection_id) AS newest,
                   v.snapshot_table
            FROM layer_version v WHERE v.collection_id = ? AND v.version = ?""";

    private final DataSource ds;
    private final Map<String, CollectionInfo> read = new ConcurrentHashMap<>();

    PastVersions(DataSource ds) {
        this.ds = ds;
    }

    CollectionInfo at(CollectionInfo current, String versionText) {
        String t = versionText.strip();
        if (!t.matches("\\d{1,9}") || Integer.parseInt(t) < 1) {
            throw Problem.badRequest("parameter version: '" + Text.shorten(versionText) + "' is not a version number (1, 2, …); "
                    + "the versions are listed at /collections/" + current.id() + "/versions");
        }
        int version = Integer.parseInt(t);
        String key = current.id() + "@" + version;
        CollectionInfo known = read.get(key);
        if (known != null) return known;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setString(1, current.id());
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (version == 1 && !hasVersions(c, current.id())) return current;  // never replaced: its data is version 1
                    throw Problem.notFound("collection '" + current.id() + "' has no version " + version
                            + "; its versions are listed at /collections/" + current.id() + "/versions");
                }
                if (rs.getBoolean(1)) return current;
                String snapshot = rs.getString(2);
                if (snapshot == null) {
                    throw new Problem(410, "Gone", "the rows of version " + version + " of '" + current.id()
                            + "' were dropped by the retention setting (PLANVIEW_VERSIONS_KEEP); it stays listed at /collections/"
                            + current.id() + "/versions");
                }
                CollectionInfo past = CatalogReader.one(c, current.id(), new CatalogReader.PastVersion(version, Catalog.HISTORY_SCHEMA, snapshot))
                        .orElseThrow(() -> new IllegalStateException("the copy of version " + version + " of " + current.id() + " is unreadable"));
                read.put(key, past);
                return past;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the versions of " + current.id(), e);
        }
    }

    private static boolean hasVersions(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM layer_version WHERE collection_id = ? LIMIT 1")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void forget() {
        read.clear();
    }
}
