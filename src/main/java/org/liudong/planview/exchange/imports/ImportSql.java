package org.liudong.planview.exchange.imports;

import java.util.List;
import org.liudong.planview.db.Sql;

/**
 * Every statement an import runs, in one place. Table and column names are the server's own
 * (staging tables it named, the catalogue's tables) or the upload's column names as read from
 * the staging table, always quoted; values from the request are bound parameters.
 */
final class ImportSql {
    static final String STAGING_SCHEMA = "import_staging";
    static final String IMPORTED_SCHEMA = "imported";
    /** The staging table's feature number: 1 = the file's first feature. */
    static final String FID = "planview_fid";

    private ImportSql() {
    }

    static String staging(String table) {
        return STAGING_SCHEMA + "." + Sql.ident(table);
    }

    static String imported(String table) {
        return IMPORTED_SCHEMA + "." + Sql.ident(table);
    }

    static String renameColumn(String table, String from, String to) {
        return "ALTER TABLE " + table + " RENAME COLUMN " + Sql.ident(from) + " TO " + Sql.ident(to);
    }

    // ---- checks of the staged rows
    static String count(String table) {
        return "SELECT count(*) FROM " + table;
    }

    static String countInvalid(String table) {
        return "SELECT count(*) FROM " + table + " WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)";
    }

    static String firstInvalid(String table, int limit) {
        return "SELECT " + FID + ", ST_IsValidReason(geom) FROM " + table + " WHERE geom IS NOT NULL AND NOT ST_IsValid(geom) ORDER BY "
                + FID + " LIMIT " + limit;
    }

    /** Keeps each feature's dimension: a repaired polygon stays a polygon, not a collection with stray lines. */
    static String repairInvalid(String table) {
        return "UPDATE " + table + " SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), ST_Dimension(geom) + 1))"
                + " WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)";
    }

    static String extent(String table) {
        return "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM " + table + ") x";
    }

    static String dimensions(String table) {
        return "SELECT DISTINCT ST_Dimension(geom) FROM " + table + " WHERE geom IS NOT NULL";
    }

    static String idIsUnique(String table) {
        return "SELECT count(\"id\") = count(*) AND count(DISTINCT \"id\") = count(*) FROM " + table;
    }

    // ---- a new collection
    static String createAs(String target, List<String> select, String source) {
        return "CREATE TABLE " + target + " AS SELECT " + String.join(", ", select) + " FROM " + source + " s ORDER BY s." + FID;
    }

    static String addPrimaryKey(String target) {
        return "ALTER TABLE " + target + " ADD PRIMARY KEY (id)";
    }

    static String addSpatialIndex(String target) {
        return "CREATE INDEX ON " + target + " USING gist (geom)";
    }

    static final String TABLE_EXISTS = "SELECT to_regclass(?) IS NOT NULL";

    // ---- replacing a collection's rows
    /** Readers keep the old rows until the commit; a writer holding the table is waited for, not forever. */
    static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '10s'";

    static String deleteAll(String target) {
        return "DELETE FROM " + target;
    }

    static String insertSelect(String target, ColumnMapping m, String source) {
        return "INSERT INTO " + target + " (" + String.join(", ", m.targetColumns()) + ") SELECT " + String.join(", ", m.selectList())
                + " FROM " + source + " s ORDER BY s." + FID;
    }

    // ---- provenance and clean-up
    static final String RECORD_IMPORT = """
            INSERT INTO exchange_import (collection_id, action, file_name, format, encoding, source_crs, feature_count, repaired, editor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";

    static final String FORGET_IMPORT = "DELETE FROM exchange_import WHERE id = ?";

    static final String KNOWN_EPSG = "SELECT 1 FROM spatial_ref_sys WHERE auth_name = 'EPSG' AND auth_srid = ?";

    static String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }
}
