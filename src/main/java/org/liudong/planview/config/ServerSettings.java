package org.liudong.planview.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the server listens and what it serves besides the data.
 *
 * @param webDir               the built web app (served at /)
 * @param tiandituKey          a 天地图 browser key, or null: no Tianditu basemaps
 * @param producer             the producing unit (制图单位) printed on map sheets, or null: the application's name
 * @param headerTimeoutSeconds how long a client may take to send a request's headers
 * @param cacheMaxAgeSeconds   how long a shared cache (or a browser) may serve a public tile or page of features
 *                             without asking again; an import is seen by everyone at most this long after it
 */
public record ServerSettings(String host, int port, Path webDir, String tiandituKey, String producer, int headerTimeoutSeconds,
                             int cacheMaxAgeSeconds) {
    private static final Pattern TIANDITU_KEY = Pattern.compile("[0-9a-fA-F]{32}");

    static ServerSettings from(SettingSource s) {
        String tianditu = s.get("PLANVIEW_TIANDITU_KEY");
        if (tianditu != null && !TIANDITU_KEY.matcher(tianditu).matches()) {
            throw new ConfigException("PLANVIEW_TIANDITU_KEY", "a 天地图 key is 32 hexadecimal characters");
        }
        String producer = s.get("PLANVIEW_PRODUCER");
        if (producer != null && producer.length() > 100) {
            throw new ConfigException("PLANVIEW_PRODUCER", "at most 100 characters (it is printed in a map sheet's footer)");
        }
        return new ServerSettings(s.getOrDefault("PLANVIEW_HOST", "127.0.0.1"), s.integer("PLANVIEW_PORT", 7070, 0, 65535),
                s.directory("PLANVIEW_WEB_DIR", "web/dist", false), tianditu, producer, s.integer("PLANVIEW_HEADER_TIMEOUT_SECONDS", 10, 1, 300),
                s.integer("PLANVIEW_CACHE_MAX_AGE_SECONDS", 60, 0, 86_400));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, webDir, tiandituKey, producer, headerTimeoutSeconds, cacheMaxAgeSeconds);
    }

    public ServerSettings withWebDir(Path newWebDir) {
        return new ServerSettings(host, port, newWebDir, tiandituKey, producer, headerTimeoutSeconds, cacheMaxAgeSeconds);
    }
}
