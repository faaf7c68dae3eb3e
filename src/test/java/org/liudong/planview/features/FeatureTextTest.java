package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.db.Sql;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * The Features of a page are, byte for byte, what PostgreSQL's json_build_object writes for the
 * same rows (the server joins the members as text instead, to spare PostgreSQL parsing every
 * geometry again): escaped and Chinese text, SQL NULLs, jsonb, dates, numerics, both axis orders.
 */
class FeatureTextTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final String PAGE_START = "{\"type\":\"FeatureCollection\",\"features\":[\n";

    @BeforeAll
    static void layer() {
        TestLayers.ensure();
    }

    /** The Features as json_build_object writes them, ordered by id, properties in the server's order. */
    private static List<String> fromJsonBuildObject(List<String> properties, String geometry) throws Exception {
        List<String> args = new ArrayList<>();
        for (String p : properties) args.add("'" + p + "', " + Sql.ident(p));
        String sql = "SELECT json_build_object('type', 'Feature', 'id', id, 'geometry', " + geometry + "::json, 'properties', "
                + "json_build_object(" + String.join(", ", args) + "))::text FROM test_fixture_parcel ORDER BY id";
        List<String> features = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) features.add(rs.getString(1));
        }
        return features;
    }

    private static List<String> propertyNames(JsonNode feature) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = feature.get("properties").fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    @Test
    void aPageHoldsExactlyWhatJsonBuildObjectWrites() throws Exception {
        String[][] cases = {
                {"", "ST_AsGeoJSON(geom, 7, 0)"},
                {"&crs=http://www.opengis.net/def/crs/EPSG/0/4326", "ST_AsGeoJSON(ST_FlipCoordinates(geom), 7, 0)"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = TestServer.get(FeaturesCoreTest.ITEMS + "?limit=1000" + c[0]);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode page = json.readTree(r.body());
            assertEquals(TestLayers.PARCEL_COUNT, page.get("numberReturned").asInt());
            List<String> names = propertyNames(page.get("features").get(0));
            assertEquals(8, names.size(), "every column but the id and the geometry: " + names);
            String expected = PAGE_START + String.join(",\n", fromJsonBuildObject(names, c[1])) + "\n],";
            assertTrue(r.body().startsWith(expected), "the features of " + c[0] + " as json_build_object writes them");
        }
    }

    @Test
    void oneFeatureToo() throws Exception {
        HttpResponse<String> r = TestServer.get(FeaturesCoreTest.ITEMS + "/7", "application/geo+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode f = json.readTree(r.body());
        assertTrue(f.at("/properties/status").isNull(), "parcel 7 has no status: " + f);
        String written = fromJsonBuildObject(propertyNames(f), "ST_AsGeoJSON(geom, 7, 0)").get(7);
        // The links are the Feature's last member, spliced in before its closing brace.
        assertTrue(r.body().startsWith(written.substring(0, written.length() - 1) + ", \"links\" : ["), r.body());
    }
}
