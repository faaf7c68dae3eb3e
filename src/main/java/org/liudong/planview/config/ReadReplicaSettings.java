package org.liudong.planview.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only databases (streaming replicas of the primary) that reads may be sent to, how far
 * behind one may fall before it is taken out of rotation, and how often they are checked. No
 * replicas: every read goes to the primary, as before.
 */
public record ReadReplicaSettings(List<DatabaseSettings> replicas, Duration maxLag, Duration checkInterval) {
    public ReadReplicaSettings {
        replicas = List.copyOf(replicas);
    }

    public static ReadReplicaSettings none() {
        return new ReadReplicaSettings(List.of(), Duration.ofSeconds(10), Duration.ofMillis(500));
    }

    public ReadReplicaSettings withReplicas(List<DatabaseSettings> others) {
        return new ReadReplicaSettings(others, maxLag, checkInterval);
    }

    static ReadReplicaSettings from(SettingSource s) {
        List<DatabaseSettings> replicas = new ArrayList<>();
        String urls = s.get("PLANVIEW_READ_DATABASE_URLS");
        if (urls != null) {
            for (String url : urls.split(",")) {
                if (url.isBlank()) continue;
                try {
                    replicas.add(DatabaseSettings.fromUrl(url.trim()));
                } catch (ConfigException e) {
                    // The URL's own problem, under this setting's name (and never the URL, which may hold a password).
                    throw new ConfigException("PLANVIEW_READ_DATABASE_URLS",
                            "entry " + (replicas.size() + 1) + ": " + e.getMessage().replaceFirst("^configuration DATABASE_URL: ", ""));
                }
            }
        }
        return new ReadReplicaSettings(replicas,
                Duration.ofSeconds(s.integer("PLANVIEW_READ_MAX_LAG_SECONDS", 10, 1, 86_400)),
                Duration.ofMillis(s.integer("PLANVIEW_READ_CHECK_MILLIS", 500, 50, 60_000)));
    }
}
