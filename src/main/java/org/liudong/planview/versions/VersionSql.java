package org.liudong.planview.versions;

import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.db.Sql;

/** The statements of layer versions (V62), in one place; identifiers from the catalogue or the server's own names, quoted. */
final class VersionSql {
    static final String HISTORY_SCHEMA = Catalog.HISTORY_SCHEMA;

    private VersionSql() {
    }

    static String history(String table) {
        return HISTORY_SCHEMA + "." + Sql.ident(table);
    }

    /** Writers wait for each other; readers go on reading the rows as they were until the commit. */
    static String lockForWriting(String tableSql) {
        return "LOCK TABLE " + tableSql + " IN EXCLUSIVE MODE";
    }

    /**
     * The feature count and a checksum of the rows: md5 over each row's text, in id order. Equal
     * rows give equal checksums, so a rollback can be seen to equal the version it restored.
     */
    static String countAndChecksum(String tableSql, String idColumn) {
        return "SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY t." + Sql.ident(idColumn) + "), '')) FROM "
                + tableSql + " t";
    }

    static final String LIST = """
            SELECT version, action, created_at, created_by, file_name, file_sha256, feature_count, checksum, restored_from,
                   version = max(version) OVER () AS current, snapshot_table IS NOT NULL OR version = max(version) OVER () AS kept
            FROM layer_version WHERE collection_id = ? ORDER BY version""";

    static final String NEWEST = "SELECT id, version FROM layer_version WHERE collection_id = ? ORDER BY version DESC LIMIT 1";

    static final String ONE = "SELECT id, snapshot_table, file_name FROM layer_version WHERE collection_id = ? AND version = ?";

    static final String INSERT = """
            INSERT INTO layer_version (collection_id, version, action, created_by, file_name, file_sha256, feature_count, checksum,
                                       restored_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";

    static final String SET_SNAPSHOT = "UPDATE layer_version SET snapshot_table = ? WHERE id = ?";

    static String copyRows(String target, String source) {
        return "CREATE TABLE " + target + " AS SELECT * FROM " + source;
    }

    static String spatialIndex(String table, String column) {
        return "CREATE INDEX ON " + table + " USING gist (" + Sql.ident(column) + ")";
    }

    /** Kept copies past the newest {@code keep}, oldest last. */
    static final String BEYOND_RETENTION = """
            SELECT id, snapshot_table FROM layer_version
            WHERE collection_id = ? AND snapshot_table IS NOT NULL ORDER BY version DESC OFFSET ?""";

    static final String MARK_PRUNED = "UPDATE layer_version SET snapshot_table = NULL, pruned_at = now() WHERE id = ?";

    static String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }
}
