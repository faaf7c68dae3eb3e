package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.testing.TestServer;

/** Exports of the shipped layers (loaded from gis-data/ into the test database) through the real server. */
class ShippedLayersExportTest {
    @TempDir
    Path tmp;

    /**
     * The shipped spatial_structure table is served as one collection per geometry type; a layer
     * that mixes types (a planner's own, here the whole table under a test id) is exported as one
     * shapefile per type.
     */
    @Test
    void aMixedLayerIsSplitIntoOneShapefilePerGeometryType() throws Exception {
        String mixed = "test-mixed-structure";
        try (java.sql.Connection c = org.liudong.planview.testing.TestDatabase.dataSource().getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM collection WHERE id = '" + mixed + "'");
            st.execute("INSERT INTO collection (id, table_name, title_zh, title_en, group_id) "
                    + "VALUES ('" + mixed + "', 'spatial_structure', '混合', 'Mixed', 'imported')");
        }
        try {
            exportMixed(mixed);
        } finally {
            try (java.sql.Connection c = org.liudong.planview.testing.TestDatabase.dataSource().getConnection();
                 java.sql.Statement st = c.createStatement()) {
                st.execute("DELETE FROM collection WHERE id = '" + mixed + "'");
            }
        }
    }

    private void exportMixed(String mixed) throws Exception {
        long matched = ImportExportHttpTest.numberMatched("/collections/" + mixed + "/items");
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + mixed + "/export?format=shapefile");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        ExchangeFixtures.unzip(r.body(), tmp);
        List<Path> shapefiles;
        try (Stream<Path> files = Files.list(tmp)) {
            shapefiles = files.filter(p -> p.toString().endsWith(".shp")).sorted().toList();
        }
        assertTrue(shapefiles.size() >= 2, "mixed geometry types give several shapefiles: " + shapefiles);
        long total = 0;
        for (Path shp : shapefiles) {
            OgrInfo.Layer l = OgrInfo.summary(shp).get(0);
            assertTrue(l.srsIs(4490), l.srs());
            assertTrue(l.fields().contains("name_zh") && l.fields().contains("geometry_q"), l.fields().toString());
            total += l.features();
        }
        assertEquals(matched, total);
        String all = Files.readString(tmp.resolve("fields.csv"), StandardCharsets.UTF_8);
        assertTrue(all.contains("geometry_q,geometry_quality,几何精度"), all);
    }

    @Test
    void filteredParcelsInGbkForOldArcGis() throws Exception {
        String filter = URLEncoder.encode("land_use_code = '1001' AND area_ha > 1", StandardCharsets.UTF_8);
        String query = "filter-lang=cql2-text&filter=" + filter + "&bbox=" + URLEncoder.encode("109.3,24.2,109.8,24.6", StandardCharsets.UTF_8);
        long matched = ImportExportHttpTest.numberMatched("/collections/land-parcels/items?" + query);
        assertTrue(matched > 0, "some industrial parcels over 1 ha");
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/land-parcels/export?format=shapefile&encoding=GBK&crs=EPSG:4545&" + query);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        ExchangeFixtures.unzip(r.body(), tmp);
        OgrInfo.Layer l = OgrInfo.summary(tmp.resolve("land-parcels.shp")).get(0);
        assertEquals(matched, l.features());
        assertTrue(l.srsIs(4545), l.srs());
        assertTrue(OgrInfo.features(tmp.resolve("land-parcels.shp")).contains("工业用地"), "land-use name readable");
        String dbf = new String(Files.readAllBytes(tmp.resolve("land-parcels.dbf")), java.nio.charset.Charset.forName("GBK"));
        assertTrue(dbf.contains("工业用地"), "the .dbf holds GBK bytes");
    }
}
