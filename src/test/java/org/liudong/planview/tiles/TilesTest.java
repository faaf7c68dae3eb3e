package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liudong.planview.features.TestLayers;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;

/** Vector tiles from ST_AsMVT: content, caching headers, gzip, empty tiles and bad coordinates. */
class TilesTest {
    static final ObjectMapper json = new ObjectMapper();
    static final String TILES = "/collections/" + TestLayers.PARCELS + "/tiles/WebMercatorQuad";

    @BeforeAll
    static void layer() {
        TestLayers.ensure();
    }

    static String tileOf(double lon, double lat, int z) {
        return TileMath.tileOf(lon, lat, z);
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return TestServer.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void tileCarriesTheLayerAndItsStylingAttributes() throws Exception {
        HttpResponse<byte[]> r = get(TILES + "/" + tileOf(109.42, 24.37, 14));
        assertEquals(200, r.statusCode());
        assertEquals(TileRoutes.MVT, r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("ETag").orElse("").matches("W/\"\\d+-[0-9a-f]{12}\""), r.headers().toString());
        assertEquals("public, max-age=60", r.headers().firstValue("Cache-Control").orElse(""));
        String text = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertEquals(0x1a, r.body()[0], "an MVT starts with a layer (field 3)");
        assertTrue(text.contains(TestLayers.PARCELS), "layer name");
        assertTrue(text.contains("code") && text.contains("land_use") && text.contains("area_ha"), "tile properties");
        assertTrue(!text.contains("approved"), "only the catalogue's tile properties");
        assertTrue(text.contains("P-0"), "parcel codes");
        var layers = MvtReader.layers(r.body());
        assertEquals(1, layers.size());
        var layer = layers.get(0);
        assertEquals(TestLayers.PARCELS, layer.name());
        assertEquals(java.util.Set.of("id", "code", "land_use", "area_ha"), new java.util.HashSet<>(layer.keys()));
        assertTrue(layer.featureIds().size() > 10, "parcels in the tile: " + layer.featureIds().size());
        assertTrue(layer.featureIds().stream().allMatch(id -> id >= 0 && id < TestLayers.PARCEL_COUNT), "MVT feature ids are the parcel ids");
    }

    @Test
    void etagGivesNotModified() throws Exception {
        String path = TILES + "/" + tileOf(109.42, 24.37, 13);
        HttpResponse<byte[]> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> other = get(path, "If-None-Match", "\"0000\"");
        assertEquals(200, other.statusCode());
    }

    @Test
    void gzipWhenAccepted() throws Exception {
        String path = TILES + "/" + tileOf(109.42, 24.37, 12);
        HttpResponse<byte[]> plain = get(path);
        HttpResponse<byte[]> zipped = get(path, "Accept-Encoding", "gzip");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertArrayEquals(plain.body(), unzipped, "gzipped once, same tile");
        assertTrue(zipped.body().length < plain.body().length);
        assertTrue(zipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
    }

    @Test
    void emptyAndBelowMinimumZoomAre204() throws Exception {
        assertEquals(204, get(TILES + "/" + tileOf(0, 0, 14)).statusCode());
        assertEquals(204, get(TILES + "/" + tileOf(109.42, 24.37, 4)).statusCode(), "test layer starts at z5");
        assertEquals(200, get(TILES + "/" + tileOf(109.42, 24.37, 5)).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"25/0/0", "a/0/0", "3/8/0", "3/0/8", "-1/0/0", "3/0/1.5", "99999999999/0/0", "3/0/0?x=1"})
    void badTileCoordinatesAre400(String zyx) throws Exception {
        HttpResponse<byte[]> r = get(TILES + "/" + zyx);
        assertEquals(400, r.statusCode(), zyx + " → " + new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void unknownCollectionIs404() throws Exception {
        assertEquals(404, get("/collections/nope/tiles/WebMercatorQuad/1/0/0").statusCode());
    }

    @Test
    void parcelTilesAreCutFromTheStoredMercatorGeometryWithItsIndex() throws Exception {
        var parcels = new org.liudong.planview.catalog.Catalog(org.liudong.planview.testing.TestDatabase.dataSource())
                .find("land-parcels").orElseThrow();
        assertEquals("geom_3857", parcels.tiles().geometryColumn());
        String[] zyx = tileOf(109.45, 24.35, 15).split("/");
        var st = TileSql.tile(parcels, Integer.parseInt(zyx[0]), Integer.parseInt(zyx[2]), Integer.parseInt(zyx[1]));
        StringBuilder plan = new StringBuilder();
        try (var c = org.liudong.planview.testing.TestDatabase.dataSource().getConnection(); var ps = c.prepareStatement("EXPLAIN " + st.sql())) {
            for (int i = 0; i < st.params().size(); i++) ps.setObject(i + 1, st.params().get(i));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
        }
        assertTrue(plan.toString().contains("land_parcel_geom_3857_gix"), plan.toString());
        assertTrue(!st.sql().contains("ST_Transform(t."), "no per-row transform: " + st.sql());
        try (var c = org.liudong.planview.testing.TestDatabase.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM land_parcel WHERE geom_3857 IS NULL "
                     + "OR NOT ST_Equals(ST_SnapToGrid(geom_3857, 0.01), ST_SnapToGrid(ST_Transform(geom, 3857), 0.01))")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the stored Web Mercator copy matches every parcel");
        }
    }

    @Test
    void tileJsonDescribesTheTiles() throws Exception {
        HttpResponse<String> r = TestServer.get(TILES);
        assertEquals(200, r.statusCode());
        JsonNode t = json.readTree(r.body());
        assertEquals("3.0.0", t.get("tilejson").asText());
        assertTrue(t.at("/tiles/0").asText().endsWith(TILES + "/{z}/{y}/{x}"));
        assertEquals(5, t.get("minzoom").asInt());
        assertEquals(TestLayers.PARCELS, t.at("/vector_layers/0/id").asText());
        assertEquals("String", t.at("/vector_layers/0/fields/code").asText());
        assertEquals(109.40, t.at("/bounds/0").asDouble(), 1e-6);
        assertEquals(200, TestServer.get("/collections/" + TestLayers.PARCELS + "/tiles").statusCode());
    }
}
