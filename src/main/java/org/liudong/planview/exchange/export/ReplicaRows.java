package org.liudong.planview.exchange.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.liudong.planview.db.Replica;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.ConnectionFailures;
import org.liudong.planview.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export's rows read on a read replica, which can hold no scratch table (a hot standby takes
 * no writes, UNLOGGED and TEMP tables included). The query's values go to the primary as a
 * {@link ParameterRow}; once the replica has replayed that row — and with it every write committed
 * before the export was asked for — a transaction there exports its snapshot
 * ({@code pg_export_snapshot()}), counts and sums up the rows in it, and each ogr2ogr run reads
 * the same query in the same snapshot ({@code SET TRANSACTION SNAPSHOT} among its prelude
 * statements). So numberMatched, the geometry types, the longest texts and the nested values'
 * tables agree with the file whatever the replica replays meanwhile.
 *
 * <p>The transaction stays open, on one connection of the replica's own pool (a snapshot can be
 * lent only by the database that made it, so there is no fall-back to the primary mid-way), until
 * {@link #close()}; a replica lost meanwhile fails the export with a 503, and no file is sent.
 */
final class ReplicaRows implements ExportRows {
    private static final Logger log = LoggerFactory.getLogger(ReplicaRows.class);
    private static final String ROW_REPLAYED = "SELECT EXISTS (SELECT 1 FROM " + ParameterRow.TABLE + " WHERE id = ?)";
    /** Name of the SQL file ogr2ogr reads ({@code -sql @file}), in the export's job directory. */
    static final String SQL_FILE = "rows.sql";
    private static final int VALIDATION_SECONDS = 1;
    private static final int RETRY_SECONDS = 5;
    /** How the export's connections show in pg_stat_activity (application_name). */
    static final String APPLICATION_NAME = "planview export";

    private final DataSource primary;
    private final Replica replica;
    private final Connection snapshotHolder;
    private final ParameterRow row;
    private final String snapshot;
    private final long rows;
    private final long bytes;
    private final Map<String, Long> geometryTypes;

    private ReplicaRows(DataSource primary, Replica replica, Connection snapshotHolder, ParameterRow row, String snapshot, long rows,
                        long bytes, Map<String, Long> geometryTypes) {
        this.primary = primary;
        this.replica = replica;
        this.snapshotHolder = snapshotHolder;
        this.row = row;
        this.snapshot = snapshot;
        this.rows = rows;
        this.bytes = bytes;
        this.geometryTypes = geometryTypes;
    }

    /**
     * The export's rows on {@code replica}, or empty when they had better be read on the primary:
     * the replica cannot be reached, a value has a type this path cannot name, or the replica has
     * not replayed the values' row within {@code wait} (it lags).
     *
     * @param owner the work owner whose leftovers the values' row is swept with
     */
    static Optional<ReplicaRows> open(DataSource primary, Replica replica, String owner, ExportSource source, SqlStatement select,
                                      Duration wait, Duration timeout) throws SQLException {
        Connection c;
        try {
            c = replica.dataSource().getConnection();
            // One empty round trip: a pooled connection the replica's restart has broken is not the export's first statement.
            if (!c.isValid(VALIDATION_SECONDS)) {
                closeQuietly(c);
                throw new SQLException("the replica's connection is broken", "08006");
            }
        } catch (SQLException e) {
            if (!ConnectionFailures.of(e).isPresent()) throw e;
            log.warn("export of {} reads on the primary: {} cannot be reached", source.collectionId(), replica.name());
            return Optional.empty();
        }
        ParameterRow row;
        try {
            row = ParameterRow.write(primary, owner, select);
        } catch (ParameterRow.NotInlinable e) {
            log.info("export of {} reads on the primary: {}", source.collectionId(), e.getMessage());
            closeQuietly(c);
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        try {
            if (!replayed(c, row, wait)) {
                log.warn("export of {} reads on the primary: {} had not replayed its values after {} ms", source.collectionId(),
                        replica.name(), wait.toMillis());
                closeQuietly(c);
                deleteQuietly(primary, row);
                return Optional.empty();
            }
            return Optional.of(inSnapshot(primary, replica, c, row, source, timeout));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            deleteQuietly(primary, row);
            // Every statement of these two steps ran on the replica.
            if (ConnectionFailures.of(e).isPresent()) throw lost(replica, source, e);
            throw e;
        }
    }

    /**
     * Opens the repeatable-read transaction on {@code c} whose snapshot ogr2ogr imports, and counts
     * the rows in it twice: with the query's own count (numberMatched), and in one pass over
     * exactly the SQL ogr2ogr runs, by geometry type and with their size. The two must agree.
     */
    private static ReplicaRows inSnapshot(DataSource primary, Replica replica, Connection c, ParameterRow row, ExportSource source,
                                          Duration timeout) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
            st.execute("SET LOCAL application_name = '" + APPLICATION_NAME + "'");
        }
        String snapshot;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            snapshot = rs.getString(1);
        }
        long expected;
        try (PreparedStatement ps = source.count().prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            expected = rs.getLong(1);
        }
        Map<String, Long> types = new LinkedHashMap<>();
        long actual = 0;
        long size = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(GeometryType(x.geom), 'NONE'), count(*), sum(pg_column_size(x.*)) FROM "
                     + relation(row) + " x GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getLong(2));
                actual += rs.getLong(2);
                size += rs.getLong(3);
            }
        }
        if (actual != expected) {
            throw new IllegalStateException("export of " + source.collectionId() + " would hold " + actual
                    + " features on " + replica.name() + " but the query matches " + expected);
        }
        return new ReplicaRows(primary, replica, c, row, snapshot, actual, size, types);
    }

    /** The export's answer when its replica went away mid-way: the primary is fine, and the next export reads where it can. */
    RuntimeException lost(ExportSource source, Exception e) {
        return lost(replica, source, e);
    }

    private static RuntimeException lost(Replica replica, ExportSource source, Exception e) {
        log.warn("export of {} lost {} mid-way: {}", source.collectionId(), replica.name(), e.getMessage());
        return Problem.unavailable("the read replica this export was reading stopped answering; try again (the next export "
                + "reads on a database that answers)", RETRY_SECONDS);
    }

    /**
     * Whether the replica has the values' row, asked until {@code wait} has passed: once it has,
     * it has replayed everything the primary had committed before the export was asked for.
     */
    private static boolean replayed(Connection c, ParameterRow row, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 2;
        try (PreparedStatement ps = c.prepareStatement(ROW_REPLAYED)) {
            ps.setObject(1, row.id());
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) return true;
                }
                if (System.nanoTime() > deadline) return false;
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                pause = Math.min(100, pause * 2);
            }
        }
    }

    private static String relation(ParameterRow row) {
        return "(" + row.sql() + ")";
    }

    @Override
    public String database() {
        return replica.name();
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public Map<String, Long> geometryTypes() {
        return geometryTypes;
    }

    @Override
    public Map<String, Long> longestText(List<String> aliases) throws SQLException {
        return RowFigures.longestText(snapshotHolder, relation(row), aliases);
    }

    /**
     * ogr2ogr runs the query from a file in the job directory ({@code -sql @rows.sql}), in a
     * repeatable-read transaction importing this export's snapshot: the snapshot id is PostgreSQL's.
     */
    @Override
    public List<String> ogrSource(Path dir) {
        Path file = dir.resolve(SQL_FILE);
        try {
            if (!Files.exists(file)) Files.writeString(file, row.sql(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("PG:", "-sql", "@" + file,
                "-oo", "PRELUDE_STATEMENTS=BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET TRANSACTION SNAPSHOT '" + snapshot + "'",
                "-oo", "CLOSING_STATEMENTS=COMMIT");
    }

    /** The replica's libpq variables: ogr2ogr connects to the database that holds the snapshot. */
    @Override
    public Map<String, String> gdalEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(replica.libpqEnvironment());
        env.put("PGAPPNAME", APPLICATION_NAME);
        return env;
    }

    @Override
    public void read(RowsWork work) throws SQLException {
        work.run(snapshotHolder, relation(row));
    }

    /** Ends the snapshot's transaction and removes the values' row from the primary. */
    @Override
    public void close() {
        try {
            snapshotHolder.rollback();
        } catch (SQLException e) {
            log.debug("ending the export's snapshot on {}: {}", replica.name(), e.getMessage());
        }
        closeQuietly(snapshotHolder);
        deleteQuietly(primary, row);
    }

    /** Back to the pool, which rolls back what is open and resets auto-commit, isolation and read-only. */
    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing an export's replica connection: {}", e.getMessage());
        }
    }

    private static void deleteQuietly(DataSource primary, ParameterRow row) {
        try {
            row.delete(primary);
        } catch (SQLException e) {
            log.warn("cannot remove export values {} (the leftover sweep will): {}", row.id(), e.getMessage());
        }
    }
}
