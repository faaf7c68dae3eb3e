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

    /**
     * A GBK Shapefile from the export panel: the preview says what the file will hold before the
     * download (count as in SQL, CRS, encoding, fields), the file is named after the layer, the
     * query, the CRS and the encoding, and its .cpg and DBF bytes are GBK.
     */
    @Test
    void aGbkShapefileFromTheExportPanelIsPreviewedNamedAndEncodedAsChosen() throws Exception {
        Object[] use = Sql.row("SELECT p.land_use_code, c.name_zh FROM land_parcel p JOIN land_use_class c ON c.code = p.land_use_code"
                + " GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1");
        String code = (String) use[0];
        String name = (String) use[1];
        long expected = (long) Sql.number("SELECT count(*) FROM land_parcel WHERE land_use_code = ?", code);
        String title = Sql.string("SELECT title_zh FROM collection WHERE id = 'land-parcels'");

        browser.open(page, null);
        page.click("button[data-tab=query]");
        page.check("#q-landuse input[value=\"" + code + "\"]");
        page.click("#q-run");
        page.locator("#query-summary[data-count]:not([data-count=''])").waitFor();
        page.click("button[data-tab=export]");
        page.selectOption("#export-format", "shapefile");
        page.selectOption("#export-crs", "EPSG:4545");
        page.selectOption("#export-encoding", "GBK");
        page.uncheck("#export-fields input[value=plot_ratio]");
        var preview = page.locator("#export-preview[data-encoding=GBK]:not([data-count=''])");
        preview.waitFor();
        page.waitForFunction("() => !document.querySelector('#export-preview').dataset.fields.includes('plot_ratio')");
        assertEquals(expected, Long.parseLong(preview.getAttribute("data-count")), "preview count vs SQL");
        assertEquals("EPSG:4545", preview.getAttribute("data-crs"));
        String text = preview.innerText();
        assertTrue(text.contains("将导出 " + String.format(java.util.Locale.ROOT, "%,d", expected) + " 个要素")
                && text.contains("EPSG:4545") && text.contains("GBK") && text.contains("land_use_name"), text);
        assertTrue(!text.contains("plot_ratio"), "a field left out is not in the preview: " + text);

        var download = page.waitForDownload(() -> page.click("#export-run"));
        assertEquals(null, download.failure());
        assertEquals(title + "_" + name + "_EPSG4545_GBK.zip", download.suggestedFilename(), "the file says what it holds");
        java.nio.file.Path zip = Browser.artefacts("downloads").resolve("parcels-" + code + "-gbk.zip");
        download.saveAs(zip);
        var files = Downloads.unzip(zip);
        assertEquals("CP936", java.nio.file.Files.readString(Downloads.withExtension(files, ".cpg")).strip(), ".cpg names GBK as ArcGIS does");
        byte[] dbf = java.nio.file.Files.readAllBytes(Downloads.withExtension(files, ".dbf"));
        assertTrue(Downloads.contains(dbf, name.getBytes(java.nio.charset.Charset.forName("GBK"))), "the DBF holds " + name + " in GBK bytes");
        assertTrue(!Downloads.contains(dbf, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "and not in UTF-8 bytes");
        java.nio.file.Path shp = Downloads.withExtension(files, ".shp");
        String info = Downloads.ogrinfo(shp, true);
        Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(info);
        assertTrue(count.find(), info);
        assertEquals(expected, Long.parseLong(count.group(1)), "features in the Shapefile (ogrinfo) vs SQL");
        assertTrue(info.contains("CM 108E"), "EPSG:4545 in the .prj: " + info);
        assertTrue(!info.contains("plot_ratio") && info.contains("land_use_n"), "the fields chosen: " + info);
        assertTrue(Downloads.ogrinfo(shp, false).contains("land_use_n (String) = " + name), "GDAL decodes the GBK text through the .cpg");
        assertEquals(List.of(), browser.consoleErrors);
    }

    /**
     * Identify names the zone and the cluster a parcel lies in instead of their ids, each a link
     * that opens it; a cluster names its zone; a project's status history gives each stage the
     * sentence of the source that states it.
     */
    @Test
    void identifyShowsNamesNotCodesAndTiesEachStatusToItsQuote() throws Exception {
        Object[] parcel = Sql.row("SELECT p.parcel_code, p.zone_id, z.name_zh, p.area_id, a.name_zh FROM land_parcel p"
                + " JOIN planning_area z ON z.id = p.zone_id JOIN planning_area a ON a.id = p.area_id ORDER BY p.parcel_code LIMIT 1");
        browser.open(page, null);
        page.fill("#search-input", (String) parcel[0]);
        page.locator("#search-results li[data-kind=parcel]").first().click();
        page.waitForFunction("() => document.querySelector('#identify tr[data-attr=area_m2]')");
        assertEquals(parcel[2], page.innerText("#identify tr[data-attr=zone_id] td"), "the zone by name, not " + parcel[1]);
        assertEquals(parcel[4], page.innerText("#identify tr[data-attr=area_id] td"), "the cluster or park by name, not " + parcel[3]);
        page.click("#identify tr[data-attr=area_id] button.area-link");
        page.locator("#identify[data-role=planning_area][data-feature-id=\"" + parcel[3] + "\"]").waitFor();
        assertEquals(parcel[4], page.innerText("#identify-title"), "the link opens the area");
        String zoneOfArea = Sql.string("SELECT z.name_zh FROM planning_area a JOIN planning_area z ON z.id = a.parent_zone WHERE a.id = ?", parcel[3]);
        assertEquals(zoneOfArea, page.innerText("#identify tr[data-attr=parent_zone] td"), "a cluster or park names its zone");

        // The project with the longest history; each stage's quote, found in SQL by its file and line.
        String project = Sql.string("SELECT id FROM project WHERE jsonb_typeof(status_history) = 'array'"
                + " ORDER BY jsonb_array_length(status_history) DESC, id LIMIT 1");
        List<Object[]> stages = Sql.rows("""
                SELECT coalesce(h->>'quote', (SELECT s->>'quote' FROM jsonb_array_elements(p.sources) s
                                              WHERE s->>'file' = h->>'file' AND s->>'line' = h->>'line' LIMIT 1))
                FROM project p, jsonb_array_elements(p.status_history) WITH ORDINALITY AS e(h, n)
                WHERE p.id = ? ORDER BY n""", project);
        assertTrue(stages.size() >= 2, "a project with a history of several stages: " + project);
        page.evaluate("id => { const e = window.planview.entries.find(x => x.role === 'project');"
                + " const f = e.source.getFeatureById(id); window.planview.identify.show(e, { id, ...f.getProperties() }, f); }", project);
        page.locator("#identify[data-role=project][data-feature-id=\"" + project + "\"]").waitFor();
        List<String> shown = page.locator("#identify .status-history .stage").all().stream()
                .map(li -> li.locator(".stage-quote").count() == 1 ? li.locator(".stage-quote").innerText() : null).toList();
        assertEquals(stages.stream().map(r -> (String) r[0]).toList(), shown, "each stage with the quote that states it");
        assertTrue(page.locator("#identify .status-history .source-ref").first().innerText().contains("第"), "and where the quote is");
        assertEquals(List.of(), browser.consoleErrors);
    }

    /**
     * At 390×844 the map comes first and fills the screen, the panel slides over it and closes,
     * the tools fold into a menu that fits the screen, and search finds a project whose info
     * sheet leaves it in sight.
     */
    @Test
    void onAPhoneTheMapComesFirstThePanelSlidesOverAndSearchWorks() throws Exception {
        page.context().close();
        page = browser.newPage(390, 844);
        Object[] row = Sql.row("SELECT name_zh, id FROM project ORDER BY id LIMIT 1");
        String[] project = {(String) row[0], (String) row[1]};
        browser.open(page, null);
        var map = page.locator("#map").boundingBox();
        assertTrue(map.width >= 380 && map.height >= 500, "the map fills the phone's screen: " + map.width + "×" + map.height);
        assertTrue(page.locator(".topbar").boundingBox().height <= 60, "one row of top bar");
        assertTrue(page.locator("#search-input").boundingBox().width >= 150, "a search box one can type in");
        assertTrue(offScreen(page.locator("#sidebar").boundingBox()), "the panel is not in the way");
        assertTrue(!page.locator("#tool-measure-line").isVisible(), "the tools are folded away");

        page.click("#menu-toggle");
        var measure = page.locator("#tool-measure-line").boundingBox();
        assertTrue(page.locator("#tool-measure-line").isVisible() && measure.x >= 0 && measure.x + measure.width <= 390
                && measure.width > 40, "the menu opens on screen, its buttons readable");
        page.click("#menu-toggle");

        page.click("#panel-toggle");
        page.waitForTimeout(400); // the slide
        var panel = page.locator("#sidebar").boundingBox();
        assertTrue(panel.x >= -1 && panel.x + panel.width <= 391, "the panel slides in over the map: x " + panel.x);
        assertTrue(page.locator("#layer-tree input.layer-toggle").first().isVisible());
        page.click("#panel-close");
        page.waitForTimeout(400);
        assertTrue(offScreen(page.locator("#sidebar").boundingBox()), "and closes again");

        page.fill("#search-input", project[0]);
        page.locator("#search-results li[data-kind=project]").first().click();
        page.locator("#identify[data-role=project][data-feature-id=\"" + project[1] + "\"]").waitFor();
        page.waitForTimeout(800); // the view's animation
        var sheet = page.locator("#identify").boundingBox();
        assertTrue(sheet.x >= 0 && sheet.x + sheet.width <= 391 && sheet.y + sheet.height <= 845, "the info sheet is on screen");
        assertTrue(!covers(sheet, featurePixel(page, "projects", project[1])), "the sheet leaves the project in sight");
        assertEquals(List.of(), browser.consoleErrors);
    }

    /** On a tablet the info panel stands at the right: clicking a project there moves the map, not the panel, over it. */
    @Test
    void onATabletTheInfoPanelDoesNotCoverTheFeatureItDescribes() throws Exception {
        page.context().close();
        page = browser.newPage(820, 1180);
        String project = Sql.string("SELECT id FROM project WHERE (SELECT count(*) FROM project p2"
                + " WHERE ST_DWithin(p2.geom, project.geom, 0.0005)) = 1 ORDER BY id LIMIT 1");
        browser.open(page, null);
        // The project 60 px from the map's right edge and 120 px from its top, where the panel opens.
        page.evaluate("id => { const m = window.planview.map; const f = window.planview.entries.find(e => e.group === 'projects')"
                + ".source.getFeatureById(id); const v = m.getView(); v.setZoom(17); const [x, y] = f.getGeometry().getCoordinates();"
                + " const [w, h] = m.getSize(); v.setCenter([x - (w / 2 - 60) * v.getResolution(), y - (h / 2 - 120) * v.getResolution()]);"
                + " m.renderSync(); }", project);
        page.waitForTimeout(500);
        double[] before = featurePixel(page, "projects", project);
        page.mouse().click(before[0], before[1]);
        page.locator("#identify[data-role=project][data-feature-id=\"" + project + "\"]").waitFor();
        var panel = page.locator("#identify").boundingBox();
        assertTrue(covers(panel, before), "the panel would have covered the project where it was clicked: "
                + java.util.Arrays.toString(before) + " under " + panel.x + "," + panel.y + " " + panel.width + "×" + panel.height);
        page.waitForTimeout(800);
        assertTrue(!covers(panel, featurePixel(page, "projects", project)), "the map moved the project out from under the panel");
        assertEquals(List.of(), browser.consoleErrors);
    }

    /**
     * The wheel zooms the map as soon as the page opens (no focusing click first), and a click
     * that only closes the search list identifies nothing.
     */
    @Test
    void theWheelZoomsAtOnceAndClosingTheSearchListIdentifiesNothing() {
        browser.open(page, "#map=15.00/109.52000/24.38000&basemap=none&lang=zh");
        var map = page.locator("#map").boundingBox();
        double before = zoom(page);
        page.mouse().move(map.x + map.width / 2, map.y + map.height / 2);
        page.mouse().wheel(0, -300);
        page.waitForFunction("z => window.planview.map.getView().getZoom() > z + 0.5", before);
        assertTrue(page.locator("#identify").isHidden(), "zooming opened nothing");

        page.fill("#search-input", "柳");
        page.locator("#search-results li").first().waitFor();
        page.mouse().click(map.x + map.width / 2, map.y + map.height / 2);
        page.waitForTimeout(800); // past the map's single-click delay
        assertTrue(page.locator("#search-results").isHidden(), "the click closed the list");
        assertTrue(page.locator("#identify").isHidden(), "and identified nothing");
        page.mouse().click(map.x + map.width / 2, map.y + map.height / 2);
        page.locator("#identify:not([hidden])").waitFor();  // the next click does
        assertEquals(List.of(), browser.consoleErrors);
    }

    /** A link keeps the results table's sort; in English the 亩 column stays inside the panel. */
    @Test
    void theLinkKeepsTheTableSortAndTheEnglishTableFitsThePanel() throws SQLException {
        String code = Sql.string("SELECT land_use_code FROM land_parcel GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        browser.open(page, "#lang=en");
        page.click("button[data-tab=query]");
        page.check("#q-landuse input[value=\"" + code + "\"]");
        page.click("#q-run");
        page.locator("#query-summary[data-count]:not([data-count=''])").waitFor();
        page.click("#query-table th[data-sort=area_ha]");
        page.click("#query-table th[data-sort=area_ha]");  // largest first
        String largest = Sql.string("SELECT parcel_code FROM land_parcel WHERE land_use_code = ? ORDER BY area_ha DESC, id LIMIT 1", code);
        page.waitForFunction("c => document.querySelector('#query-table tbody tr td')?.textContent === c", largest);

        var wrap = page.locator("#panel-query .table-wrap").boundingBox();
        var mu = page.locator("#query-table th[data-sort=area_mu]").boundingBox();
        assertTrue(mu.x + mu.width <= wrap.x + wrap.width + 0.5, "the mu column ends inside the panel: " + (mu.x + mu.width) + " > " + (wrap.x + wrap.width));
        assertEquals(true, page.evaluate("() => { const w = document.querySelector('#panel-query .table-wrap'); return w.scrollWidth <= w.clientWidth; }"),
                "no part of the table hidden past the panel's edge");

        page.waitForTimeout(400); // the link is written a moment after the last change
        String link = page.url();
        assertTrue(link.contains("sort"), link);
        Page second = browser.newPage();
        try {
            second.navigate(link);
            second.waitForSelector("body[data-ready=true]");
            second.locator("#query-summary[data-count]:not([data-count=''])").waitFor();
            second.waitForFunction("c => document.querySelector('#query-table tbody tr td')?.textContent === c", largest);
            assertTrue(second.locator("#query-table th[data-sort=area_ha]").getAttribute("class").contains("sorted-desc"),
                    "the link opens with the table sorted as it was");
        } finally {
            second.context().close();
        }
        assertEquals(List.of(), browser.consoleErrors);
    }

    /**
     * Measurements stay on the map, several at once, each with its figure, drawn dark on a white
     * casing over whatever colour lies under it.
     */
    @Test
    void severalMeasurementsStayVisibleOverColouredLand() throws Exception {
        Object[] at = Sql.row("SELECT ST_X(c), ST_Y(c) FROM (SELECT ST_PointOnSurface(geom) c FROM land_parcel"
                + " WHERE land_use_code LIKE '09%' ORDER BY area_ha DESC, id LIMIT 1) s");
        browser.open(page, String.format(java.util.Locale.ROOT, "#map=16.00/%.6f/%.6f&layers=land-parcels&basemap=none&lang=zh", at[0], at[1]));
        MapPage.waitForRender(page);
        var map = page.locator("#map").boundingBox();
        double cx = map.x + map.width / 2;
        double cy = map.y + map.height / 2;
        for (int i = 0; i < 2; i++) {
            double y = cy - 20 + 40 * i;
            page.click("#tool-measure-line");
            page.mouse().click(cx - 150, y);
            page.mouse().dblclick(cx + 150, y);
            page.waitForTimeout(600);
        }
        assertEquals(2, ((Number) page.evaluate("() => window.planview.measure.count()")).intValue(), "both measurements on the map");
        assertTrue(page.locator("#identify").isHidden(), "measuring identified nothing");
        java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(page.screenshot()));
        for (int i = 0; i < 2; i++) {
            int y = (int) Math.round(cy - 20 + 40 * i);
            int x = (int) Math.round(cx - 75);
            int ink = shot.getRGB(x, y);
            for (int dy = -2; dy <= 2; dy++) if (brightness(shot.getRGB(x, y + dy)) < brightness(ink)) ink = shot.getRGB(x, y + dy);
            int under = shot.getRGB(x, y - 12);
            assertTrue(brightness(ink) < 90, "measurement " + (i + 1) + " is drawn dark: " + Integer.toHexString(ink));
            // WCAG's contrast ratio (≥ 3 for graphics): pure red land is dark in luminance, yet a
            // near-black line on it reads clearly.
            assertTrue(contrast(ink, under) >= 3, "and stands out from the land under it: "
                    + Integer.toHexString(ink) + " on " + Integer.toHexString(under) + ", contrast " + contrast(ink, under));
        }
        assertEquals(List.of(), browser.consoleErrors);
    }

    /** The WCAG 2 contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05), L the relative luminance. */
    private static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        double[] c = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
        for (int i = 0; i < 3; i++) {
            double v = c[i] / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** A basemap whose tiles cannot be fetched says so in the status line, instead of 就绪 over a blank map. */
    @Test
    void aBasemapThatCannotLoadIsReportedNotReady() {
        page.route("**/*.openstreetmap.org/**", route -> route.abort());
        browser.open(page, "#basemap=osm&lang=zh");
        var status = page.locator("#status-message.error");
        status.waitFor();
        assertTrue(status.innerText().contains("底图") && status.innerText().contains("无法加载"), status.innerText());
        page.click("#lang-switch");
        assertTrue(page.innerText("#status-message").contains("cannot be loaded"), page.innerText("#status-message"));
        page.selectOption("#basemap-select", "none");
        assertEquals("Ready", page.innerText("#status-message"), "back to none, back to ready");
        assertEquals(List.of(), browser.consoleErrors);
    }

    private static double zoom(Page page) {
        return ((Number) page.evaluate("() => window.planview.map.getView().getZoom()")).doubleValue();
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }

    /** A feature's centre in page pixels. */
    private static double[] featurePixel(Page page, String group, String id) {
        @SuppressWarnings("unchecked")
        List<Number> px = (List<Number>) page.evaluate("([group, id]) => { const m = window.planview.map;"
                + " const f = window.planview.entries.find(e => e.group === group).source.getFeatureById(id);"
                + " const e = f.getGeometry().getExtent(); const p = m.getPixelFromCoordinate([(e[0] + e[2]) / 2, (e[1] + e[3]) / 2]);"
                + " const r = m.getTargetElement().getBoundingClientRect(); return [p[0] + r.left, p[1] + r.top]; }", List.of(group, id));
        return new double[] {px.get(0).doubleValue(), px.get(1).doubleValue()};
    }

    private static boolean covers(com.microsoft.playwright.options.BoundingBox box, double[] point) {
        return point[0] >= box.x && point[0] <= box.x + box.width && point[1] >= box.y && point[1] <= box.y + box.height;
    }

    private static boolean offScreen(com.microsoft.playwright.options.BoundingBox box) {
        return box == null || box.x + box.width <= 0;
    }
}
