package org.liudong.planview.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** GET /named-places: what the texts name without placing it, answered with the quote and no position. */
class NamedPlaceRoutesTest {
    static final ObjectMapper json = new ObjectMapper();

    private static long sql(String query, Object... params) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonNode get(String q) throws Exception {
        HttpResponse<String> r = TestServer.get("/named-places" + (q == null ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    @Test
    void everyItemHasItsQuoteAndNoPosition() throws Exception {
        JsonNode all = get(null);
        assertEquals(sql("SELECT count(*) FROM named_place"), all.get("numberMatched").asLong());
        assertTrue(all.get("numberMatched").asLong() >= 20);
        for (JsonNode item : all.get("items")) {
            assertTrue(item.has("position") && item.get("position").isNull(), item.toString());
            assertTrue(item.at("/source/quote").asText().length() > 4 && item.at("/source/title").asText().length() > 4, item.toString());
        }
    }

    @Test
    void aVillageIsFoundWithItsHamletsAndTheSentenceThatNamesIt() throws Exception {
        JsonNode found = get("盘古村");
        assertEquals(sql("SELECT count(*) FROM named_place WHERE name_zh LIKE '%盘古村%' OR part_of = '盘古村'"),
                found.get("numberMatched").asLong());
        JsonNode first = found.at("/items/0");
        assertEquals("盘古村", first.get("name_zh").asText(), "the exact name first");
        assertTrue(first.at("/source/quote").asText().contains("盘古村"));
        assertEquals(1, sql("SELECT count(*) FROM source_document WHERE file = ? AND title_zh = ?",
                first.at("/source/file").asText(), first.at("/source/title").asText()));
        assertEquals(1, get("柳铁一中").get("numberMatched").asLong());
        assertEquals(0, get("%").get("numberMatched").asLong(), "the text is matched literally");
    }

    @Test
    void aCallersMistakeIsAProblem() {
        for (String bad : new String[] {"?q=", "?q=%20%20", "?q=" + "村".repeat(51), "?name=秀水"}) {
            HttpResponse<String> r = TestServer.get("/named-places" + bad);
            assertEquals(400, r.statusCode(), bad + " → " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(r.body().contains("\"detail\""), r.body());
        }
    }
}
