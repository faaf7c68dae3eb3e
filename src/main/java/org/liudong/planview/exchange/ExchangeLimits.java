package org.liudong.planview.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.liudong.planview.config.ConfigException;

/**
 * The bounds that keep exports and imports from exhausting the server: how many exports run at
 * once, how long GDAL may take, how much free disk must remain, how large an upload (and what it
 * unpacks to) may be. Read from PLANVIEW_EXPORT_* / PLANVIEW_IMPORT_* variables, validated at start.
 */
public record ExchangeLimits(
        int maxConcurrentExports,
        Duration gdalTimeout,
        long minFreeDiskBytes,
        Path workDir,
        long maxUploadBytes,
        long maxUnpackedBytes,
        int maxZipEntries,
        int maxCompressionRatio) {

    private static final long MB = 1024L * 1024L;

    public static ExchangeLimits defaults() {
        return from(Map.of());
    }

    public static ExchangeLimits from(Map<String, String> env) {
        return new ExchangeLimits(
                (int) number(env, "PLANVIEW_EXPORT_CONCURRENCY", 2, 1, 64),
                Duration.ofSeconds(number(env, "PLANVIEW_EXPORT_TIMEOUT_SECONDS", 600, 5, 86_400)),
                number(env, "PLANVIEW_EXPORT_MIN_FREE_DISK_MB", 512, 0, 10_000_000) * MB,
                Path.of(env.getOrDefault("PLANVIEW_EXCHANGE_DIR", System.getProperty("java.io.tmpdir") + "/planview-exchange")),
                number(env, "PLANVIEW_IMPORT_MAX_UPLOAD_MB", 256, 1, 100_000) * MB,
                number(env, "PLANVIEW_IMPORT_MAX_UNPACKED_MB", 1024, 1, 1_000_000) * MB,
                (int) number(env, "PLANVIEW_IMPORT_MAX_ZIP_ENTRIES", 200, 1, 100_000),
                (int) number(env, "PLANVIEW_IMPORT_MAX_COMPRESSION_RATIO", 200, 2, 100_000));
    }

    public ExchangeLimits withMaxUploadBytes(long bytes) {
        return new ExchangeLimits(maxConcurrentExports, gdalTimeout, minFreeDiskBytes, workDir, bytes, maxUnpackedBytes,
                maxZipEntries, maxCompressionRatio);
    }

    public ExchangeLimits withMinFreeDiskBytes(long bytes) {
        return new ExchangeLimits(maxConcurrentExports, gdalTimeout, bytes, workDir, maxUploadBytes, maxUnpackedBytes,
                maxZipEntries, maxCompressionRatio);
    }

    private static long number(Map<String, String> env, String key, long fallback, long min, long max) {
        String v = env.get(key);
        if (v == null || v.isBlank()) return fallback;
        long parsed;
        try {
            parsed = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, was '" + v + "'");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }
}
