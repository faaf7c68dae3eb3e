package org.liudong.planview.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GeoJSON layers for the version tests: squares near Liudong, integer ids, a name and a batch label. */
final class VersionFixtures {
    private VersionFixtures() {
    }

    /** A square feature of side {@code size} degrees with its south-west corner at (lon, lat). */
    static String square(int id, String name, String batch, double lon, double lat, double size) {
        return String.format(Locale.ROOT, """
                {"type":"Feature","properties":{"id":%d,"name_zh":"%s","batch":"%s"},"geometry":{"type":"Polygon","coordinates":\
                [[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}}""", id, name, batch, lon, lat, lon + size, lat,
                lon + size, lat + size, lon, lat + size, lon, lat);
    }

    static String collection(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "]}";
    }

    /** {@code n} small squares in a grid within one z12 tile, ids from {@code firstId}, all of one batch. */
    static String batch(String label, int firstId, int n) {
        List<String> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            f.add(square(firstId + i, "地块" + (firstId + i), label, 109.45 + (i % 20) * 0.002, 24.35 + (i / 20) * 0.002, 0.001));
        }
        return collection(f);
    }
}
