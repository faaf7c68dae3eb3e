package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestServer;

/**
 * Field checks on a tablet: at 1024×768 and 768×1024 nothing runs off the screen sideways, the
 * map keeps most of it, the side panel opens as a drawer and closes again, controls are at least
 * 40 px for a finger, and the attribute table works docked under the map. Screenshots of each
 * step are kept in {@code target/screenshots/tablet-*.png}.
 */
class TabletLayoutBrowserTest {
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
    void landscape1024x768() {
        check(1024, 768);
    }

    @Test
    void portrait768x1024() {
        check(768, 1024);
    }

    /** Elements of {@code selector} that are shown and stick out of the window or of their box sideways. */
    private static final String OVERFLOWING = """
            (selector) => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length)
              .filter(e => { const r = e.getBoundingClientRect();
                return r.left < -0.5 || r.right > window.innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1; })
              .map(e => (e.id || e.className || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().left) + '–'
                + Math.round(e.getBoundingClientRect().right) + ' scroll ' + e.scrollWidth + '/' + e.clientWidth)""";

    /** Controls of {@code selector} shown on screen whose box is under 40 px in height or width. */
    private static final String SMALL_TARGETS = """
            (selector) => [...document.querySelectorAll(selector)]
              .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
              .filter(e => { const r = e.getBoundingClientRect(); return r.height < 39.5 || r.width < 39.5; })
              .map(e => (e.id || e.dataset.tab || e.dataset.layer || e.textContent.trim()) + ' '
                + Math.round(e.getBoundingClientRect().width) + '×' + Math.round(e.getBoundingClientRect().height))""";

    @SuppressWarnings("unchecked")
    private static List<String> list(Page page, String script, String selector) {
        return (List<String>) page.evaluate(script, selector);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> rect(Page page, String selector) {
        return (Map<String, Number>) page.evaluate("(s) => { const r = document.querySelector(s).getBoundingClientRect();"
                + " return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height }; }", selector);
    }

    private static void check(int width, int height) {
        browser.consoleErrors.clear();
        Page page = browser.newPage(width, height);
        String name = "tablet-" + width + "x" + height;
        try {
            browser.open(page, "#basemap=none");
            Browser.screenshot(page, name + "-map");

            // Nothing sideways: not the page, not the top bar, not a tool in it.
            assertEquals(width, ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue(), "the page scrolls sideways");
            assertEquals(List.of(), list(page, OVERFLOWING, ".topbar, .topbar > *, .topbar-tools > *, .caveat, .statusbar"));
            for (String tool : List.of("#tool-compare", "#tool-locate", "#tool-print", "#lang-switch", "#panel-toggle", "#search-input")) {
                assertTrue(page.isVisible(tool), tool + " is not shown");
            }
            assertEquals(List.of(), list(page, SMALL_TARGETS, ".topbar button, .topbar select, .topbar input"), "touch targets under 40 px");

            // The map: the whole width and most of the height.
            Map<String, Number> map = rect(page, "#map");
            assertTrue(map.get("width").doubleValue() >= width - 1, "map width " + map);
            assertTrue(map.get("height").doubleValue() >= height * 0.6, "map height " + map);
            @SuppressWarnings("unchecked")
            List<Number> size = (List<Number>) page.evaluate("() => window.planview.map.getSize()");
            assertEquals(map.get("width").intValue(), size.get(0).intValue(), "OpenLayers knows the map's size");

            // The side panel: a drawer, closed at first, opened by ☰, every tab reachable, closed by ×.
            assertTrue(rect(page, "#sidebar").get("right").doubleValue() <= 0.5, "the drawer is closed at first");
            page.click("#panel-toggle");
            page.waitForTimeout(400);   // the drawer slides for 200 ms
            Map<String, Number> drawer = rect(page, "#sidebar");
            assertTrue(drawer.get("left").doubleValue() >= -0.5 && drawer.get("right").doubleValue() <= width, "drawer " + drawer);
            assertEquals(List.of(), list(page, SMALL_TARGETS, ".tabs button"), "tabs under 40 px");
            for (String tab : List.of("layers", "query", "export", "statistics", "redline", "indicators")) {
                page.click(".tabs .tab[data-tab=" + tab + "]");
                assertTrue(page.isVisible("#panel-" + tab), tab);
                assertEquals(List.of(), list(page, OVERFLOWING, "#panel-" + tab), "the " + tab + " panel overflows sideways");
                Browser.screenshot(page, name + "-panel-" + tab);
            }
            page.click(".tabs .tab[data-tab=layers]");
            page.click("#panel-close");
            page.waitForTimeout(400);
            assertTrue(rect(page, "#sidebar").get("right").doubleValue() <= 0.5, "the drawer closes");

            // The attribute table from the drawer: the drawer gives way, the table docks under the map.
            page.click("#panel-toggle");
            page.waitForTimeout(400);
            page.click(".layer-table[data-layer=projects]");
            page.waitForFunction("() => document.getElementById('attr-table').dataset.loading === 'false'"
                    + " && document.getElementById('attr-totals').textContent !== ''");
            page.waitForTimeout(400);
            assertTrue(rect(page, "#sidebar").get("right").doubleValue() <= 0.5, "the drawer gives way to the table");
            Map<String, Number> table = rect(page, "#attr-table");
            Map<String, Number> shrunk = rect(page, "#map");
            assertTrue(table.get("left").doubleValue() >= -0.5 && table.get("right").doubleValue() <= width + 0.5, "table " + table);
            assertTrue(shrunk.get("bottom").doubleValue() <= table.get("top").doubleValue() + 1, "the table covers the map");
            assertTrue(shrunk.get("height").doubleValue() >= 250, "the map above the table: " + shrunk);
            assertEquals(List.of(), list(page, OVERFLOWING, "#attr-table, .attr-head, .attr-foot"), "the table's bars overflow");
            assertEquals(List.of(), list(page, SMALL_TARGETS, "#attr-table button, #attr-table select, #attr-export"), "table controls");
            String first = page.getAttribute("#attr-table-grid tbody tr:first-child", "data-id");
            page.click("#attr-table-grid tbody tr:first-child");
            assertEquals(first, page.getAttribute("#attr-table-grid tbody tr.selected", "data-id"));
            page.click("#attr-next");
            page.waitForFunction("() => document.getElementById('attr-table').dataset.loading === 'false'");
            assertTrue(page.textContent("#attr-page").startsWith("第 26–"), page.textContent("#attr-page"));
            Browser.screenshot(page, name + "-table");
            assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
        } finally {
            page.context().close();
        }
    }
}
