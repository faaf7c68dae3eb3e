package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

class WebConfigTest {
    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void givesTheLandUseClassesWithColoursAndWhichOnesTheParcelsUse() throws Exception {
        HttpResponse<String> r = TestServer.get("/config.json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json.readTree(r.body());
        // The test server has no 天地图 key: the page must not offer those basemaps, nor get a key.
        assertFalse(body.get("tianditu").get("enabled").asBoolean());
        assertFalse(body.get("tianditu").has("key"));

        Set<String> used = new HashSet<>();
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT land_use_code FROM land_parcel");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) used.add(rs.getString(1));
        }
        assertFalse(used.isEmpty(), "the shipped data has parcels");
        JsonNode classes = body.get("landUseClasses");
        Set<String> flagged = new HashSet<>();
        boolean industrial = false;
        for (JsonNode c : classes) {
            assertTrue(c.get("colour").asText().matches("#[0-9a-fA-F]{6}"), c.toString());
            if (c.get("used").asBoolean()) flagged.add(c.get("code").asText());
            if (c.get("code").asText().equals("1001")) {
                industrial = true;
                assertEquals("工业用地", c.get("name_zh").asText(), "Chinese survives the trip");
            }
        }
        assertTrue(industrial, "1001 工业用地 is listed");
        assertEquals(used, flagged, "classes flagged as used = the codes the parcels carry");
    }
}
