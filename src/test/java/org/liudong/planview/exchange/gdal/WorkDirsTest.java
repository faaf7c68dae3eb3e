package org.liudong.planview.exchange.gdal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.testing.TestDatabase;

/**
 * The free-space check before an export reads the disk even when this server's work directory
 * was removed meanwhile (by a tmp cleaner, as {@code create} already allows for): it used to
 * read 0 bytes then, and every export was refused as "disk full".
 */
class WorkDirsTest {
    @TempDir
    Path exchangeDir;

    @Test
    void freeSpaceIsReadAfterTheDirectoryWasRemoved() throws Exception {
        try (WorkOwner owner = WorkOwner.start(TestDatabase.databaseSettings())) {
            WorkDirs dirs = new WorkDirs(exchangeDir, owner);
            WorkDirs.delete(dirs.root());
            assertTrue(Files.notExists(dirs.root()));
            long free = dirs.usableBytes();
            assertTrue(free > 0, "free bytes: " + free);
            long disk = Files.getFileStore(exchangeDir).getUsableSpace();
            assertTrue(Math.abs(free - disk) < 64L * 1024 * 1024, "the exchange directory's disk: " + free + " vs " + disk);
            assertTrue(Files.isDirectory(dirs.root()), "the directory is back for the job");
        }
    }
}
