package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;

/**
 * Below z14 parcel tiles come from the generalised overview grid (V7) while it is current, and
 * from the parcels themselves once they changed; the refresher brings the grid back.
 */
class ParcelOverviewTest {

    @Test
    void theGridAccountsForEveryParcelWithTheLandUseOfMostArea() throws Exception {
        TestDatabase.dataSource();
        assertTrue(fresh(), "the grid is current after the parcels are loaded");
        long parcels = scalar("SELECT count(*) FROM land_parcel");
        assertTrue(parcels > 0);
        assertEquals(parcels, scalar("SELECT sum(parcel_count) FROM land_parcel_overview WHERE level = 12"));
        assertEquals(parcels, scalar("SELECT sum(parcel_count) FROM land_parcel_overview WHERE level = 13"));
        // The fullest level-13 cell, recomputed from the parcels whose bounding-box centre lies in it.
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     WITH cell AS (SELECT * FROM land_parcel_overview WHERE level = 13 ORDER BY parcel_count DESC, cx, cy LIMIT 1)
                     SELECT cell.land_use_code,
                            (SELECT p.land_use_code FROM land_parcel p
                             WHERE ST_Contains(cell.geom_3857, ST_Centroid(ST_Envelope(p.geom_3857)))
                             GROUP BY p.land_use_code ORDER BY sum(p.area_ha) DESC, p.land_use_code LIMIT 1),
                            cell.parcel_count,
                            (SELECT count(*) FROM land_parcel p WHERE ST_Contains(cell.geom_3857, ST_Centroid(ST_Envelope(p.geom_3857))))
                     FROM cell""")) {
            assertTrue(rs.next());
            assertEquals(rs.getString(2), rs.getString(1), "dominant land use by area");
            assertEquals(rs.getLong(4), rs.getLong(3), "parcels in the cell");
        }
    }

    @Test
    void smallZoomsDrawTheGridWhileItIsCurrentAndTheParcelsOtherwise() throws Exception {
        TestDatabase.dataSource();
        // No background refresh during the test: staleness must stay until we refresh.
        try (App app = App.start(TestDatabase.settings(Map.of("PLANVIEW_OVERVIEW_CHECK_SECONDS", "86400")))) {
            String base = "http://127.0.0.1:" + app.port();
            String z12 = base + "/collections/land-parcels/tiles/WebMercatorQuad/" + parcelTile(12);
            String z14 = base + "/collections/land-parcels/tiles/WebMercatorQuad/" + parcelTile(14);

            MvtReader.Layer grid = layer(z12);
            assertTrue(grid.keys().containsAll(List.of("land_use_code", "land_use_name", "parcel_count", "overview")), grid.keys().toString());
            assertFalse(grid.featureIds().isEmpty());
            assertTrue(grid.featureIds().stream().allMatch(id -> id == -1), "grid cells are not features of the collection: no ids");
            MvtReader.Layer rows = layer(z14);
            assertTrue(rows.keys().contains("parcel_code"), "z14 and up: the parcels themselves");
            assertFalse(rows.keys().contains("overview"));

            try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE land_parcel SET status = status WHERE id = (SELECT min(id) FROM land_parcel)");
            }
            assertFalse(fresh(), "any statement on land_parcel makes the grid stale");
            MvtReader.Layer stale = layer(z12);
            assertTrue(stale.keys().contains("parcel_code"), "a stale grid is never drawn: " + stale.keys());
            assertTrue(stale.featureIds().stream().allMatch(id -> id >= 0), "parcels carry their ids");

            new OverviewRefresher(TestDatabase.dataSource(), new Catalog(TestDatabase.dataSource()))
                    .refreshAll();
            assertTrue(fresh());
            assertTrue(layer(z12).keys().contains("overview"), "the grid again once rebuilt");
        }
    }

    private static MvtReader.Layer layer(String url) throws Exception {
        HttpResponse<byte[]> r = TestServer.client().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        List<MvtReader.Layer> layers = MvtReader.layers(r.body());
        assertEquals(1, layers.size());
        assertEquals("land-parcels", layers.get(0).name());
        return layers.get(0);
    }

    /** The tile at zoom z holding the first parcel's bounding-box centre. */
    private static String parcelTile(int z) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Centroid(ST_Envelope(geom)) p "
                     + "FROM land_parcel ORDER BY id LIMIT 1) s")) {
            rs.next();
            return TileMath.tileOf(rs.getDouble(1), rs.getDouble(2), z);
        }
    }

    private static boolean fresh() throws SQLException {
        return scalar("SELECT count(*) FROM land_parcel_overview_state WHERE built_version = version") == 1;
    }

    private static long scalar(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
