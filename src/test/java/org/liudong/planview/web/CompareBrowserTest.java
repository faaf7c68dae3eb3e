package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.liudong.planview.testing.TestServer;

/** 对比分析: a swipe shows one set of layers on each side of the divider; side by side shares the view; both live in the permalink. */
class CompareBrowserTest {
    private static final String PARCELS_RIGHT = "#map=15.00/109.47000/24.36000&basemap=none&layers=planning-zones,land-parcels"
            + "&cmp=swipe&cmpL=planning-zones&cmpR=planning-zones,land-parcels&cmpBL=none&cmpBR=none&cmpX=0.500";
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

    /** Share of strongly coloured pixels (land-use fills) in a horizontal band of the map element. */
    private double colour(double from, double to) throws Exception {
        page.waitForTimeout(2500);  // tiles arrive and render
        byte[] png = page.locator("#map").screenshot();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        long coloured = 0;
        long total = 0;
        for (int y = img.getHeight() / 5; y < img.getHeight() * 4 / 5; y += 3) {
            for (int x = (int) (img.getWidth() * from); x < img.getWidth() * to; x += 3) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
                total++;
            }
        }
        return (double) coloured / total;
    }

    @Test
    void theSwipeDrawsParcelsOnOneSideOnlyAndComesBackFromThePermalink() throws Exception {
        browser.open(page, PARCELS_RIGHT);
        assertTrue(page.isVisible(".swipe-handle"), "the divider is on the map");
        double left = colour(0.05, 0.45);
        double right = colour(0.55, 0.95);
        assertTrue(right > 0.2 && left < right / 4, "parcels only right of the divider: left " + left + ", right " + right);

        // Drag the divider to the left: more of the map shows the parcels.
        var box = page.locator(".swipe-handle").boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().down();
        page.mouse().move(box.x - 350, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        double x = ((Number) page.evaluate("() => window.planview.compare.state.x")).doubleValue();
        assertTrue(x < 0.4, "the divider moved: " + x);
        page.waitForFunction("() => location.hash.includes('cmpX=' + window.planview.compare.state.x.toFixed(3))");
        String link = (String) page.evaluate("() => location.href");
        assertTrue(link.contains("cmp=swipe") && link.contains("cmpR=planning-zones%2Cland-parcels"), link);

        Page again = browser.newPage();
        try {
            again.navigate(link);
            again.waitForSelector("body[data-ready=true]");
            assertEquals("swipe", again.evaluate("() => window.planview.compare.state.mode"));
            assertEquals(x, ((Number) again.evaluate("() => window.planview.compare.state.x")).doubleValue(), 0.001);
        } finally {
            again.context().close();
        }
        assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
    }

    @Test
    void sideBySideMapsShareOneView() {
        browser.open(page, "#map=14.00/109.47000/24.36000&basemap=none");
        page.click("#tool-compare");
        page.check("#compare-mode-side");
        page.uncheck("#compare-panel tr[data-key=land-parcels] input[data-side=left]");
        page.waitForSelector("#map-right canvas");
        page.evaluate("() => window.planview.map.getView().setCenter(window.planview.map.getView().getCenter().map((v) => v + 500))");
        @SuppressWarnings("unchecked")
        List<Number> right = (List<Number>) page.evaluate("() => window.planview.compare.rightMap().getView().getCenter()");
        @SuppressWarnings("unchecked")
        List<Number> left = (List<Number>) page.evaluate("() => window.planview.map.getView().getCenter()");
        assertEquals(left.get(0).doubleValue(), right.get(0).doubleValue(), 1e-6);
        assertEquals(left.get(1).doubleValue(), right.get(1).doubleValue(), 1e-6);
        assertEquals(Boolean.FALSE, page.evaluate("() => window.planview.entries.find((e) => e.key === 'land-parcels').layer.getVisible()"));
        assertEquals(Boolean.TRUE, page.evaluate(
                "() => window.planview.compare.rightMap().get('compareEntries').find((e) => e.key === 'land-parcels').layer.getVisible()"));
        page.waitForFunction("() => location.hash.includes('cmp=side')");
    }
}
