package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** 定位: typed coordinates take the map there, checked against PostGIS's transform of the same point. */
class LocateBrowserTest {
    private static final double LON = 109.53125;
    private static final double LAT = 24.39371;
    private static Browser browser;
    private Page page;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser(TestServer.baseUrl());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void openPage() {
        browser.consoleErrors.clear();
        page = browser.newPage();
        browser.open(page, "#basemap=none");
    }

    @AfterEach
    void keepScreenshot(TestInfo info) {
        Browser.screenshot(page, info.getTestMethod().orElseThrow().getName());
        page.context().close();
    }

    private double[] locate(String text) {
        if (!page.isVisible("#locate-input")) page.click("#tool-locate");
        page.fill("#locate-input", text);
        page.click("#locate-go");
        page.waitForTimeout(700);  // the view animates for 400 ms
        @SuppressWarnings("unchecked")
        List<Number> c = (List<Number>) page.evaluate("() => window.planview.toLonLat(window.planview.map.getView().getCenter())");
        return new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()};
    }

    @Test
    void gaussKruegerXyWithTheZoneInFrontOfTheEasting() throws Exception {
        double[] xy = new double[2];
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ST_Y(p), ST_X(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4490), 4525) p) s")) {
            ps.setDouble(1, LON);
            ps.setDouble(2, LAT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                xy[0] = rs.getDouble(1);
                xy[1] = rs.getDouble(2);
            }
        }
        assertTrue(xy[1] > 37_000_000, "EPSG:4525 eastings carry the zone number");
        double[] centre = locate(String.format(Locale.ROOT, "X=%.3f Y=%.3f", xy[0], xy[1]));
        assertEquals(LON, centre[0], 1e-6);
        assertEquals(LAT, centre[1], 1e-6);
        assertEquals(1L, ((Number) page.evaluate("() => window.planview.locate.source.getFeatures().length")).longValue(), "a marker");
        assertTrue(page.textContent("#locate-message").contains("37"), page.textContent("#locate-message"));
        // The same place as two plain numbers, easting first.
        double[] again = locate(String.format(Locale.ROOT, "%.3f, %.3f", xy[1], xy[0]));
        assertEquals(LON, again[0], 1e-6);
        assertEquals(LAT, again[1], 1e-6);
        assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
    }

    @Test
    void decimalDegreesAndDegreesMinutesSeconds() {
        double[] decimal = locate("24.39371, 109.53125");  // latitude first: the values tell
        assertEquals(LON, decimal[0], 1e-6);
        assertEquals(LAT, decimal[1], 1e-6);
        double[] dms = locate("109°31′52.5″E 24°23′37.356″N");
        assertEquals(109 + 31 / 60.0 + 52.5 / 3600, dms[0], 1e-6);
        assertEquals(24 + 23 / 60.0 + 37.356 / 3600, dms[1], 1e-6);
        double[] chinese = locate("109度31分52.5秒，24度23分37.356秒");
        assertEquals(dms[0], chinese[0], 1e-6);
        assertEquals(dms[1], chinese[1], 1e-6);
    }

    @Test
    void anEastingWithoutItsZoneIsRefusedWithAReason() {
        locate("X=2698000 Y=455000");
        String message = page.textContent("#locate-message");
        assertTrue(message.contains("带号"), message);
        assertEquals(0L, ((Number) page.evaluate("() => window.planview.locate.source.getFeatures().length")).longValue());
        locate("hello");
        assertTrue(page.textContent("#locate-message").contains("无法识别"), page.textContent("#locate-message"));
    }
}
