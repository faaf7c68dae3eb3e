package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestServer;

/**
 * 分类设色 of an imported layer: an editor imports polygons with a Chinese land-use property of 14
 * categories; the planner colours the layer by it. The legend holds the 12 largest categories and
 * 其他, each count as SQL's GROUP BY counts it; the map draws the legend's colours; the print
 * layout's legend lists the same categories.
 */
class CategoryStyleBrowserTest {
    private static final String LAYER = "category-test";
    private static final String TABLE = "imported.category_test";
    private static final String PROPERTY = "用地性质";
    // 14 categories, 29 polygons: the last two categories fall into 其他.
    private static final String[] USES = {"工业用地", "商业用地", "居住用地", "教育用地", "绿地与广场用地", "物流仓储用地",
        "公用设施用地", "交通场站用地", "医疗卫生用地", "文化用地", "体育用地", "行政办公用地", "农林用地", "水域"};
    private static final int[] COUNTS = {5, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1};
    private static Browser browser;

    @BeforeAll
    static void importLayer() {
        StringBuilder features = new StringBuilder();
        int n = 0;
        for (int i = 0; i < USES.length; i++) {
            for (int k = 0; k < COUNTS[i]; k++, n++) {
                // A 6 × 5 grid of 300 m squares north of the Liudong centre, one use after another.
                double x = 109.48 + (n % 6) * 0.003;
                double y = 24.36 + (n / 6) * 0.003;
                if (features.length() > 0) features.append(',');
                features.append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"id\":\"F%d\",\"%s\":\"%s\"},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}}",
                        n, PROPERTY, USES[i], x, y, x + 0.0028, y, x + 0.0028, y + 0.0028, x, y + 0.0028, x, y));
            }
        }
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
        HttpResponse<String> r = Upload.post("/collections", "分类测试.geojson", geojson.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", LAYER, "title_zh", "分类测试图层", "title_en", "Category test"));
        assertEquals(201, r.statusCode(), r.body());
        browser = new Browser(TestServer.baseUrl());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void anImportedLayerColouredByACategoryProperty() throws Exception {
        browser.consoleErrors.clear();
        Page page = browser.newPage();
        try {
            browser.open(page, "#map=15.50/109.4885/24.3675&basemap=none&layers=" + LAYER);
            // In one colour, the layer is in the legend with its title.
            assertTrue(page.textContent("#legend .legend-item[data-layer=" + LAYER + "]").contains("分类测试图层"));
            page.selectOption(".layer-classify[data-layer=" + LAYER + "]", PROPERTY);
            page.waitForSelector(".legend-categories[data-layer=" + LAYER + "] .legend-item");

            // The legend against SQL's GROUP BY: the 12 largest categories, each with its count, and 其他 for the rest.
            Map<String, Long> byUse = new HashMap<>();
            for (Object[] row : Sql.rows("SELECT \"" + PROPERTY + "\", count(*) FROM " + TABLE + " GROUP BY 1")) {
                byUse.put((String) row[0], ((Number) row[1]).longValue());
            }
            long total = (long) Sql.number("SELECT count(*) FROM " + TABLE);
            @SuppressWarnings("unchecked")
            List<Map<String, String>> legend = (List<Map<String, String>>) page.evaluate("() => [...document.querySelectorAll("
                    + "'.legend-categories[data-layer=" + LAYER + "] .legend-item')].map(i => ({ value: i.dataset.value,"
                    + " count: i.dataset.count, label: i.querySelector('.legend-label').textContent,"
                    + " colour: getComputedStyle(i.querySelector('.swatch')).backgroundColor }))");
            assertEquals(13, legend.size(), "12 categories and 其他: " + legend);
            long shown = 0;
            long smallestShown = Long.MAX_VALUE;
            List<String> colours = new ArrayList<>();
            for (Map<String, String> item : legend.subList(0, 12)) {
                String use = item.get("value");
                assertEquals(byUse.get(use), Long.valueOf(item.get("count")), "the count of " + use);
                assertEquals(use, item.get("label"));
                shown += byUse.get(use);
                smallestShown = Math.min(smallestShown, byUse.get(use));
                colours.add(item.get("colour"));
            }
            assertEquals(12, colours.stream().distinct().count(), "a colour per category: " + colours);
            for (var e : byUse.entrySet()) {
                boolean listed = legend.subList(0, 12).stream().anyMatch(i -> i.get("value").equals(e.getKey()));
                assertTrue(listed || e.getValue() <= smallestShown, e.getKey() + " (" + e.getValue() + ") is left out for a smaller one");
            }
            Map<String, String> other = legend.get(12);
            assertEquals("__other__", other.get("value"));
            assertTrue(other.get("label").startsWith("其他"), other.toString());
            assertEquals(total - shown, Long.parseLong(other.get("count")), "其他 holds the rest");

            // The map draws the legend's colours: opaque pixels of at least three of them (outlines are the full colour).
            MapPage.waitForRender(page);
            @SuppressWarnings("unchecked")
            Map<String, Object> pixels = (Map<String, Object>) page.evaluate(MapPage.COUNT_PIXELS_BY_COLOUR);
            @SuppressWarnings("unchecked")
            Map<String, Number> byColour = (Map<String, Number>) pixels.get("byColour");
            List<String> palette = colours.stream().map(CategoryStyleBrowserTest::hex).toList();
            Map<String, Long> drawn = new HashMap<>();
            byColour.forEach((hex, count) -> {
                String near = MapPage.nearestColour(hex, palette, 3);
                if (near != null) drawn.merge(near, count.longValue(), Long::sum);
            });
            drawn.values().removeIf(c -> c < 20);
            assertTrue(drawn.size() >= 3, "legend colours drawn on the map: " + drawn);
            Browser.screenshot(page, "category-style-map");

            // The print layout's legend lists the categories with their counts.
            page.click("#tool-print");
            page.fill("#print-title", "分类设色测试");
            page.selectOption("#print-scale", "view");
            page.selectOption("#print-dpi", "150");
            page.click("#print-make");
            page.waitForSelector("#print-preview .print-sheet img", new Page.WaitForSelectorOptions().setTimeout(90_000));
            String printed = page.textContent("#print-preview .print-legend-list");
            assertTrue(printed.contains("分类测试图层 · " + PROPERTY), printed);
            for (Map<String, String> item : legend.subList(0, 12)) {
                assertTrue(printed.contains(item.get("value") + "（" + item.get("count") + "）"), item + " not in " + printed);
            }
            assertTrue(printed.contains("其他（2 类）（" + (total - shown) + "）"), printed);
            Browser.screenshot(page, "category-style-print");

            // The link keeps the choice: a colleague opening it sees the same legend.
            String hash = page.evaluate("() => window.location.hash").toString();
            assertTrue(java.net.URLDecoder.decode(hash, StandardCharsets.UTF_8).contains("cat=" + LAYER + ":" + PROPERTY), hash);
            Page again = browser.newPage();
            try {
                browser.open(again, hash);
                again.waitForSelector(".legend-categories[data-layer=" + LAYER + "] .legend-item");
                assertEquals(13, again.locator(".legend-categories[data-layer=" + LAYER + "] .legend-item").count());
                assertEquals(PROPERTY, again.inputValue(".layer-classify[data-layer=" + LAYER + "]"));
            } finally {
                again.context().close();
            }
            assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
        } finally {
            page.context().close();
        }
    }

    /** The 属性表 of the imported layer: a filter on its Chinese property, counted and totalled by SQL. */
    @Test
    void theAttributeTableFiltersAChineseProperty() throws Exception {
        browser.consoleErrors.clear();
        Page page = browser.newPage();
        try {
            browser.open(page, "#map=15.50/109.4885/24.3675&basemap=none&layers=" + LAYER);
            page.click(".layer-table[data-layer=" + LAYER + "]");
            page.waitForFunction("() => document.getElementById('attr-table').dataset.loading === 'false'"
                    + " && document.getElementById('attr-totals').dataset.count !== ''");
            page.fill("input[data-column=" + PROPERTY + "][data-part=text]", "工业用地");
            page.click("#attr-apply");
            page.waitForFunction("() => document.getElementById('attr-table').dataset.loading === 'false'"
                    + " && document.getElementById('attr-totals').dataset.count !== ''");
            long expected = (long) Sql.number("SELECT count(*) FROM " + TABLE + " WHERE \"" + PROPERTY + "\" = '工业用地'");
            assertEquals(5, expected);
            assertEquals(expected, Long.parseLong(page.getAttribute("#attr-page", "data-matched")));
            double ha = Sql.number("SELECT sum(ST_Area(geom::geography)) / 10000 FROM " + TABLE + " WHERE \"" + PROPERTY + "\" = '工业用地'");
            assertEquals(ha, Double.parseDouble(page.getAttribute("#attr-totals", "data-area-ha")), 1e-6 * ha);
            assertEquals("\"" + PROPERTY + "\" = '工业用地'", page.textContent("#attr-cql"));
            // Sorted by the Chinese column, descending: the server's order, as SQL sorts the same values.
            page.click("#attr-clear");
            page.waitForFunction("() => document.getElementById('attr-table').dataset.loading === 'false'");
            page.click("th[data-sort=" + PROPERTY + "]");
            page.waitForFunction("() => document.getElementById('attr-table').dataset.loading === 'false'");
            page.click("th[data-sort=" + PROPERTY + "]");
            page.waitForFunction("() => document.getElementById('attr-table').dataset.loading === 'false'"
                    + " && document.querySelector('th.sorted-desc') !== null");
            String top = Sql.string("SELECT \"" + PROPERTY + "\" FROM " + TABLE + " ORDER BY 1 DESC LIMIT 1");
            int column = ((Number) page.evaluate("(p) => [...document.querySelectorAll('#attr-table-grid thead tr:first-child th')]"
                    + ".findIndex(th => th.dataset.sort === p)", PROPERTY)).intValue();
            assertEquals(top, page.textContent("#attr-table-grid tbody tr:first-child td:nth-child(" + (column + 1) + ")"));
            assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
        } finally {
            page.context().close();
        }
    }

    /** rgb(r, g, b) as #rrggbb. */
    private static String hex(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return String.format("#%02x%02x%02x", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
