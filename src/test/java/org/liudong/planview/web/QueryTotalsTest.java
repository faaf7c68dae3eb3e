package org.liudong.planview.web;

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

class QueryTotalsTest {
    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void countAndAreaSumsEqualTheDatabaseForACql2Filter() throws Exception {
        String filter = "status IN ('已出让','已储备') AND area_ha >= 1";
        HttpResponse<String> r = TestServer.get("/web/collections/land-parcels/totals?sum=area_ha,area_mu&filter-lang=cql2-text&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json.readTree(r.body());
        String sql = "SELECT count(*), sum(area_ha), sum(area_mu) FROM land_parcel WHERE status IN ('已出让','已储备') AND area_ha >= 1";
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertTrue(rs.getLong(1) > 0, "the shipped parcels match");
            assertEquals(rs.getLong(1), body.get("numberMatched").asLong());
            assertEquals(rs.getDouble(2), body.get("sums").get("area_ha").asDouble(), 1e-6);
            assertEquals(rs.getDouble(3), body.get("sums").get("area_mu").asDouble(), 1e-6);
        }
    }

    @Test
    void callerMistakesAreProblemsThatSayWhatWasWrong() throws Exception {
        assertProblem("/web/collections/land-parcels/totals?sum=parcel_code", 400, "not numeric");
        assertProblem("/web/collections/land-parcels/totals?sum=no_such_column", 400, "no property 'no_such_column'");
        assertProblem("/web/collections/land-parcels/totals?filter=area_ha%20%3E%3D", 400, "filter");
        assertProblem("/web/collections/land-parcels/totals?colour=red", 400, "colour");
        assertProblem("/web/collections/nothing-here/totals", 404, "nothing-here");
    }

    private static void assertProblem(String path, int status, String detailContains) throws Exception {
        HttpResponse<String> r = TestServer.get(path);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
        assertTrue(json.readTree(r.body()).get("detail").asText().contains(detailContains), r.body());
    }
}
