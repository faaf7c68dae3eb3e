package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.liudong.planview.testing.TestServer;

/**
 * A planner's everyday tasks in the web map (issue 21), in headless Chromium against the real
 * server and the throwaway PostGIS; every figure the page shows is recomputed in SQL.
 */
class PlannerDayBrowserTest {
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
    }

    @AfterEach
    void keepScreenshot(TestInfo info) {
        Browser.screenshot(page, info.getTestMethod().orElseThrow().getName());
        page.context().close();
    }

    /**
     * The district view (the map as it opens) draws the parcels' overview as one land-use surface:
     * the colours cover the parcels' area, in the proportions of the land uses in PostGIS; the
     * map says it is a summary and from which zoom and scale the parcels show.
     */
    @Test
    void theDistrictViewReadsAsALandUseSurfaceAndSaysItIsASummary() throws SQLException {
        browser.open(page, null);
        MapPage.waitForRender(page);
        Browser.screenshot(page, "district-view");

        var note = page.locator("#overview-note");
        assertTrue(note.isVisible(), "the map says the parcels are summarised");
        int tileZoom = Integer.parseInt(note.getAttribute("data-zoom"));
        assertTrue(tileZoom < 14, "the district view is drawn from the overview (tile zoom " + tileZoom + ")");
        String text = note.innerText();
        assertTrue(text.contains("第 " + tileZoom + " 级为网格汇总"), text);
        // The scale at which parcels appear, as OpenLayers' scale line computes it (0.28 mm pixels),
        // recomputed here from the latitude of the map's centre.
        double lat = MapPage.centreLatitude(page);
        double z14Metres = 2 * Math.PI * 6378137 / 256 / Math.pow(2, 14) * Math.cos(Math.toRadians(lat));
        long scale = Math.round(z14Metres / 0.00028 / 100) * 100;
        Matcher m = Pattern.compile("第 14 级（约 1:([\\d,]+)）起显示地块").matcher(text);
        assertTrue(m.find(), text);
        assertEquals(scale, Long.parseLong(m.group(1).replace(",", "")), 100, "scale at which parcels appear");
        Matcher cell = Pattern.compile("每格约 (\\d+) 米").matcher(text);
        assertTrue(cell.find(), text);
        double cellMetres = 2 * Math.PI * 6378137 / Math.pow(2, Math.max(12, tileZoom)) / 64 * Math.cos(Math.toRadians(lat));
        assertEquals(cellMetres, Double.parseDouble(cell.group(1)), 10, "ground size of a grid cell");

        // Land use by colour: only the parcel layer, its pixels counted by colour.
        page.evaluate("() => window.planview.entries.forEach(e => e.layer.setVisible(e.role === 'land_parcel'))");
        MapPage.waitForRender(page);
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) page.evaluate(MapPage.COUNT_PIXELS_BY_COLOUR);
        @SuppressWarnings("unchecked")
        Map<String, Number> pixels = (Map<String, Number>) drawn.get("byColour");
        double resolution = ((Number) drawn.get("resolution")).doubleValue();
        @SuppressWarnings("unchecked")
        List<Number> extent = (List<Number>) drawn.get("extent");
        long coloured = pixels.values().stream().mapToLong(Number::longValue).sum();

        String inView = "ST_Intersection(p.geom_3857, ST_MakeEnvelope(?, ?, ?, ?, 3857))";
        Object[] view = {extent.get(0).doubleValue(), extent.get(1).doubleValue(), extent.get(2).doubleValue(), extent.get(3).doubleValue()};
        double parcelArea = Sql.number("SELECT sum(ST_Area(" + inView + ")) FROM land_parcel p", view);
        assertEquals(1.0, coloured * resolution * resolution / parcelArea, 0.15,
                "the coloured surface covers the parcels' area (Web Mercator m², PostGIS)");

        Map<String, Double> areaByColour = new HashMap<>();
        for (Object[] row : Sql.rows("SELECT lower(c.colour), sum(ST_Area(" + inView + ")) FROM land_parcel p"
                + " JOIN land_use_class c ON c.code = p.land_use_code GROUP BY 1", view)) {
            areaByColour.merge((String) row[0], ((Number) row[1]).doubleValue(), Double::sum);
        }
        // Most pixels are a land-use colour (off by a unit or two after the tiles are scaled); the
        // rest are antialiased edges between two cells, each counted with the colour it is nearest.
        double pure = 0;
        Map<String, Double> pixelsByColour = new HashMap<>();
        for (var p : pixels.entrySet()) {
            if (MapPage.nearestColour(p.getKey(), areaByColour.keySet(), 6) != null) pure += p.getValue().doubleValue();
            pixelsByColour.merge(MapPage.nearestColour(p.getKey(), areaByColour.keySet(), 255), p.getValue().doubleValue(), Double::sum);
        }
        assertTrue(pure > 0.6 * coloured, "the surface is drawn in the land-use colours: " + pure + " of " + coloured + " pixels");
        int compared = 0;
        for (var use : areaByColour.entrySet()) {
            double share = use.getValue() / parcelArea;
            if (share < 0.05) continue;
            double shown = pixelsByColour.getOrDefault(use.getKey(), 0.0) / coloured;
            assertEquals(share, shown, 0.03, "share of land use drawn in " + use.getKey() + " vs its share of the parcels' area");
            compared++;
        }
        assertTrue(compared >= 4, "the main land uses are compared: " + areaByColour);
        assertEquals(List.of(), browser.consoleErrors);
    }
}
