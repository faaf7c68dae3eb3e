package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * {@code datetime} (OGC API – Features Part 1) selects by the property the catalogue names as a
 * collection's time — projects: the year of their latest reported status — and a malformed value
 * is a 400. Every count is checked against plain SQL.
 */
class DateTimeTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final String PROJECTS = "/collections/projects/items";
    private static final String DATED = "test-dated";

    @BeforeAll
    static void datedLayer() throws Exception {
        TestLayers.ensure();
        // The test parcels again, with their approval date as the collection's time.
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM collection WHERE id = '" + DATED + "'");
            st.execute("INSERT INTO collection (id, table_name, title_zh, title_en, group_id, temporal_property) "
                    + "VALUES ('" + DATED + "', 'test_fixture_parcel', '测试日期', 'Dated', 'imported', 'approved')");
        }
    }

    @AfterAll
    static void dropDatedLayer() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM collection WHERE id = '" + DATED + "'");
        }
    }

    private static long matched(String path, String datetime) throws Exception {
        HttpResponse<String> r = TestServer.get(path + "?datetime=" + URLEncoder.encode(datetime, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), datetime + " → " + r.body());
        return json.readTree(r.body()).get("numberMatched").asLong();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-01-01/2023-12-31|status_year = 2023",
            "2023-05-01|status_year = 2023",
            "2022-06-15T08:00:00+08:00|status_year = 2022",
            "2022-12-31T20:00:00-08:00|status_year = 2023",
            "../2021-12-31|status_year <= 2021",
            "2023-01-01T00:00:00Z/..|status_year >= 2023",
            "/2022-06-30|status_year <= 2022",
            "2022-01-01/P1Y|status_year = 2022",
            "2021-07-01/2022-07-01|status_year BETWEEN 2021 AND 2022",
    })
    void projectsAreSelectedByTheYearOfTheirLatestStatus(String datetime, String where) throws Exception {
        // The projects collection is the projects the texts place in Liudong (scope, issue 12).
        long expected = ShippedLayersTest.sql("SELECT count(*) FROM project WHERE scope = 'liudong' AND " + where);
        assertTrue(expected > 0, where);
        assertEquals(expected, matched(PROJECTS, datetime), datetime);
    }

    @Test
    void aDateIsAWholeDayInUtcAndAnIntervalIsInclusive() throws Exception {
        assertEquals(ShippedLayersTest.sql("SELECT count(*) FROM test_fixture_parcel WHERE approved = DATE '2020-01-10'"),
                matched("/collections/" + DATED + "/items", "2020-01-10"));
        // 23:30 at UTC−1 is 00:30 UTC the next day
        assertEquals(ShippedLayersTest.sql("SELECT count(*) FROM test_fixture_parcel WHERE approved = DATE '2020-01-11'"),
                matched("/collections/" + DATED + "/items", "2020-01-10T23:30:00-01:00"));
        assertEquals(ShippedLayersTest.sql("SELECT count(*) FROM test_fixture_parcel WHERE approved BETWEEN '2020-01-01' AND '2020-01-31'"),
                matched("/collections/" + DATED + "/items", "2020-01-01/2020-01-31"));
        assertEquals(31, matched("/collections/" + DATED + "/items", "2020-01-01/2020-01-31"));
    }

    @Test
    void aCollectionWithoutATimeIgnoresAValidDatetime() throws Exception {
        assertEquals(ShippedLayersTest.sql("SELECT count(*) FROM planning_area WHERE kind = 'zone'"),
                matched("/collections/planning-zones/items", "2023-01-01/2023-12-31"));
    }

    @Test
    void theCollectionSaysWhichPropertyIsItsTimeAndItsTemporalExtent() throws Exception {
        JsonNode c = json.readTree(TestServer.get("/collections/projects", "application/json").body());
        assertEquals("status_year", c.get("temporalProperty").asText());
        long first = ShippedLayersTest.sql("SELECT min(status_year) FROM project WHERE scope = 'liudong'");
        long last = ShippedLayersTest.sql("SELECT max(status_year) FROM project WHERE scope = 'liudong'");
        assertEquals(first + "-01-01T00:00:00Z", c.at("/extent/temporal/interval/0/0").asText());
        assertEquals(last + "-12-31T23:59:59Z", c.at("/extent/temporal/interval/0/1").asText());
        JsonNode zones = json.readTree(TestServer.get("/collections/planning-zones", "application/json").body());
        assertTrue(zones.at("/extent/temporal").isMissingNode(), zones.get("extent").toString());
        JsonNode q = json.readTree(TestServer.get("/collections/projects/queryables").body());
        assertEquals("primary-instant", q.at("/properties/status_year/x-ogc-role").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2023", "2023-13-01", "2023-02-30", "2023-05-01T08:00:00", "2023-05-01 08:00",
            "2024-01-01/2023-01-01", "../..", "/", "2021-01-01/2022-01-01/2023-01-01", "../P1Y", "2021-01-01/P", ""})
    void aMalformedDatetimeIs400(String datetime) throws Exception {
        String value = URLEncoder.encode(datetime, StandardCharsets.UTF_8);
        for (String url : new String[] {PROJECTS + "?datetime=" + value, "/collections/planning-zones/items?datetime=" + value,
                "/collections/projects/export?format=geojson&datetime=" + value}) {
            FeaturesBadInputTest.problem(url, 400, "datetime");
        }
    }
}
