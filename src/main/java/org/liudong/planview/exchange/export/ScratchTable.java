package org.liudong.planview.exchange.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.Rollback;
import org.liudong.planview.db.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items query's rows materialised in {@code export_scratch} for ogr2ogr to read. The query
 * runs here, in PostgreSQL, with its values bound — so nothing a user typed ever reaches GDAL's
 * command line or its {@code -sql}. Columns get the names the output format can hold.
 */
public final class ScratchTable implements AutoCloseable {
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

    /** What a scratch column is made of: a source column, and the name it gets in the file. */
    public record Column(ExportField field, String alias) {
    }

    /**
     * Creates the table {@code name} (a {@link org.liudong.planview.exchange.gdal.WorkOwner#tableName}) from the query and checks, in the same snapshot, that it holds exactly
     * numberMatched rows: an export is never silently short.
     */
    public static ScratchTable create(DataSource ds, String name, ExportSource source, List<Column> columns, boolean pointOnSurface,
                                      Duration timeout) throws SQLException {
        int srid = source.outputCrs().srid();
        List<String> select = new ArrayList<>();
        for (Column c : columns) {
            String col = "q." + Sql.ident(c.field().name());
            select.add((c.field().json() ? col + "::text" : col) + " AS " + Sql.ident(c.alias()));
        }
        String geom = "q." + Sql.ident(source.geometryColumn());
        if (pointOnSurface) geom = "ST_PointOnSurface(" + geom + ")";
        select.add(geom + "::geometry(Geometry, " + srid + ") AS geom");
        String create = "CREATE UNLOGGED TABLE " + SCHEMA + "." + Sql.ident(name) + " AS SELECT " + String.join(", ", select)
                + " FROM (" + source.rows().sql() + ") AS q";
        SqlStatement createStatement = new SqlStatement(create, source.rows().params());

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

    public long rows() {
        return rows;
    }

    public long bytesOnDisk() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_total_relation_size(to_regclass(?))")) {
            ps.setString(1, qualifiedName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The geometry types present, with their counts (null geometry as the key "NONE"). */
    public java.util.Map<String, Long> geometryTypes() throws SQLException {
        java.util.Map<String, Long> types = new java.util.LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(GeometryType(geom), 'NONE'), count(*) FROM "
                     + SCHEMA + "." + Sql.ident(name) + " GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) types.put(rs.getString(1), rs.getLong(2));
        }
        return types;
    }

    /** The longest value, in UTF-8 bytes, of each of the given text columns. */
    public java.util.Map<String, Long> longestText(List<String> aliases) throws SQLException {
        java.util.Map<String, Long> longest = new java.util.LinkedHashMap<>();
        if (aliases.isEmpty()) return longest;
        List<String> parts = new ArrayList<>();
        for (String a : aliases) parts.add("max(octet_length(" + Sql.ident(a) + "::text))");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", parts) + " FROM " + SCHEMA + "." + Sql.ident(name))) {
            rs.next();
            for (int i = 0; i < aliases.size(); i++) longest.put(aliases.get(i), rs.getLong(i + 1));
        }
        return longest;
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
