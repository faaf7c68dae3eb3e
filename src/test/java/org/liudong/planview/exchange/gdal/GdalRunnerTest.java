package org.liudong.planview.exchange.gdal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.exchange.gdal.GdalException;
import org.liudong.planview.exchange.gdal.GdalTimeoutException;

class GdalRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void aChildPastItsTimeIsKilled() {
        GdalRunner runner = new GdalRunner(Map.of(), Duration.ofMillis(500));
        long t0 = System.nanoTime();
        assertThrows(GdalTimeoutException.class, () -> runner.run(tmp, List.of("sleep", "30")));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000, "stopped, not waited for");
    }

    @Test
    void credentialsTravelInTheEnvironmentAndFailuresCarryGdalsMessage() {
        GdalRunner runner = new GdalRunner(Map.of("PGPASSWORD", "s3cret"), Duration.ofSeconds(30));
        assertEquals("s3cret", runner.run(tmp, List.of("printenv", "PGPASSWORD")).stdout().strip());
        GdalException e = assertThrows(GdalException.class, () -> runner.run(tmp, List.of("ogrinfo", "-ro", tmp.resolve("none.shp").toString())));
        assertTrue(e.getMessage().contains("ogrinfo failed"), e.getMessage());
    }
}
