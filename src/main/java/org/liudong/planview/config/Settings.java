package org.liudong.planview.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the server is told from outside, read once at start and validated there, so that a
 * wrong value stops the server with a message naming the setting instead of failing later.
 * Sources, strongest first: the environment, then the optional file named by PLANVIEW_CONFIG
 * (Java properties, UTF-8, same keys). Every key is read in this package, by the record it
 * belongs to; docs/configuration.md lists them all.
 */
public record Settings(
        ServerSettings server,
        DatabaseSettings database,
        ReadReplicaSettings reads,
        PoolSettings pool,
        AuthSettings auth,
        DataSettings data,
        ExchangeLimits exchange,
        AuditSettings audit,
        VersionSettings versions,
        AnalysisLimits analysis,
        TileCacheSettings tileCache) {

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
        return new Settings(ServerSettings.from(s), DatabaseSettings.from(s), ReadReplicaSettings.from(s), PoolSettings.from(s), AuthSettings.from(s),
                DataSettings.from(s), ExchangeLimits.from(s), AuditSettings.from(s), VersionSettings.from(s), AnalysisLimits.from(s),
                TileCacheSettings.from(s));
    }

    public Settings withServer(ServerSettings newServer) {
        return new Settings(newServer, database, reads, pool, auth, data, exchange, audit, versions, analysis, tileCache);
    }

    public Settings withDatabase(DatabaseSettings newDatabase) {
        return new Settings(server, newDatabase, reads, pool, auth, data, exchange, audit, versions, analysis, tileCache);
    }

    public Settings withReads(ReadReplicaSettings newReads) {
        return new Settings(server, database, newReads, pool, auth, data, exchange, audit, versions, analysis, tileCache);
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
}
