package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * 地块图则 from a parcel's popup: the boundary-point table equals PostGIS's ST_Transform of the
 * stored parcel into its 3° zone to the millimetre, and the sheet prints as one A4 page.
 */
class ParcelSheetBrowserTest {
    private static final double MM = 72 / 25.4;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser(TestServer.baseUrl());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void theSheetListsTheBoundaryPointsAsPostgisTransformsThem() throws Exception {
        // A parcel well inside one zone (away from 109.5°E, the zone boundary), near the district's middle.
        long id;
        double lon;
        double lat;
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, ST_X(p), ST_Y(p) FROM (SELECT id, ST_PointOnSurface(geom) p, area_ha FROM land_parcel) s
                WHERE abs(ST_X(p) - 109.5) > 0.02 ORDER BY ST_Distance(p, ST_SetSRID(ST_MakePoint(109.47, 24.36), 4490)) LIMIT 1""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
            lon = rs.getDouble(2);
            lat = rs.getDouble(3);
        }
        Page page = browser.newPage();
        try {
            browser.open(page, String.format(Locale.ROOT, "#map=17.00/%.6f/%.6f&basemap=none", lon, lat));
            page.waitForTimeout(1500);
            var box = page.locator("#map").boundingBox();
            page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
            page.waitForSelector("#identify[data-role=land_parcel] #identify-sheet", new Page.WaitForSelectorOptions().setTimeout(20_000));
            assertEquals(String.valueOf(id), page.getAttribute("#identify", "data-feature-id"));
            page.click("#identify-sheet");
            page.waitForSelector("#print-preview .parcel-sheet table.sheet-points tbody tr", new Page.WaitForSelectorOptions().setTimeout(90_000));
            page.waitForFunction("() => [...document.querySelectorAll('#print-preview img')].every((i) => i.complete && i.naturalWidth > 0)");

            String epsg = page.getAttribute("#print-preview .parcel-sheet", "data-epsg");
            assertEquals(lon < 109.5 ? "EPSG:4524" : "EPSG:4525", epsg, "the parcel's own 3° zone");
            @SuppressWarnings("unchecked")
            List<List<String>> rows = (List<List<String>>) page.evalOnSelectorAll("#print-preview table.sheet-points tbody tr",
                    "rows => rows.map(r => [...r.children].map(td => td.textContent))");
            List<double[]> expected = boundaryPoints(id, Integer.parseInt(epsg.substring(5)));
            assertEquals(expected.size(), rows.size(), "one row per boundary point, closing points left out");
            for (int i = 0; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                assertEquals("J" + (i + 1), r.get(0));
                assertEquals((int) expected.get(i)[0], Integer.parseInt(r.get(1)), "ring of J" + (i + 1));
                assertEquals(expected.get(i)[1], Double.parseDouble(r.get(2)), 0.0005, "X (northing) of J" + (i + 1));
                assertEquals(expected.get(i)[2], Double.parseDouble(r.get(3)), 0.0005, "Y (easting) of J" + (i + 1));
            }

            Path file = Browser.artefacts("print").resolve("parcel-sheet.pdf");
            page.pdf(new Page.PdfOptions().setPath(file).setPreferCSSPageSize(true).setPrintBackground(true));
            PdfFile pdf = PdfFile.of(file);
            assertEquals(1, pdf.pages());
            double[] size = pdf.pageSizePoints();
            assertEquals(210 * MM, size[0], 1.5);
            assertEquals(297 * MM, size[1], 1.5);
            String text = pdf.text().replaceAll("\\s+", "");
            assertTrue(text.contains("地块图则") && text.contains("J1") && text.contains(epsg), text);
            assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
        } finally {
            Browser.screenshot(page, "parcelSheet");
            page.context().close();
        }
    }

    /** {ring, northing, easting} of each boundary point, by ST_DumpPoints of ST_Transform, closing points dropped. */
    private static List<double[]> boundaryPoints(long id, int srid) throws Exception {
        List<double[]> points = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT (d).path[array_length((d).path, 1) - 1], ST_Y((d).geom), ST_X((d).geom),
                       (d).path[1:array_length((d).path, 1) - 1]::text
                FROM (SELECT ST_DumpPoints(ST_Transform(geom, ?)) d FROM land_parcel WHERE id = ?) s
                ORDER BY (d).path""")) {
            ps.setInt(1, srid);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                List<double[]> ring = new ArrayList<>();
                String current = null;
                while (rs.next()) {
                    String key = rs.getString(4);  // polygon and ring
                    if (!key.equals(current) && !ring.isEmpty()) {
                        points.addAll(ring.subList(0, ring.size() - 1));  // the ring's last point repeats its first
                        ring.clear();
                    }
                    current = key;
                    ring.add(new double[] {rs.getInt(1), rs.getDouble(2), rs.getDouble(3)});
                }
                if (!ring.isEmpty()) points.addAll(ring.subList(0, ring.size() - 1));
            }
        }
        return points;
    }
}
