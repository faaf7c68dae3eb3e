package org.liudong.planview.exchange.gdal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.testing.TestDatabase;

/**
 * Which leftovers a sweep takes: a dead owner's and an older version's, at once whatever their
 * age; never a live owner's, nothing of a server on another database, and nothing that is not
 * exchange work (the directory may be shared).
 */
class LeftoverSweeperTest {
    private static final String SCHEMA = "import_staging";

    @TempDir
    Path exchangeDir;

    @Test
    void removesWhatNoLiveOwnerHoldsAndNothingElse() throws Exception {
        TestDatabase.dataSource();
        String dead = "0badc0de";
        String deadTable = "s_" + dead + "_" + "0".repeat(32);
        String legacyTable = "s_1700000000_" + "1".repeat(32);
        String unrelatedTable = "someone_elses_table";
        try (WorkOwner live = WorkOwner.start(TestDatabase.databaseSettings());
             WorkOwner sweeping = WorkOwner.start(TestDatabase.databaseSettings())) {
            String liveTable = live.tableName('s');
            for (String t : List.of(deadTable, legacyTable, unrelatedTable, liveTable)) createTable(t);
            Path liveDir = new WorkDirs(exchangeDir, live).create("import-");
            Path deadDir = Files.createDirectories(exchangeDir.resolve(sweeping.databaseKey()).resolve(dead).resolve("import-123"));
            // A server on another database sharing the exchange directory: its lock is not visible from here.
            Path otherDatabase = Files.createDirectories(exchangeDir.resolve("db-1-2").resolve(dead).resolve("export-89"));
            Path legacyDir = Files.createDirectories(exchangeDir.resolve("export-4567"));
            Path unrelated = Files.writeString(exchangeDir.resolve("notes.txt"), "not ours");
            // The values of exports read on a replica (V110): a killed server's row, and a running export's.
            String deadRow = valuesRow(dead);
            String liveRow = valuesRow(live.id());

            new LeftoverSweeper(TestDatabase.dataSource(), sweeping, exchangeDir, List.of(SCHEMA), List.of("export_parameters")).sweep();

            assertFalse(valuesRowExists(deadRow), "a dead owner's export values go");
            assertTrue(valuesRowExists(liveRow), "a running export's values stay");

            assertFalse(tableExists(deadTable), "a dead owner's staging table goes, however young");
            assertFalse(tableExists(legacyTable), "an older version's goes");
            assertTrue(tableExists(liveTable), "a live owner's stays");
            assertTrue(tableExists(unrelatedTable), "a table that is not work stays");
            assertFalse(Files.exists(deadDir.getParent()));
            assertFalse(Files.exists(legacyDir));
            assertTrue(Files.isDirectory(liveDir));
            assertTrue(Files.isDirectory(otherDatabase), "another database's servers' work is theirs to sweep");
            assertEquals("not ours", Files.readString(unrelated));
        } finally {
            try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + unrelatedTable);
                st.execute("DELETE FROM export_parameters WHERE vals = '{leftover-sweeper-test}'");
            }
        }
    }

    private static String valuesRow(String owner) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("INSERT INTO export_parameters (id, owner, vals) VALUES (gen_random_uuid(), '" + owner
                     + "', '{leftover-sweeper-test}') RETURNING id")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean valuesRowExists(String id) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM export_parameters WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1) == 1;
        }
    }

    private static void createTable(String name) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + SCHEMA + ".\"" + name + "\" (x int)");
        }
    }

    private static boolean tableExists(String name) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('" + SCHEMA + ".\"" + name + "\"') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
