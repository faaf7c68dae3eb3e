package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Scope respected: the `projects` collection — the map's layer, the API's default, its totals and
 * its tiles — holds the projects the texts place in Liudong and no others; `projects-all` keeps
 * every project, filterable by `scope`. Expected figures come from plain SQL on the table.
 */
class ProjectScopeTest {
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

    private static long matched(String pathAndQuery) throws Exception {
        HttpResponse<String> r = TestServer.get(pathAndQuery, "application/geo+json");
        assertEquals(200, r.statusCode(), pathAndQuery + " → " + r.body());
        return json.readTree(r.body()).get("numberMatched").asLong();
    }

    @Test
    void theApiShowsAndCountsLiudongProjectsByDefault() throws Exception {
        TestServer.baseUrl();
        long liudong = sql("SELECT count(*) FROM project WHERE scope = 'liudong'");
        long all = sql("SELECT count(*) FROM project");
        assertTrue(all > liudong && liudong > 150, all + " projects, " + liudong + " in Liudong");
        assertEquals(liudong, matched("/collections/projects/items?limit=1"));
        assertEquals(0, matched("/collections/projects/items?limit=1&scope=unclear"), "the Liudong layer has nothing else");
        assertEquals(all, matched("/collections/projects-all/items?limit=1"));
        for (String scope : List.of("city-level", "unclear")) {
            long expected = sql("SELECT count(*) FROM project WHERE scope = ?", scope);
            assertTrue(expected > 0, scope);
            assertEquals(expected, matched("/collections/projects-all/items?limit=1&scope=" + scope), scope);
        }
        JsonNode totals = json.readTree(TestServer.get("/web/collections/projects/totals").body());
        assertEquals(liudong, totals.get("numberMatched").asLong(), "the totals count Liudong projects only");
        // the audit's cases are not drawn as Liudong projects
        for (String name : List.of("柳州综合保税区", "中意科技企业孵化器", "中意可再生能源研究中心", "柳州离岸创新创业中心",
                "中国二手车出口基地（柳州）", "国家车联网先导区（柳州）")) {
            assertEquals(1, sql("SELECT count(*) FROM project WHERE name_zh = ? AND scope <> 'liudong'", name), name);
        }
    }

    @Test
    void theProjectTilesDrawLiudongProjectsOnly() throws Exception {
        // one z6 tile holds the whole district: count the points it draws
        double[][] corners = {{109.40, 24.20}, {109.80, 24.60}};
        String tile = TilesTest.tileOf(corners[0][0], corners[0][1], 6);
        assertEquals(tile, TilesTest.tileOf(corners[1][0], corners[1][1], 6), "the district fits one z6 tile");
        long inFrame = sql("SELECT count(*) FROM project WHERE scope = 'liudong'"
                + " AND ST_Intersects(geom, ST_MakeEnvelope(109.40, 24.20, 109.80, 24.60, 4490))");
        assertEquals(sql("SELECT count(*) FROM project WHERE scope = 'liudong'"), inFrame, "every Liudong project is in the frame");
        assertEquals(inFrame, features("projects", tile));
        assertEquals(sql("SELECT count(*) FROM project"), features("projects-all", tile));
    }

    private static long features(String collection, String tile) throws Exception {
        HttpResponse<byte[]> r = TilesTest.get("/collections/" + collection + "/tiles/WebMercatorQuad/" + tile);
        assertEquals(200, r.statusCode(), collection);
        return MvtReader.layers(r.body()).stream().mapToLong(l -> l.featureIds().size()).sum();
    }
}
