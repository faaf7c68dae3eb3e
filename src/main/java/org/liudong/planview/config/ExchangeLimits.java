package org.liudong.planview.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.liudong.planview.config.SettingSource;

/**
 * The bounds that keep exports and imports from exhausting the server: how many exports run at
 * once, how long GDAL may take, how much free disk must remain, how large an upload (and what it
 * unpacks to) may be; how often what crashed servers left is looked for. Read from PLANVIEW_EXPORT_* / PLANVIEW_IMPORT_* variables, validated at start.
 */
public record ExchangeLimits(
        int maxConcurrentExports,
        Duration gdalTimeout,
        long minFreeDiskBytes,
        Path workDir,
        long maxUploadBytes,
        long maxUnpackedBytes,
        int maxZipEntries,
        int maxCompressionRatio,
        Duration sweepInterval) {

    private static final long MB = 1024L * 1024L;

    public static ExchangeLimits defaults() {
        return from(new SettingSource(Map.of()));
    }

    static ExchangeLimits from(SettingSource s) {
        return new ExchangeLimits(
                s.integer("PLANVIEW_EXPORT_CONCURRENCY", 2, 1, 64),
                Duration.ofSeconds(s.number("PLANVIEW_EXPORT_TIMEOUT_SECONDS", 600, 5, 86_400)),
                s.number("PLANVIEW_EXPORT_MIN_FREE_DISK_MB", 512, 0, 10_000_000) * MB,
                Path.of(s.getOrDefault("PLANVIEW_EXCHANGE_DIR", System.getProperty("java.io.tmpdir") + "/planview-exchange")),
                s.number("PLANVIEW_IMPORT_MAX_UPLOAD_MB", 256, 1, 100_000) * MB,
                s.number("PLANVIEW_IMPORT_MAX_UNPACKED_MB", 1024, 1, 1_000_000) * MB,
                s.integer("PLANVIEW_IMPORT_MAX_ZIP_ENTRIES", 200, 1, 100_000),
                s.integer("PLANVIEW_IMPORT_MAX_COMPRESSION_RATIO", 200, 2, 100_000),
                Duration.ofSeconds(s.number("PLANVIEW_WORK_SWEEP_SECONDS", 60, 1, 86_400)));
    }

    public ExchangeLimits withMaxUploadBytes(long bytes) {
        return new ExchangeLimits(maxConcurrentExports, gdalTimeout, minFreeDiskBytes, workDir, bytes, maxUnpackedBytes,
                maxZipEntries, maxCompressionRatio, sweepInterval);
    }

    public ExchangeLimits withMinFreeDiskBytes(long bytes) {
        return new ExchangeLimits(maxConcurrentExports, gdalTimeout, bytes, workDir, maxUploadBytes, maxUnpackedBytes,
                maxZipEntries, maxCompressionRatio, sweepInterval);
    }

}
