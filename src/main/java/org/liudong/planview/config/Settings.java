package org.liudong.planview.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Everything the server is told from outside, read once at start and validated there, so that a
 * wrong value stops the server with a message naming the setting instead of failing later.
 * Sources, strongest first: the environment, then the optional file named by PLANVIEW_CONFIG
 * (Java properties, UTF-8, same keys).
 */
public record Settings(
        String host,
        int port,
        DatabaseSettings database,
        int poolSize,
        List<String> editorTokens,
        String tiandituKey,
        Path gisDataDir,
        Path webDir,
        int parcelCount,
        SettingSource source) {

    private static final Pattern TIANDITU_KEY = Pattern.compile("[0-9a-fA-F]{32}");
    private static final int MIN_TOKEN_LENGTH = 16;

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        String file = environment.get("PLANVIEW_CONFIG");
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file.trim())));
        }
        environment.forEach((k, v) -> { if (v != null && !v.isBlank()) merged.put(k, v); });
        SettingSource s = new SettingSource(merged);

        String host = s.getOrDefault("PLANVIEW_HOST", "127.0.0.1");
        int port = s.integer("PLANVIEW_PORT", 7070, 0, 65535);
        int pool = s.integer("PLANVIEW_DB_POOL_SIZE", 10, 1, 200);
        List<String> tokens = editorTokens(s.get("PLANVIEW_EDITOR_TOKENS"));
        String tianditu = s.get("PLANVIEW_TIANDITU_KEY");
        if (tianditu != null && !TIANDITU_KEY.matcher(tianditu).matches()) {
            throw new ConfigException("PLANVIEW_TIANDITU_KEY", "a 天地图 key is 32 hexadecimal characters");
        }
        Path gisData = directory(s, "PLANVIEW_GIS_DATA", "gis-data", true);
        Path web = directory(s, "PLANVIEW_WEB_DIR", "web/dist", false);
        int parcels = s.integer("PLANVIEW_PARCELS", org.liudong.planview.gisdata.GisDataLoader.DEFAULT_PARCELS, 0, 50_000_000);
        return new Settings(host, port, DatabaseSettings.from(s), pool, tokens, tianditu, gisData, web, parcels, s);
    }

    public Settings withPort(int newPort) {
        return new Settings(host, newPort, database, poolSize, editorTokens, tiandituKey, gisDataDir, webDir, parcelCount, source);
    }

    public Settings withDatabase(DatabaseSettings newDatabase) {
        return new Settings(host, port, newDatabase, poolSize, editorTokens, tiandituKey, gisDataDir, webDir, parcelCount, source);
    }

    public Settings withWebDir(Path newWebDir) {
        return new Settings(host, port, database, poolSize, editorTokens, tiandituKey, gisDataDir, newWebDir, parcelCount, source);
    }

    private static List<String> editorTokens(String raw) {
        if (raw == null) return List.of();
        List<String> tokens = Arrays.stream(raw.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        for (String t : tokens) {
            if (t.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigException("PLANVIEW_EDITOR_TOKENS", "each token must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
        }
        return tokens;
    }

    private static Path directory(SettingSource s, String key, String fallback, boolean mustExist) {
        Path p = Path.of(s.getOrDefault(key, fallback)).toAbsolutePath().normalize();
        if (mustExist && !Files.isDirectory(p)) {
            throw new ConfigException(key, "directory " + p + " does not exist");
        }
        return p;
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException("PLANVIEW_CONFIG", "cannot read file " + file);
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("PLANVIEW_CONFIG", "cannot parse " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        props.forEach((k, v) -> values.put(k.toString(), v.toString()));
        return values;
    }

    @Override
    public String toString() {
        // Never print tokens or passwords.
        return "Settings[host=" + host + ", port=" + port + ", database=" + database + ", editors=" + editorTokens.size()
                + ", tianditu=" + (tiandituKey != null) + ", gisData=" + gisDataDir + ", web=" + webDir + "]";
    }
}
