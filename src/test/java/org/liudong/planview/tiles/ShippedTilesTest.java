package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.liudong.planview.features.ShippedLayersTest;
import org.liudong.planview.testing.TestServer;

/** Every shipped layer draws as vector tiles where it has features. */
class ShippedTilesTest {
    static final ObjectMapper json = new ObjectMapper();

    @Test
    void everyCollectionDrawsAsVectorTiles() throws Exception {
        for (String id : ShippedLayersTest.EXPECTED.keySet()) {
            JsonNode tj = json.readTree(TestServer.get("/collections/" + id + "/tiles/WebMercatorQuad").body());
            double lon = tj.at("/center/0").asDouble(), lat = tj.at("/center/1").asDouble();
            int z = Math.max(tj.get("minzoom").asInt(), 12);
            // the tile of a feature's own point, so that it cannot be empty
            JsonNode f = json.readTree(TestServer.get("/collections/" + id + "/items?limit=1", "application/geo+json").body()).at("/features/0/geometry");
            JsonNode p = f.has("coordinates") ? f.get("coordinates") : f.at("/geometries/0/coordinates");
            while (p.get(0).isArray()) p = p.get(0);
            lon = p.get(0).asDouble();
            lat = p.get(1).asDouble();
            HttpResponse<byte[]> t = TilesTest.get("/collections/" + id + "/tiles/WebMercatorQuad/"
                    + TilesTest.tileOf(lon, lat, z));
            assertEquals(200, t.statusCode(), id + " at z" + z + " " + lon + "," + lat);
            assertTrue(new String(t.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(id), id);
        }
    }

}
