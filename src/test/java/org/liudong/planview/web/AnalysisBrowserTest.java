package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * The 统计 and 选址 panels and the clipped polygon totals in Chromium, every figure checked with
 * SQL written here: a zone's land-use balance with its chart, a 部标 TXT uploaded and its report,
 * a site drawn on the map, and a parcel query clipped to a drawn polygon (issue 21 point 2).
 */
class AnalysisBrowserTest {
    private static Browser browser;
    private Page page;

    @BeforeAll
    static void start() {
        browser = new Browser(TestServer.baseUrl());
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void open() {
        page = browser.newPage();
        browser.consoleErrors.clear();
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    @Test
    void aZonesLandUseBalanceWithADonut() throws Exception {
        browser.open(page, "#basemap=none&lang=zh");
        page.click("button[data-tab=statistics]");
        page.selectOption("#stats-scope", "planning-zones/Z2");
        page.waitForSelector("#panel-statistics[data-areas=clipped] #stats-total-ha");
        page.waitForFunction("() => document.querySelectorAll('#stats-table tbody tr').length > 0");
        double expected = number("SELECT sum(ST_Area(ST_Intersection(p.geom, z.geom)::geography)) / 10000 FROM land_parcel p "
                + "JOIN planning_area z ON z.id = 'Z2' AND ST_Intersects(p.geom, z.geom)");
        page.waitForFunction("ha => document.querySelector('#stats-total-ha').textContent.replace(/,/g, '') == ha",
                String.format(java.util.Locale.ROOT, "%.2f", expected));
        long rows = (long) number("SELECT count(DISTINCT land_use_code) FROM land_parcel p JOIN planning_area z ON z.id = 'Z2' "
                + "AND ST_Relate(p.geom, z.geom, 'T********')");
        assertEquals(rows, page.locator("#stats-table tbody tr").count());
        assertTrue(page.locator("#stats-donut canvas").count() > 0, "the donut is drawn");
        // The permalink follows a change after its debounce (250 ms), not at once.
        page.waitForFunction("() => /[#&]stats=planning-zones(%2F|\\/)Z2/.test(location.hash)");
        Browser.screenshot(page, "statistics-zone-balance");
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void anUploadedBubiaoTxtIsReadAsAReport() throws Exception {
        String site = text("SELECT ST_AsText(ST_Expand(ST_Centroid(ST_Collect(geom)), 0.003)) FROM (SELECT geom FROM land_parcel "
                + "WHERE zone_id = 'Z2' ORDER BY id LIMIT 100) p");
        double lon = number("SELECT ST_X(ST_Centroid(ST_GeomFromText('" + site + "')))");
        int zone = lon < 109.5 ? 36 : 37;
        StringBuilder txt = new StringBuilder("[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=" + zone + "\n[地块坐标]\n5,,B-01,浏览器测试地块,面,,,,@\n");
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ST_X(p.geom), ST_Y(p.geom) FROM ST_DumpPoints(ST_Transform(ST_GeomFromText(?, 4490), ?)) p ORDER BY p.path")) {
            ps.setString(1, site);
            ps.setInt(2, 4488 + zone);
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) txt.append(String.format(java.util.Locale.ROOT, "J%d,1,%.3f,%.3f%n", ++n, rs.getDouble(2), rs.getDouble(1)));
            }
        }
        browser.open(page, "#basemap=none&lang=zh");
        page.click("button[data-tab=redline]");
        page.setInputFiles("#red-file", new FilePayload("红线.txt", "text/plain", txt.toString().getBytes(Charset.forName("GBK"))));
        page.click("#red-run");
        page.waitForSelector("#red-report[data-state=done]");
        double ha = Double.parseDouble(page.getAttribute("#red-site-area", "data-ha"));
        assertEquals(number("SELECT ST_Area(ST_GeomFromText('" + site + "', 4490)::geography) / 10000"), ha, 0.01);
        long parcels = (long) number("SELECT count(*) FROM land_parcel WHERE ST_Relate(geom, ST_GeomFromText('" + site + "', 4490), 'T********')");
        assertEquals(Math.min(parcels, 200), page.locator("#red-parcels tbody tr").count());
        assertTrue(page.locator("#red-layers tbody tr").count() >= 1, "the site lies in a zone");
        Object features = page.evaluate("() => window.planview.redline.source.getFeatures().length");
        assertTrue(((Number) features).intValue() >= 2, "the site and its overlap pieces are drawn: " + features);
        Browser.screenshot(page, "redline-uploaded-txt");
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void aSiteDrawnOnTheMapGetsAReport() throws Exception {
        browser.open(page, "#map=15.00/109.52000/24.38000&basemap=none&lang=zh");
        page.click("button[data-tab=redline]");
        page.click("#red-draw");
        BoundingBox map = page.locator("#map").boundingBox();
        double cx = map.x + map.width / 2, cy = map.y + map.height / 2;
        page.mouse().click(cx - 120, cy - 100);
        page.mouse().click(cx + 120, cy - 100);
        page.mouse().click(cx + 120, cy + 100);
        page.mouse().dblclick(cx - 120, cy + 100);
        page.waitForSelector("#red-report[data-state=done]");
        @SuppressWarnings("unchecked")
        Map<String, Object> site = (Map<String, Object>) page.evaluate("() => window.planview.redline.report().site");
        String geojson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(site.get("geometry"));
        double ha = number("SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON('" + geojson + "'), 4490)::geography) / 10000");
        assertEquals(ha, ((Number) site.get("area_ha")).doubleValue(), 0.01);
        assertTrue(page.locator("#red-no-conflicts, #red-conflicts").count() == 1, "the conflicts section comes first either way");
        Browser.screenshot(page, "redline-drawn-site");
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void aPolygonQueryClippedToThePolygonTotalsTheIntersection() throws Exception {
        browser.open(page, "#map=14.00/109.52000/24.38000&basemap=none&lang=zh");
        page.click("button[data-tab=query]");
        page.click("#q-draw");
        BoundingBox map = page.locator("#map").boundingBox();
        double cx = map.x + map.width / 2, cy = map.y + map.height / 2;
        page.mouse().click(cx - 200, cy - 150);
        page.mouse().click(cx + 200, cy - 150);
        page.mouse().click(cx + 200, cy + 150);
        page.mouse().dblclick(cx - 200, cy + 150);
        page.waitForFunction("() => window.planview.query.drawnPolygon() !== null");
        page.selectOption("#q-polygon-mode", "clip");
        page.click("#q-run");
        page.waitForSelector("#query-summary[data-mode=clip]");
        @SuppressWarnings("unchecked")
        List<List<Number>> ring = (List<List<Number>>) page.evaluate("() => window.planview.query.drawnPolygon()");
        StringBuilder wkt = new StringBuilder("POLYGON((");
        for (List<Number> p : ring) wkt.append(p.get(0).doubleValue()).append(' ').append(p.get(1).doubleValue()).append(',');
        wkt.append(ring.get(0).get(0).doubleValue()).append(' ').append(ring.get(0).get(1).doubleValue()).append("))");
        String poly = "ST_GeomFromText('" + wkt + "', 4490)";
        double clipped = number("SELECT sum(ST_Area(ST_Intersection(geom, " + poly + ")::geography)) / 10000 FROM land_parcel WHERE ST_Intersects(geom, " + poly + ")");
        double whole = number("SELECT sum(area_ha) FROM land_parcel WHERE ST_Intersects(geom, " + poly + ")");
        double shown = Double.parseDouble(page.getAttribute("#query-summary", "data-ha"));
        assertEquals(clipped, shown, 0.01, "the clipped total is ST_Area(ST_Intersection(...))");
        assertTrue(whole - clipped > 0.01, "clipping changes the total: whole " + whole + ", clipped " + clipped);
        assertTrue(page.innerText("#query-summary").contains("裁剪至多边形"), page.innerText("#query-summary"));
        Browser.screenshot(page, "query-clipped-totals");
        assertEquals(List.of(), browser.consoleErrors);
    }

    private static double number(String sql) throws Exception {
        return Double.parseDouble(text(sql));
    }

    private static String text(String sql) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
