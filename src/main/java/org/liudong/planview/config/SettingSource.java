package org.liudong.planview.config;

import java.util.Map;

/** Raw key/value settings (environment over an optional file) with typed, validated reads. */
final class SettingSource {
    private final Map<String, String> values;

    SettingSource(Map<String, String> values) {
        this.values = values;
    }

    String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String getOrDefault(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    int integer(String key, int fallback, int min, int max) {
        String v = get(key);
        if (v == null) return fallback;
        int parsed;
        try {
            parsed = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, was '" + v + "'");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }
}
