package org.liudong.planview.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liudong.planview.testing.TestServer;

/** GET /indicators and /indicators/{id}: JSON and CSV against the loaded tables, and clear 4xx for mistakes. */
class IndicatorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = TestServer.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    @Test
    void everyIndicatorAndValueIsServedWithItsSource() throws Exception {
        JsonNode body = json("/indicators");
        long indicators = IndicatorProgressTest.rowsCount("SELECT count(*) FROM indicator");
        long values = IndicatorProgressTest.rowsCount("SELECT count(*) FROM indicator_value");
        assertEquals(indicators, body.path("numberMatched").asLong());
        assertEquals(indicators, body.path("indicators").size());
        int served = 0;
        for (JsonNode ind : body.path("indicators")) {
            for (JsonNode v : ind.path("values")) {
                served++;
                JsonNode s = v.path("source");
                assertTrue(s.path("quote").asText().contains(v.path("stated").asText()), v.path("id").asText());
                assertFalse(s.path("document_title_zh").asText().isBlank(), v.path("id") + " names its document");
                assertTrue(s.path("line").asInt() > 0);
            }
        }
        assertEquals(values, served);
        assertEquals(3, body.path("rules").size(), "the rules are served with the data");
    }

    @Test
    void oneIndicatorShowsItsConflictAndItsQuotes() throws Exception {
        JsonNode ind = json("/indicators/attracted_funds");
        assertEquals("招商引资到位资金", ind.path("name_zh").asText());
        assertTrue(ind.path("conflict").asBoolean());
        JsonNode conflict = ind.path("conflicts").get(0);
        assertEquals("2023", conflict.path("period").asText());
        assertEquals(2, conflict.path("value_ids").size());
        StringBuilder quotes = new StringBuilder();
        for (JsonNode v : ind.path("values")) quotes.append(v.path("source").path("quote").asText()).append('\n');
        assertTrue(quotes.toString().contains("招商引资到位资金完成120亿元"));
        assertTrue(quotes.toString().contains("到位资金140亿元"));
        assertEquals("柳东新区2023年高质量发展报告", ind.path("values").get(2).path("source").path("document_title_zh").asText());
    }

    @Test
    void aWarningComesWithItsRuleAndTheValuesItCompares() throws Exception {
        JsonNode ind = json("/indicators/land_supply");
        assertTrue(ind.path("warning").asBoolean());
        JsonNode p = ind.path("progress").get(0);
        assertEquals("behind", p.path("status").asText());
        assertTrue(p.path("rule_zh").asText().contains("直线"));
        assertEquals("1457.83亩", p.path("actual").path("stated").asText());
        assertEquals("6200亩以上", p.path("target").path("stated").asText());
        // share achieved: 1457.83 / 6200; expected: 6 of 12 months
        assertEquals(1457.83 / 6200, p.path("share").asDouble(), 1e-4);
        assertEquals(0.5, p.path("expected_share").asDouble(), 1e-9);
        // an implied rate names the levels it was derived from, though they belong to another indicator
        JsonNode implied = json("/indicators/gdp_growth_nominal_avg").path("progress").get(0);
        assertEquals("gdp", implied.path("base").path("indicator_id").asText());
        assertEquals("283.2亿元", implied.path("base").path("stated").asText());
    }

    @Test
    void filtersSelectByThemeScopeAndWarning() throws Exception {
        JsonNode land = json("/indicators?theme=land&scope=liudong");
        assertTrue(land.path("indicators").size() > 5);
        for (JsonNode i : land.path("indicators")) {
            assertEquals("land", i.path("theme").asText());
            assertEquals("liudong", i.path("scope").asText());
        }
        JsonNode warned = json("/indicators?warning=true");
        assertEquals(IndicatorProgressTest.rowsCount("SELECT count(DISTINCT indicator_id) FROM indicator_progress WHERE warning"),
                warned.path("numberMatched").asLong());
        for (JsonNode i : warned.path("indicators")) assertTrue(i.path("warning").asBoolean());
    }

    @Test
    void csvIsUtf8WithBomAndOneRowPerValueAndComparison() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/indicators?f=csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"));
        byte[] body = r.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 byte-order mark");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text);
        List<Map<String, String>> rows = it.readAll();
        // a value row per value, one more for each further comparison against the same target
        long expected = IndicatorProgressTest.rowsCount("""
                SELECT count(*) FROM indicator_value v LEFT JOIN indicator_progress p ON p.target_id = v.id""");
        assertEquals(expected, rows.size());
        Map<String, String> land = rows.stream().filter(x -> "1457.83亩".equals(x.get("stated"))).findFirst().orElseThrow();
        assertEquals("土地供应", land.get("name_zh"));
        assertEquals("何培俊同志在柳东新区年中工作会议上的讲话", land.get("document_title_zh"));
        assertTrue(land.get("quote").contains("完成土地供应1457.83亩"));
        Map<String, String> target = rows.stream().filter(x -> "6200亩以上".equals(x.get("stated"))).findFirst().orElseThrow();
        assertEquals("behind", target.get("progress_status"));
        assertEquals("true", target.get("warning"));

        HttpResponse<byte[]> one = TestServer.getBytes("/indicators/land_supply?f=csv");
        assertEquals(200, one.statusCode());
        assertEquals((byte) 0xEF, one.body()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/indicators?colour=red", "/indicators?theme=weather", "/indicators?scope=province",
            "/indicators?f=xlsx", "/indicators?warning=yes", "/indicators?theme=land&theme=green",
            "/indicators/land_supply?theme=land", "/indicators/Land-Supply", "/indicators/land_supply?f=pdf"})
    void mistakesAreA400ThatSaysWhatWasWrong(String path) throws Exception {
        HttpResponse<String> r = TestServer.get(path);
        assertEquals(400, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertFalse(p.path("detail").asText().isBlank());
        assertFalse(r.body().contains("Exception") || r.body().contains("SELECT"), r.body());
    }

    @Test
    void anUnknownIndicatorIsA404() throws Exception {
        HttpResponse<String> r = TestServer.get("/indicators/no_such_indicator");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(JSON.readTree(r.body()).path("detail").asText().contains("no_such_indicator"));
    }
}
