package org.liudong.planview.exchange.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.Rollback;
import org.liudong.planview.db.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items query's rows materialised in {@code export_scratch} on the primary for ogr2ogr to
 * read: an export whose reads go to the primary. The query runs here, in PostgreSQL, with its
 * values bound — so nothing a user typed ever reaches GDAL's command line or its {@code -sql}.
 * Columns get the names the output format can hold ({@link ExportSelect}).
 */
public final class ScratchTable implements ExportRows {
    private static final Logger log = LoggerFactory.getLogger(ScratchTable.class);
    public static final String SCHEMA = "export_scratch";

    private final DataSource ds;
    private final String name;
    private final long rows;

    private ScratchTable(DataSource ds, String name, long rows) {
        this.ds = ds;
        this.name = name;
        this.rows = rows;
    }

    /**
     * Creates the table {@code name} (a {@link org.liudong.planview.exchange.gdal.WorkOwner#tableName})
     * from the export's rows ({@link ExportSelect}) and checks, in the same snapshot, that it holds
     * exactly numberMatched rows: an export is never silently short.
     */
    public static ScratchTable create(DataSource ds, String name, ExportSource source, SqlStatement rows, Duration timeout) throws SQLException {
        SqlStatement createStatement = new SqlStatement("CREATE UNLOGGED TABLE " + SCHEMA + "." + Sql.ident(name) + " AS " + rows.sql(),
                rows.params());

        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
                }
                long expected;
                try (PreparedStatement ps = source.count().prepare(c); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    expected = rs.getLong(1);
                }
                try (PreparedStatement ps = createStatement.prepare(c)) {
                    ps.execute();
                }
                long actual;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + "." + Sql.ident(name))) {
                    rs.next();
                    actual = rs.getLong(1);
                }
                if (actual != expected) {
                    throw new IllegalStateException("export of " + source.collectionId() + " would hold " + actual
                            + " features but the query matches " + expected);
                }
                c.commit();
                return new ScratchTable(ds, name, actual);
            } catch (SQLException | RuntimeException e) {
                Rollback.after(c, e);
                throw e;
            }
        }
    }

    /** The name GDAL opens, schema-qualified. */
    public String qualifiedName() {
        return SCHEMA + "." + name;
    }

    @Override
    public String database() {
        return "the primary";
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytes() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_total_relation_size(to_regclass(?))")) {
            ps.setString(1, qualifiedName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public Map<String, Long> geometryTypes() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return RowFigures.geometryTypes(c, relation());
        }
    }

    @Override
    public Map<String, Long> longestText(List<String> aliases) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return RowFigures.longestText(c, relation(), aliases);
        }
    }

    /** ogr2ogr opens the table itself, on the primary its environment names. */
    @Override
    public List<String> ogrSource(Path dir) {
        return List.of("PG:tables=" + qualifiedName(), qualifiedName());
    }

    @Override
    public Map<String, String> gdalEnvironment() {
        return Map.of();
    }

    @Override
    public void read(RowsWork work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            work.run(c, relation());
        }
    }

    private String relation() {
        return SCHEMA + "." + Sql.ident(name);
    }

    @Override
    public void close() {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + Sql.ident(name));
        } catch (SQLException e) {
            log.warn("cannot drop scratch table {} (the next start sweeps it): {}", name, e.getMessage());
        }
    }
}
