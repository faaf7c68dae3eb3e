package org.liudong.planview.config;

import java.util.Map;

/**
 * Raw key/value settings (environment over an optional file) with typed, validated reads; a
 * wrong value throws a {@link ConfigException} naming the key. Areas with settings of their own
 * (exchange limits …) read them from here, so the file and the messages work the same for all.
 */
public final class SettingSource {
    private final Map<String, String> values;

    public SettingSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String getOrDefault(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    public int integer(String key, int fallback, int min, int max) {
        return (int) number(key, fallback, min, max);
    }

    public long number(String key, long fallback, long min, long max) {
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
}
