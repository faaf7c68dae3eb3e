package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * 属性表 of layers other than the parcels: the filter row's CQL2, the count, sort and paging the
 * server does, row ↔ map selection, the totals and the export by the filter — each figure against
 * plain SQL on the test database or GDAL's reading of the exported file.
 */
class AttributeTableBrowserTest {
    private static final String LIUDONG = "FROM project WHERE scope = 'liudong'";
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
        Browser.screenshot(page, "attribute-table-" + info.getTestMethod().orElseThrow().getName());
        page.context().close();
    }

    /** Waits until the table's page and its totals have both arrived. */
    private void waitLoaded() {
        page.waitForFunction("() => { const b = document.getElementById('attr-table');"
                + " return b.dataset.loading === 'false' && document.getElementById('attr-totals').textContent !== ''; }");
    }

    private long matched() {
        return Long.parseLong(page.getAttribute("#attr-page", "data-matched"));
    }

    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) page.evaluate("() => [...document.querySelectorAll('#attr-table-grid tbody tr')].map(r => r.dataset.id)");
    }

    private void openTable(String layer) {
        page.click(".layer-table[data-layer=" + layer + "]");
        waitLoaded();
    }

    @Test
    void filterSortPageSelectAndExportTheProjects() throws Exception {
        openTable("projects");
        assertEquals(Sql.number("SELECT count(*) " + LIUDONG), matched(), "the whole layer, counted by SQL");
        assertTrue(page.isVisible("th[data-sort=category]"), "a column per queryable");

        // Paging by the server: the second page holds the 26th to the 50th feature, none of the first page's.
        List<String> first = rowIds();
        assertEquals(25, first.size());
        page.click("#attr-next");
        waitLoaded();
        List<String> second = rowIds();
        assertTrue(page.textContent("#attr-page").startsWith("第 26–50 条"), page.textContent("#attr-page"));
        Set<String> both = new HashSet<>(first);
        both.retainAll(second);
        assertTrue(both.isEmpty(), "pages overlap: " + both);
        page.click("#attr-prev");
        waitLoaded();
        assertEquals(first, rowIds());

        // Row → map: the view goes to the project's point (PostGIS's coordinates of it).
        String chosen = first.get(3);
        page.click("#attr-table-grid tbody tr[data-id='" + chosen + "']");
        page.waitForTimeout(700);   // the view animates for 300 ms
        Object[] xy = Sql.row("SELECT ST_X(geom), ST_Y(geom) FROM project WHERE id = ?", chosen);
        @SuppressWarnings("unchecked")
        List<Number> centre = (List<Number>) page.evaluate("() => window.planview.toLonLat(window.planview.map.getView().getCenter())");
        assertEquals(((Number) xy[0]).doubleValue(), centre.get(0).doubleValue(), 1e-6);
        assertEquals(((Number) xy[1]).doubleValue(), centre.get(1).doubleValue(), 1e-6);
        assertEquals(chosen, page.getAttribute("#attr-table-grid tbody tr.selected", "data-id"));

        // Map → row: on another page, a click on the project's star marks it at the top of the table.
        page.click("#attr-next");
        waitLoaded();
        assertFalse(rowIds().contains(chosen));
        MapPage.waitForRender(page);
        BoundingBox map = page.locator("#map").boundingBox();
        @SuppressWarnings("unchecked")
        List<Number> px = (List<Number>) page.evaluate("() => window.planview.map.getPixelFromCoordinate(window.planview.map.getView().getCenter())");
        page.mouse().click(map.x + px.get(0).doubleValue(), map.y + px.get(1).doubleValue());
        page.waitForSelector("#attr-table-grid tbody tr.pinned.selected");
        String picked = page.getAttribute("#attr-table-grid tbody tr.selected", "data-id");
        // Projects placed on the very same point cannot be told apart by a click: any of them is right.
        Set<String> there = new HashSet<>();
        for (Object[] r : Sql.rows("SELECT id FROM project WHERE ST_DWithin(geom::geography,"
                + " (SELECT geom::geography FROM project WHERE id = ?), 3)", chosen)) {
            there.add((String) r[0]);
        }
        assertTrue(there.contains(picked), picked + " is not at " + chosen + "'s point");

        // A filter per column: text equals, a number range → one CQL2 filter, counted by SQL.
        String category = Sql.string("SELECT category " + LIUDONG + " GROUP BY category ORDER BY count(*) DESC, category LIMIT 1");
        page.selectOption("select[data-column=category][data-part=op]", "eq");
        page.fill("input[data-column=category][data-part=text]", category);
        page.fill("input[data-column=status_year][data-part=min]", "2010");
        page.click("#attr-apply");
        waitLoaded();
        long expected = (long) Sql.number("SELECT count(*) " + LIUDONG + " AND category = ? AND status_year >= 2010", category);
        assertTrue(expected > 1, "the test needs a filter that selects several projects");
        assertEquals(expected, matched());
        assertEquals(expected, Long.parseLong(page.getAttribute("#attr-totals", "data-count")), "the totals' count");
        String cql = page.textContent("#attr-cql");
        assertEquals("\"category\" = '" + category + "' AND \"status_year\" >= 2010", cql);

        // Sort by a column: descending status_year puts SQL's latest year first.
        page.click("th[data-sort=status_year]");
        waitLoaded();
        page.click("th[data-sort=status_year]");
        waitLoaded();
        String latest = Sql.string("SELECT max(status_year) " + LIUDONG + " AND category = ? AND status_year >= 2010", category);
        int yearColumn = ((Number) page.evaluate("() => [...document.querySelectorAll('#attr-table-grid thead tr:first-child th')]"
                + ".findIndex(th => th.dataset.sort === 'status_year')")).intValue();
        @SuppressWarnings("unchecked")
        List<String> years = (List<String>) page.evaluate("(i) => [...document.querySelectorAll('#attr-table-grid tbody tr')]"
                + ".map(r => r.children[i].textContent)", yearColumn);
        assertEquals(latest, years.get(0));
        for (int i = 1; i < years.size(); i++) {
            assertTrue(Integer.parseInt(years.get(i - 1)) >= Integer.parseInt(years.get(i)), "not in descending order: " + years);
        }
        assertTrue(page.isVisible("th.sorted-desc[data-sort=status_year]"));

        // Export by the filter (not by ids): the link carries the CQL2 text; GDAL counts the file.
        page.selectOption("#attr-export-format", "gpkg");
        String href = page.getAttribute("#attr-export", "href");
        String query = URI.create(TestServer.baseUrl() + href).getRawQuery();
        assertTrue(query.contains("filter-lang=cql2-text"), href);
        Matcher m = Pattern.compile("(?:^|&)filter=([^&]*)").matcher(query);
        assertTrue(m.find(), href);
        assertEquals(cql, URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        assertFalse(query.contains("ids="), href);
        APIResponse response = page.request().get(TestServer.baseUrl() + href);
        assertEquals(200, response.status(), response.text());
        Path file = Browser.artefacts("attribute-table").resolve("projects-filtered.gpkg");
        Files.write(file, response.body());
        String info = Downloads.ogrinfo(file, true);
        assertTrue(info.contains("Feature Count: " + expected), info);
        assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
    }

    @Test
    void polygonLayerTotalsInHectaresAndMu() throws Exception {
        openTable("industrial-clusters");
        String where = "FROM planning_area WHERE kind = 'cluster'";
        assertEquals(Sql.number("SELECT count(*) " + where), matched());
        double ha = Sql.number("SELECT sum(ST_Area(geom::geography)) / 10000 " + where);
        assertEquals(ha, Double.parseDouble(page.getAttribute("#attr-totals", "data-area-ha")), 1e-6 * ha);
        assertEquals(ha * 15, Double.parseDouble(page.getAttribute("#attr-totals", "data-area-mu")), 1e-6 * ha * 15);

        // A "contains" filter on a Chinese name, counted by SQL's LIKE.
        page.selectOption("select[data-column=name_zh][data-part=op]", "like");
        page.fill("input[data-column=name_zh][data-part=text]", "汽车");
        page.press("input[data-column=name_zh][data-part=text]", "Enter");
        waitLoaded();
        long expected = (long) Sql.number("SELECT count(*) " + where + " AND name_zh LIKE '%汽车%'");
        assertTrue(expected >= 1, "the test needs a cluster named 汽车…");
        assertEquals(expected, matched());
        double filteredHa = Sql.number("SELECT sum(ST_Area(geom::geography)) / 10000 " + where + " AND name_zh LIKE '%汽车%'");
        assertEquals(filteredHa, Double.parseDouble(page.getAttribute("#attr-totals", "data-area-ha")), 1e-6 * filteredHa);
        assertTrue(page.textContent("#attr-totals").contains("公顷"), page.textContent("#attr-totals"));
        assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
    }
}
