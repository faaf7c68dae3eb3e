package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** The web map in headless Chromium against the real server and the throwaway PostGIS. */
class WebMapBrowserTest {
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
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

    @Test
    void pageLoadsWithoutConsoleErrorsAndReportsItsLoadTime() throws IOException {
        long cold = timedOpen();
        page.waitForTimeout(1500); // let the first parcel tiles and labels arrive and draw
        assertEquals(List.of(), browser.consoleErrors, "console errors on load");
        assertEquals("柳东新区规划一张图", page.title());
        assertTrue(page.locator("#layer-tree input.layer-toggle").count() >= 6, "the layer panel lists the catalogue's layers");
        for (String group : List.of("zones", "parks", "clusters", "projects", "parcels", "context")) {
            assertEquals(1, page.locator("details.layer-group[data-group=" + group + "]").count(), "layer group " + group);
        }
        assertTrue(page.locator("#caveat").innerText().contains("合成"), "the synthetic-data caveat is shown");
        assertTrue(page.locator("#legend .legend-item[data-code='1001']").count() == 1, "the legend lists 工业用地");

        // Once more with the server and the browser's cache warm: what a planner sees every morning.
        long warm = timedOpen();
        @SuppressWarnings("unchecked")
        Map<String, Object> nav = (Map<String, Object>) page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                + " return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd }; }");
        String report = "page load (headless Chromium, same machine): first open, cold server: map ready " + cold + " ms;"
                + " second open: DOMContentLoaded " + Math.round(number(nav.get("domContentLoaded"))) + " ms, load "
                + Math.round(number(nav.get("load"))) + " ms, map ready (catalogue and layers loaded) " + warm + " ms\n";
        Files.writeString(Browser.artefacts("screenshots").resolve("load-time.txt"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertEquals(List.of(), browser.consoleErrors, "console errors on the second load");
    }

    private long timedOpen() {
        long started = System.nanoTime();
        browser.open(page, null);
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void layersToggle() {
        browser.open(page, null);
        Locator toggle = page.locator("details[data-group=projects] input.layer-toggle").first();
        String key = toggle.getAttribute("data-layer");
        String visible = "key => window.planview.entries.find(e => e.key === key).layer.getVisible()";
        assertEquals(true, page.evaluate(visible, key));
        toggle.uncheck();
        assertEquals(false, page.evaluate(visible, key));
        assertTrue(page.url().contains("layers="), "the permalink follows the layers");
        toggle.check();
        assertEquals(true, page.evaluate(visible, key));

        Locator opacity = page.locator("input.layer-opacity[data-layer=\"" + key + "\"]");
        opacity.fill("40");
        assertEquals(0.4, number(page.evaluate("key => window.planview.entries.find(e => e.key === key).layer.getOpacity()", key)), 1e-9);
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void identifyingAProjectShowsItsSourceQuote() throws SQLException {
        String[] project = firstProjectWithSource();
        browser.open(page, null);
        // Centre the map on the project at a zoom where no other project shares its pixel, then click it.
        page.evaluate("id => { const e = window.planview.entries.find(x => x.group === 'projects');"
                + " const f = e.source.getFeatureById(id); const v = window.planview.map.getView();"
                + " v.setCenter(f.getGeometry().getCoordinates()); v.setZoom(19); window.planview.map.renderSync(); }", project[0]);
        page.waitForTimeout(500);
        BoundingBox map = page.locator("#map").boundingBox();
        page.mouse().click(map.x + map.width / 2, map.y + map.height / 2);
        Locator panel = page.locator("#identify[data-role=project]");
        panel.waitFor();
        assertEquals(project[0], panel.getAttribute("data-feature-id"));
        assertTrue(page.locator("#identify .source-quote").allInnerTexts().contains(project[1]),
                "the quote from the source document is shown: " + project[1]);
        String cited = "《" + project[2].replace('《', '〈').replace('》', '〉') + "》";
        assertTrue(page.locator("#identify .source-doc").allInnerTexts().stream().anyMatch(x -> x.startsWith(cited)
                        && x.contains(project[3]) && x.contains("第 " + project[4] + " 行")),
                "the quote's document is cited by title, date and line: " + cited + " " + page.locator("#identify .source-doc").allInnerTexts());
        assertTrue(page.locator("#identify th").allInnerTexts().contains("名称"), "attributes carry Chinese labels");
        assertFalse(page.locator("#identify .caveat-note").allInnerTexts().isEmpty(), "the location caveat is shown");
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void belowZoom14ParcelsAreTheOverviewGridAndSaySo() throws SQLException {
        double[] at = new double[2];
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Centroid(ST_Envelope(geom)) p FROM land_parcel ORDER BY id LIMIT 1) s");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            at[0] = rs.getDouble(1);
            at[1] = rs.getDouble(2);
        }
        browser.open(page, String.format(java.util.Locale.ROOT, "#map=12.00/%.5f/%.5f&basemap=none&lang=zh", at[0], at[1]));
        page.evaluate("() => { window.planview.entries.forEach(e => e.layer.setVisible(e.role === 'land_parcel'));"
                + " window.planview.map.renderSync(); }");
        page.waitForTimeout(1500);
        BoundingBox map = page.locator("#map").boundingBox();
        page.mouse().click(map.x + map.width / 2, map.y + map.height / 2);
        page.locator("#identify[data-role=land_parcel]").waitFor();
        assertEquals("地块概览（网格汇总）", page.locator("#identify-title").innerText());
        assertTrue(page.locator("#identify th").allInnerTexts().contains("地块数"), "the cell says how many parcels it holds");
        assertTrue(page.locator("#identify .caveat-note").allInnerTexts().stream().anyMatch(t -> t.contains("网格汇总")),
                "the cell says it is a summary, not a parcel");
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void parcelQueryCountMatchesTheDatabase() throws SQLException {
        String code = mostCommonLandUse();
        browser.open(page, null);
        page.click("button[data-tab=query]");
        page.check("#q-landuse input[value=\"" + code + "\"]");
        page.check("#q-status input[value=\"已出让\"]");
        page.fill("#q-area-min", "0.5");
        page.click("#q-run");
        Locator summary = page.locator("#query-summary[data-count]:not([data-count=''])");
        summary.waitFor();
        long shown = Long.parseLong(summary.getAttribute("data-count"));
        long expected = count("SELECT count(*) FROM land_parcel WHERE land_use_code = ? AND status = '已出让' AND area_ha >= 0.5", code);
        assertEquals(expected, shown, "parcels the page found vs. the database");
        assertTrue(expected > 0, "the query should match some parcels in the shipped data");
        Matcher ha = Pattern.compile("面积 ([\\d,.]+) 公顷（([\\d,.]+) 亩）").matcher(summary.innerText());
        assertTrue(ha.find(), summary.innerText());
        double sumHa = number(query("SELECT sum(area_ha) FROM land_parcel WHERE land_use_code = ? AND status = '已出让' AND area_ha >= 0.5", code));
        assertEquals(sumHa, Double.parseDouble(ha.group(1).replace(",", "")), 0.006, "total area in 公顷 vs the database");
        assertEquals(sumHa * 10000 / 666.67, Double.parseDouble(ha.group(2).replace(",", "")), sumHa * 0.001 + 0.06,
                "total area in 亩 vs the database");
        assertEquals(Math.min(20, expected), page.locator("#query-table tbody tr").count());

        Locator first = page.locator("#query-table tbody tr").first();
        String parcelCode = first.locator("td").first().innerText();
        first.click();
        page.locator("#identify[data-role=land_parcel]").waitFor();
        page.waitForFunction("code => document.querySelector('#identify-title').textContent.includes(code)"
                + " && document.querySelector('#identify tr[data-attr=area_m2]')", parcelCode);
        assertTrue(page.locator("#identify .caveat-note").allInnerTexts().stream().anyMatch(t -> t.contains("模拟") || t.contains("合成")),
                "the synthetic caveat is shown with the parcel");
        // The full record (from /items/{id}) keeps its Chinese text.
        assertEquals("已出让", page.innerText("#identify tr[data-attr=status] td"),
                "Chinese text of GET /collections/{id}/items/{fid} (a '?' means the response was not encoded as UTF-8)");
        assertEquals(1, page.evaluate("() => window.planview.query.highlighted().selected"), "the chosen row is highlighted on the map");
        assertEquals(expected, number(page.evaluate("() => window.planview.query.highlighted().results")), 0,
                "every matching parcel is outlined on the map");
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void aDrawnPolygonAndAClusterNarrowTheParcelQueryAsPostgisDoes() throws SQLException {
        browser.open(page, "#map=14.00/109.52000/24.38000&basemap=none&lang=zh");
        page.click("button[data-tab=query]");
        // The cluster nearest the map's centre, so that the polygon drawn around the centre cuts it.
        String cluster = strings("SELECT area_id FROM land_parcel WHERE area_id LIKE 'C%'"
                + " ORDER BY geom <-> ST_SetSRID(ST_MakePoint(109.52, 24.38), 4490) LIMIT 1")[0];
        page.selectOption("#q-area", "cluster:" + cluster);
        page.click("#q-draw");
        BoundingBox map = page.locator("#map").boundingBox();
        double cx = map.x + map.width / 2;
        double cy = map.y + map.height / 2;
        page.mouse().click(cx - 250, cy - 200);
        page.mouse().click(cx + 250, cy - 200);
        page.mouse().click(cx + 250, cy + 200);
        page.mouse().dblclick(cx - 250, cy + 200);
        page.waitForFunction("() => window.planview.query.drawnPolygon() !== null");
        page.click("#q-run");
        Locator summary = page.locator("#query-summary[data-count]:not([data-count=''])");
        summary.waitFor();
        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) page.evaluate("() => window.planview.query.current()");
        @SuppressWarnings("unchecked")
        List<List<Number>> ring = (List<List<Number>>) q.get("polygon");
        StringBuilder wkt = new StringBuilder("POLYGON((");
        for (List<Number> p : ring) wkt.append(p.get(0).doubleValue()).append(' ').append(p.get(1).doubleValue()).append(',');
        wkt.append(ring.get(0).get(0).doubleValue()).append(' ').append(ring.get(0).get(1).doubleValue()).append("))");
        long expected = count("SELECT count(*) FROM land_parcel WHERE area_id = ? AND ST_Intersects(geom, ST_GeomFromText(?, 4490))",
                String.valueOf(q.get("area")).split(":")[1], wkt.toString());
        assertEquals(expected, Long.parseLong(summary.getAttribute("data-count")), "parcels in the drawn polygon and the cluster");
        assertTrue(expected > 0 && expected < count("SELECT count(*) FROM land_parcel WHERE area_id = ?", cluster),
                "the polygon takes part of the cluster: " + expected);
        assertTrue(page.innerText("#q-cql").contains("S_INTERSECTS(geometry,POLYGON(("), page.innerText("#q-cql"));
        assertTrue(page.locator("#identify").isHidden(), "drawing the polygon does not identify what is under it");
        assertEquals(List.of(), browser.consoleErrors);
    }

    /** A village the texts name but do not place: found, answered with its document and quote, and nothing zoomed to. */
    @Test
    void searchAnswersNamedButNotPlacedWithTheQuote() throws SQLException {
        String[] place = strings("SELECT name_zh, quote, title, date FROM named_place WHERE name_zh = '盘古村'");
        browser.open(page, null);
        Object centre = page.evaluate("() => window.planview.map.getView().getCenter().join(',')");
        page.fill("#search-input", place[0]);
        Locator hit = page.locator("#search-results li[data-kind=unplaced]").filter(new Locator.FilterOptions().setHasText(place[0])).first();
        hit.waitFor();
        hit.click();
        String text = page.locator("#search-results li[data-kind=unplaced]").first().innerText();
        assertTrue(text.contains("未给出位置") && text.contains("《" + place[2] + "》") && text.contains(place[3]), text);
        assertTrue(text.contains(place[1]), "the quote that names it: " + text);
        assertEquals(centre, page.evaluate("() => window.planview.map.getView().getCenter().join(',')"), "no point to zoom to");
        assertTrue(page.locator("#identify").isHidden());
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void searchFindsProjectsByChineseOrEnglishNameAndParcelsByCode() throws SQLException {
        String[] project = firstProjectWithSource();
        String[] names = strings("SELECT name_zh, name_en FROM project WHERE id = ?", project[0]);
        String code = strings("SELECT parcel_code FROM land_parcel ORDER BY parcel_code LIMIT 1")[0];
        browser.open(page, null);
        for (String name : List.of(names[0], names[1])) {
            page.fill("#search-input", name);
            // The page lists projects by their name in the page's language (Chinese), whichever name matched.
            Locator hit = page.locator("#search-results li[data-kind=project]").filter(new Locator.FilterOptions().setHasText(names[0])).first();
            hit.waitFor();
            hit.click();
            page.locator("#identify[data-role=project]").waitFor();
            assertEquals(names[0], page.locator("#identify-title").innerText());
        }
        page.fill("#search-input", code.substring(0, code.length() - 1));
        Locator parcel = page.locator("#search-results li[data-kind=parcel]").filter(new Locator.FilterOptions().setHasText(code));
        parcel.waitFor();
        parcel.first().click();
        page.waitForFunction("code => document.querySelector('#identify[data-role=land_parcel] #identify-title')?.textContent.includes(code)", code);
        double zoom = number(page.evaluate("() => window.planview.map.getView().getZoom()"));
        assertTrue(zoom > 14, "choosing a parcel zooms to it (zoom " + zoom + ")");
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void exportedQueryIsAFileGdalReads() throws Exception {
        String code = mostCommonLandUse();
        long expected = count("SELECT count(*) FROM land_parcel WHERE land_use_code = ?", code);
        browser.open(page, null);
        page.click("button[data-tab=query]");
        page.check("#q-landuse input[value=\"" + code + "\"]");
        page.click("#q-run");
        page.locator("#query-summary[data-count]:not([data-count=''])").waitFor();
        page.click("button[data-tab=export]");
        page.selectOption("#export-format", "gpkg");
        page.selectOption("#export-crs", "EPSG:4545");
        // An export is ogr2ogr's work on the server: on a loaded machine it may take longer than Playwright's default 30 s.
        Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(120_000), () -> page.click("#export-run"));
        assertEquals(null, download.failure());
        Path file = Browser.artefacts("downloads").resolve("parcels-" + code + ".gpkg");
        download.saveAs(file);

        String info = Downloads.ogrinfo(file, true);
        Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(info);
        assertTrue(count.find(), info);
        assertEquals(expected, Long.parseLong(count.group(1)), "features in the GeoPackage");
        assertTrue(info.contains("CGCS2000") || info.contains("4545"), "the chosen CRS is in the file: " + info);
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void languageSwitchTranslatesThePage() {
        browser.open(page, null);
        page.click("#lang-switch");
        assertEquals("Liudong New District Planning Map", page.title());
        assertEquals("en", page.getAttribute("html", "lang"));
        assertEquals("中文", page.innerText("#lang-switch"));
        String visible = String.join("\n", page.locator(".topbar .brand, .topbar-tools label, .topbar-tools button:not(#lang-switch),"
                + " #caveat, .tabs, #layer-tree summary, #layer-tree .layer-name, #legend h4, .statusbar").allInnerTexts());
        assertFalse(CJK.matcher(visible).find(), "Chinese text left after switching to English:\n" + visible);
        assertEquals("Search projects, areas, parcel codes", page.getAttribute("#search-input", "placeholder"));
        for (String tab : List.of("query", "export")) {
            page.click("button[data-tab=" + tab + "]");
            String text = page.innerText("#panel-" + tab) + String.join("\n", page.locator("#panel-" + tab + " option").allInnerTexts());
            assertFalse(CJK.matcher(text).find(), "Chinese text left in the " + tab + " panel:\n" + text);
        }
        page.click("button[data-tab=layers]");
        // The permalink follows the page after a short debounce (250 ms).
        page.waitForFunction("() => location.hash.includes('lang=en')", null, new Page.WaitForFunctionOptions().setTimeout(5000));
        assertTrue(page.url().contains("lang=en"), "the permalink keeps the language");
        Browser.screenshot(page, "languageSwitchTranslatesThePage-en");

        page.click("#lang-switch");
        assertEquals("柳东新区规划一张图", page.title());
        assertEquals("图层", page.innerText("button[data-tab=layers]"));
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void cursorCoordinatesAreShownInTheGaussKruegerZoneOfThePoint() throws SQLException {
        browser.open(page, "#map=15.00/109.52000/24.38000&layers=&basemap=none&lang=zh");
        BoundingBox map = page.locator("#map").boundingBox();
        page.mouse().move(map.x + map.width / 2, map.y + map.height / 2);
        String lonLat = page.innerText("#coords-lonlat");
        String gk = page.innerText("#coords-gk");
        Matcher ll = Pattern.compile("经度 ([\\d.]+)°，纬度 ([\\d.]+)°").matcher(lonLat);
        assertTrue(ll.find(), lonLat);
        double lon = Double.parseDouble(ll.group(1));
        double lat = Double.parseDouble(ll.group(2));
        assertEquals(109.52, lon, 0.01);
        // 109.52°E lies in the 3° zone 37 (central meridian 111°E): EPSG:4525, false easting 37,500 km.
        assertTrue(gk.contains("EPSG:4525") && gk.contains("111°E"), gk);
        Matcher xy = Pattern.compile("X ([\\d.]+)\\s+Y ([\\d.]+)").matcher(gk);
        assertTrue(xy.find(), gk);
        String sql = "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4490), 4525) p) s";
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, lon);
            ps.setDouble(2, lat);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // PostGIS keeps x = easting: the page's Y (easting) and X (northing), to the 1e-6° of the shown lon/lat.
                assertEquals(rs.getDouble(1), Double.parseDouble(xy.group(2)), 0.5, "easting vs PostGIS");
                assertEquals(rs.getDouble(2), Double.parseDouble(xy.group(1)), 0.5, "northing vs PostGIS");
            }
        }
        assertEquals(List.of(), browser.consoleErrors);
    }

    @Test
    void measureSavePngAndPermalinkWithQuery() throws Exception {
        browser.open(page, "#map=15.00/109.52000/24.38000&layers=&basemap=none&lang=zh");
        BoundingBox map = page.locator("#map").boundingBox();
        double y = map.y + map.height / 2;
        double x0 = map.x + map.width / 2 - 200;
        double x1 = map.x + map.width / 2 + 200;
        page.click("#tool-measure-line");
        page.mouse().click(x0, y);
        page.mouse().dblclick(x1, y);
        String readout = page.innerText("#measure-readout");
        @SuppressWarnings("unchecked")
        List<Number> ends = (List<Number>) page.evaluate("([a, b, y]) => { const m = window.planview.map; const r = m.getTargetElement().getBoundingClientRect();"
                + " const p = (x) => window.planview.toLonLat(m.getCoordinateFromPixel([x - r.left, y - r.top]));"
                + " return [...p(a), ...p(b)]; }", List.of(x0, x1, y));
        double metres = number(query("SELECT ST_Distance(ST_SetSRID(ST_MakePoint(?, ?), 4490)::geography, ST_SetSRID(ST_MakePoint(?, ?), 4490)::geography)",
                ends.get(0).doubleValue(), ends.get(1).doubleValue(), ends.get(2).doubleValue(), ends.get(3).doubleValue()));
        Matcher m = Pattern.compile("长度：([\\d.]+) (m|km)").matcher(readout);
        assertTrue(m.find(), readout);
        double shown = Double.parseDouble(m.group(1)) * (m.group(2).equals("km") ? 1000 : 1);
        assertEquals(metres, shown, metres * 0.005, "measured length vs PostGIS on the ellipsoid");
        page.click("#tool-clear");

        Download png = page.waitForDownload(() -> page.click("#tool-png"));
        Path file = Browser.artefacts("downloads").resolve("map.png");
        png.saveAs(file);
        byte[] head = Files.readAllBytes(file);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG image");
        int mapHeight = (int) Math.round(number(page.evaluate("() => window.planview.map.getSize()[1] * (window.devicePixelRatio || 1)")));
        assertCaveatBand(file, mapHeight);

        // A link with a query in it opens with the same query run.
        String code = mostCommonLandUse();
        page.click("button[data-tab=query]");
        page.check("#q-landuse input[value=\"" + code + "\"]");
        page.click("#q-run");
        Locator summary = page.locator("#query-summary[data-count]:not([data-count=''])");
        summary.waitFor();
        String count = summary.getAttribute("data-count");
        page.waitForTimeout(400); // the permalink is written a moment after the last change
        String link = page.url();
        assertTrue(link.contains("q="), link);
        Page second = browser.newPage();
        try {
            second.navigate(link);
            second.waitForSelector("body[data-ready=true]");
            Locator again = second.locator("#query-summary[data-count]:not([data-count=''])");
            again.waitFor();
            assertEquals(count, again.getAttribute("data-count"));
            assertTrue(second.isChecked("#q-landuse input[value=\"" + code + "\"]"));
        } finally {
            second.context().close();
        }
        assertEquals(List.of(), browser.consoleErrors);
    }

    // ------------------------------------------------------------------ helpers

    /** A saved map image carries the data caveat in a band under the map: the band's colour, with text in it. */
    private static void assertCaveatBand(Path png, int mapHeight) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getHeight() > mapHeight + 10, "a caveat band under the map: " + image.getHeight() + " vs " + mapHeight);
        int band = 0;
        int ink = 0;
        for (int row = mapHeight + 1; row < image.getHeight(); row++) {
            for (int col = 0; col < image.getWidth(); col++) {
                int rgb = image.getRGB(col, row) & 0xffffff;
                if (rgb == 0xfff4cc) band++;
                else if (((rgb >> 16) & 0xff) < 0xc0 && ((rgb >> 8) & 0xff) < 0xa0) ink++;
            }
        }
        assertTrue(band > image.getWidth() * 5 && ink > 100, "the band holds the caveat text: " + band + " band pixels, " + ink + " ink pixels");
    }

    private static Object query(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                return rs.getObject(1);
            }
        }
    }

    private static String[] firstProjectWithSource() throws SQLException {
        String sql = "SELECT id, sources->0->>'quote', sources->0->>'title', sources->0->>'date', sources->0->>'line'"
                + " FROM project WHERE jsonb_array_length(sources) > 0"
                + " AND (SELECT count(*) FROM project p2 WHERE ST_DWithin(p2.geom, project.geom, 0.0002)) = 1 ORDER BY id LIMIT 1";
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the shipped data has projects with sources");
            return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
        }
    }

    private static String mostCommonLandUse() throws SQLException {
        String sql = "SELECT land_use_code FROM land_parcel GROUP BY land_use_code ORDER BY count(*) DESC, land_use_code LIMIT 1";
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the shipped data has parcels");
            return rs.getString(1);
        }
    }

    private static String[] strings(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                String[] row = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) row[i] = rs.getString(i + 1);
                return row;
            }
        }
    }

    private static long count(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
