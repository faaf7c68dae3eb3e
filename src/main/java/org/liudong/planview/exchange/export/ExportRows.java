package org.liudong.planview.exchange.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The rows of one export, fixed while it is written: ogr2ogr reads them, and the exporter's
 * checks (numberMatched, the geometry types a shapefile splits by, the longest texts of its
 * fields, the nested values' CSV tables) read exactly the same rows. Either a scratch table on the
 * primary ({@link ScratchTable}) or the items query on a read replica in one snapshot
 * ({@link ReplicaRows}).
 */
interface ExportRows extends AutoCloseable {
    /** Which database the rows are read on, for the log: the primary, or a replica's name. */
    String database();

    /** How many rows there are: numberMatched, checked against the query's own count. */
    long rows();

    /** About the bytes the rows take, which the written file will take too (the free-disk check). */
    long bytes() throws SQLException;

    /** The geometry types present, with their counts (null geometry as the key "NONE"). */
    Map<String, Long> geometryTypes() throws SQLException;

    /** The longest value, in UTF-8 bytes, of each of the given columns. */
    Map<String, Long> longestText(List<String> aliases) throws SQLException;

    /**
     * ogr2ogr's source arguments: the data source, then the layer or the SQL that reads the rows,
     * then any open options. Files it needs are written into {@code dir}.
     */
    List<String> ogrSource(Path dir);

    /** What ogr2ogr's environment needs beyond the primary's libpq variables (another database's). */
    Map<String, String> gdalEnvironment();

    /** Runs {@code work} on a connection that sees exactly these rows, named in SQL by {@code relation}. */
    void read(RowsWork work) throws SQLException;

    @Override
    void close();

    /** Reads the rows as the SQL relation given (a table's name, or a parenthesised query). */
    @FunctionalInterface
    interface RowsWork {
        void run(Connection c, String relation) throws SQLException;
    }
}
