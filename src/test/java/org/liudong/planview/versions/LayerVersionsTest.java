package org.liudong.planview.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;
import org.liudong.planview.tiles.MvtReader;

/**
 * A replace keeps the previous version: it is listed, read through items, tiles and export, compared
 * feature by feature with the new one, and restored by a rollback that equals it; old copies past
 * the retention setting are dropped.
 */
class LayerVersionsTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final double LON = 109.46;
    private static final double LAT = 24.36;

    private static final String V1 = VersionFixtures.collection(List.of(
            VersionFixtures.square(1, "甲", "v1", LON, LAT, 0.002),
            VersionFixtures.square(2, "乙", "v1", LON + 0.003, LAT, 0.002),
            VersionFixtures.square(3, "丙", "v1", LON + 0.006, LAT, 0.002),
            VersionFixtures.square(4, "丁", "v1", LON + 0.009, LAT, 0.002)));
    /** 1 the same; 2 larger; 3 gone; 4 renamed; 5 new. */
    private static final String V2 = VersionFixtures.collection(List.of(
            VersionFixtures.square(1, "甲", "v1", LON, LAT, 0.002),
            VersionFixtures.square(2, "乙", "v1", LON + 0.003, LAT, 0.0025),
            VersionFixtures.square(4, "丁改", "v1", LON + 0.009, LAT, 0.002),
            VersionFixtures.square(5, "戊", "v1", LON + 0.012, LAT, 0.002)));

    @Test
    void replaceReadTheOldVersionDiffAndRollBack() throws Exception {
        String id = "test-versions-" + System.nanoTime() % 1_000_000;
        String table = "imported." + id.replace('-', '_');
        assertEquals(201, Upload.post("/collections", "版本一.geojson", V1.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", id, "title_zh", "版本测试")).statusCode());
        String area2Before = sql("SELECT ST_Area(ST_Transform(geom, 4546)) FROM " + table + " WHERE id = 2");
        String rowsBefore = sql("SELECT string_agg(id || name_zh || ST_AsText(geom), ';' ORDER BY id) FROM " + table);
        HttpResponse<String> replaced = Upload.put("/collections/" + id + "/items", "版本二.geojson", V2.getBytes(StandardCharsets.UTF_8),
                Upload.fields());
        assertEquals(200, replaced.statusCode(), replaced.body());

        JsonNode versions = json.readTree(TestServer.get("/collections/" + id + "/versions").body()).get("versions");
        assertEquals(2, versions.size());
        JsonNode v1 = versions.get(0);
        JsonNode v2 = versions.get(1);
        assertEquals("create", v1.get("action").asText());
        assertEquals("replace", v2.get("action").asText());
        assertEquals(4, v1.get("featureCount").asLong());
        assertEquals(4, v2.get("featureCount").asLong());
        assertEquals("版本一.geojson", v1.get("fileName").asText());
        assertEquals(sha256(V1), v1.get("fileSha256").asText(), "the checksum of the file as uploaded");
        assertTrue(v1.get("createdBy").asText().startsWith("editor-"));
        assertTrue(v2.get("current").asBoolean() && !v1.get("current").asBoolean() && v1.get("rowsKept").asBoolean());

        // The old version through items, tiles and export; the current data unchanged by reading it.
        assertEquals(Set.of("1", "2", "3", "4"), ids(TestServer.get("/collections/" + id + "/items?version=1").body()));
        assertEquals(Set.of("1", "2", "4", "5"), ids(TestServer.get("/collections/" + id + "/items").body()));
        assertEquals(Set.of("1", "2", "4", "5"), ids(TestServer.get("/collections/" + id + "/items?version=2").body()));
        JsonNode old2 = json.readTree(TestServer.get("/collections/" + id + "/items/2?version=1").body());
        assertEquals(0.002, old2.at("/geometry/coordinates/0/0/1/0").asDouble() - old2.at("/geometry/coordinates/0/0/0/0").asDouble(), 1e-9);
        String tile = TileMath.tileOf(LON + 0.006, LAT + 0.001, 12);  // all five squares in one tile
        assertEquals(Set.of(1L, 2L, 3L, 4L), tileIds("/collections/" + id + "/tiles/WebMercatorQuad/" + tile + "?version=1"));
        assertEquals(Set.of(1L, 2L, 4L, 5L), tileIds("/collections/" + id + "/tiles/WebMercatorQuad/" + tile));
        HttpResponse<String> export = TestServer.get("/collections/" + id + "/export?format=geojson&version=1");
        assertEquals(200, export.statusCode());
        assertEquals(Set.of("1", "2", "3", "4"), exportedIds(export.body()));
        assertEquals(404, TestServer.get("/collections/" + id + "/items?version=9").statusCode());
        assertEquals(400, TestServer.get("/collections/" + id + "/items?version=first").statusCode());

        // The difference, feature by feature.
        JsonNode diff = json.readTree(TestServer.get("/collections/" + id + "/diff?from=1").body());
        assertEquals(1, diff.at("/summary/added").asInt());
        assertEquals(1, diff.at("/summary/removed").asInt());
        assertEquals(2, diff.at("/summary/changed").asInt());
        for (JsonNode f : diff.get("features")) {
            String change = f.at("/properties/change").asText();
            switch (f.get("id").asText()) {
                case "5" -> assertEquals("added", change);
                case "3" -> assertEquals("removed", change);
                case "4" -> {
                    assertEquals("changed", change);
                    assertEquals("[\"name_zh\"]", f.at("/properties/changed").toString());
                    assertEquals("丁", f.at("/properties/before/name_zh").asText());
                    assertEquals("丁改", f.at("/properties/after/name_zh").asText());
                }
                case "2" -> {
                    assertEquals("changed", change);
                    assertEquals("[\"geometry\"]", f.at("/properties/changed").toString());
                    // Area change checked against the Gauss–Krüger plane (CM 108E), not the product's ellipsoidal sum.
                    double expected = Double.parseDouble(sql("SELECT ST_Area(ST_Transform(ST_GeomFromGeoJSON('"
                            + json.readTree(V2).at("/features/1/geometry") + "'), 4546))")) - Double.parseDouble(area2Before);
                    assertEquals(expected, f.at("/properties/area_change_m2").asDouble(), Math.abs(expected) * 2e-3);
                }
                default -> throw new AssertionError("feature " + f.get("id") + " did not change: " + f);
            }
        }

        // Roll back: a new version equal to version 1.
        HttpResponse<String> rolled = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/collections/" + id
                + "/versions/1/rollback")).header("Authorization", "Bearer " + TestDatabase.EDITOR_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, rolled.statusCode(), rolled.body());
        JsonNode v3 = json.readTree(rolled.body());
        assertEquals(3, v3.get("version").asInt());
        assertEquals(1, v3.get("restoredFrom").asInt());
        assertEquals(v1.get("checksum").asText(), v3.get("checksum").asText(), "the same rows, the same checksum");
        assertEquals(rowsBefore, sql("SELECT string_agg(id || name_zh || ST_AsText(geom), ';' ORDER BY id) FROM " + table));
        assertEquals(0, json.readTree(TestServer.get("/collections/" + id + "/diff?from=1&to=3").body()).get("features").size());
        assertEquals(Set.of("1", "2", "4", "5"), ids(TestServer.get("/collections/" + id + "/items?version=2").body()),
                "the replaced version is kept in its turn");
        assertTrue(sql("SELECT count(*) FROM audit.event WHERE action = 'rollback' AND collection_id = '" + id + "'").equals("1"));
        assertEquals(409, TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/collections/" + id
                + "/versions/3/rollback")).header("Authorization", "Bearer " + TestDatabase.EDITOR_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode(), "the current version is not rolled back to");
    }

    @Test
    void copiesPastTheRetentionSettingAreDropped() throws Exception {
        String id = "test-retention-" + System.nanoTime() % 1_000_000;
        String table = "imported." + id.replace('-', '_');
        assertEquals(201, Upload.post("/collections", "r.geojson", V1.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", id, "title_zh", "保留测试")).statusCode());
        LayerVersions keepOne = new LayerVersions(TestDatabase.dataSource(), 1);
        CollectionInfo live = new Catalog(TestDatabase.dataSource()).find(id).orElseThrow();
        for (int round = 1; round <= 3; round++) {
            try (Connection c = TestDatabase.dataSource().getConnection()) {
                c.setAutoCommit(false);
                int previous = keepOne.keepCurrent(c, live);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE " + table + " SET name_zh = name_zh || '" + round + "'");
                }
                keepOne.recordNew(c, live, previous, new LayerVersions.Source("replace", "test", null, null, null));
                c.commit();
            }
        }
        // Versions 1–4; only the newest past one (3) keeps its rows.
        JsonNode versions = json.readTree(TestServer.get("/collections/" + id + "/versions").body()).get("versions");
        assertEquals(4, versions.size());
        assertEquals("[false,false,true,true]", versions.findValuesAsText("rowsKept").toString().replace(" ", ""));
        assertEquals("0", sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'layer_history' AND tablename IN "
                + "(SELECT 'v' || id FROM layer_version WHERE collection_id = '" + id + "' AND version < 3)"));
        assertEquals(410, TestServer.get("/collections/" + id + "/items?version=1").statusCode());
        assertEquals(200, TestServer.get("/collections/" + id + "/items?version=3").statusCode());
    }

    private static Set<String> ids(String featureCollection) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode f : json.readTree(featureCollection).get("features")) ids.add(f.get("id").asText());
        return ids;
    }

    private static Set<String> exportedIds(String featureCollection) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode f : json.readTree(featureCollection).get("features")) {
            ids.add(f.has("id") ? f.get("id").asText() : f.at("/properties/id").asText());
        }
        return ids;
    }

    private static Set<Long> tileIds(String path) throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes(path);
        assertEquals(200, r.statusCode(), path);
        return new TreeSet<>(MvtReader.layers(r.body()).get(0).featureIds());
    }

    static String sql(String query) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(query);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
