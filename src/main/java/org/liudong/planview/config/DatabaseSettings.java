package org.liudong.planview.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the PostGIS database is. Accepts DATABASE_URL as a libpq URI
 * ({@code postgresql://user:pass@host:port/db}) or a JDBC URL, or the libpq PG* variables,
 * so that the same environment works for psql, ogr2ogr and this server.
 */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?ApplicationName=planview";
    }

    /** The libpq environment for child processes (GDAL): credentials never go on a command line. */
    public Map<String, String> libpqEnvironment() {
        return Map.of("PGHOST", host, "PGPORT", Integer.toString(port), "PGDATABASE", database,
                "PGUSER", user, "PGPASSWORD", password == null ? "" : password);
    }

    /** A copy of these settings naming another database on the same server. */
    public DatabaseSettings withDatabase(String otherDatabase) {
        return new DatabaseSettings(host, port, otherDatabase, user, password);
    }

    static DatabaseSettings from(SettingSource source) {
        String url = source.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return fromUrl(url.trim());
        }
        String host = source.getOrDefault("PGHOST", "127.0.0.1");
        int port = source.integer("PGPORT", 5432, 1, 65535);
        String user = source.getOrDefault("PGUSER", "planview");
        String db = source.getOrDefault("PGDATABASE", "planview");
        return new DatabaseSettings(host, port, db, user, source.get("PGPASSWORD"));
    }

    static DatabaseSettings fromUrl(String url) {
        String uriText = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw new ConfigException("DATABASE_URL", "not a URL (" + e.getReason() + "); expected postgresql://user:password@host:5432/database");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new ConfigException("DATABASE_URL", "scheme must be postgresql://, was " + uri.getScheme() + "://");
        }
        if (uri.getHost() == null) {
            throw new ConfigException("DATABASE_URL", "no host; expected postgresql://user:password@host:5432/database");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new ConfigException("DATABASE_URL", "no database name after the host");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("user")) user = decode(kv[1]);
            if (kv.length == 2 && kv[0].equals("password")) password = decode(kv[1]);
        }
        if (user == null || user.isEmpty()) {
            throw new ConfigException("DATABASE_URL", "no user; expected postgresql://user:password@host:5432/database");
        }
        return new DatabaseSettings(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
