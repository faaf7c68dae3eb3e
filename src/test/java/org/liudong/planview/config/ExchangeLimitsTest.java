package org.liudong.planview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.config.ConfigException;
import org.liudong.planview.config.Settings;

class ExchangeLimitsTest {
    @TempDir
    Path dir;

    @Test
    void limitsComeFromTheConfigFileAndTheEnvironmentWins() throws Exception {
        Path file = dir.resolve("planview.properties");
        Files.writeString(file, "PLANVIEW_EXPORT_CONCURRENCY=5\nPLANVIEW_IMPORT_MAX_UPLOAD_MB=9\n", StandardCharsets.UTF_8);
        Settings s = Settings.from(Map.of("PLANVIEW_CONFIG", file.toString(), "PLANVIEW_GIS_DATA", dir.toString(),
                "PLANVIEW_IMPORT_MAX_UPLOAD_MB", "7"));
        ExchangeLimits limits = s.exchange();
        assertEquals(5, limits.maxConcurrentExports());
        assertEquals(7L * 1024 * 1024, limits.maxUploadBytes());
    }

    @Test
    void aBadLimitNamesTheSetting() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.from(Map.of("PLANVIEW_GIS_DATA", dir.toString(), "PLANVIEW_EXPORT_CONCURRENCY", "many")));
        assertTrue(e.getMessage().contains("PLANVIEW_EXPORT_CONCURRENCY"), e.getMessage());
    }
}
