package org.liudong.planview.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Raw key/value settings (environment over an optional file) with typed, validated reads; a
 * wrong value throws a {@link ConfigException} naming the key. Only the settings records of this
 * package read it, so the file and the messages work the same for all.
 */
final class SettingSource {
    private final Map<String, String> values;

    SettingSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String getOrDefault(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    boolean bool(String key, boolean fallback) {
        String v = get(key);
        if (v == null) return fallback;
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException(key, "must be true or false, was '" + v + "'");
        };
    }

    int integer(String key, int fallback, int min, int max) {
        return (int) number(key, fallback, min, max);
    }

    long number(String key, long fallback, long min, long max) {
        String v = get(key);
        if (v == null) return fallback;
        long parsed;
        try {
            parsed = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, was '" + v + "'");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    /** A directory path, absolute; {@code mustExist}: the server cannot start without it. */
    Path directory(String key, String fallback, boolean mustExist) {
        Path p = Path.of(getOrDefault(key, fallback)).toAbsolutePath().normalize();
        if (mustExist && !Files.isDirectory(p)) {
            throw new ConfigException(key, "directory " + p + " does not exist");
        }
        return p;
    }
}
