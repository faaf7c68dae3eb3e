package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * 专题制图: the print layout made in the browser and printed to PDF by Chromium, then read back
 * as a reader gets it — page size (pdfinfo), words as text (pdftotext), fonts embedded (pdffonts),
 * and the map on the page (pdftoppm).
 */
class PrintBrowserTest {
    private static final double MM = 72 / 25.4;
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

    private Path printToPdf(String name, String title, String paper, String orientation, String scale, boolean grid) {
        browser.open(page, "#map=14.00/109.47000/24.36000&basemap=none");
        page.click("#tool-print");
        page.fill("#print-title", title);
        page.fill("#print-subtitle", "测试副标题 Subtitle");
        page.selectOption("#print-paper", paper);
        page.selectOption("#print-orientation", orientation);
        page.selectOption("#print-scale", scale);
        page.selectOption("#print-dpi", "150");
        if (grid) page.check("#print-grid");
        page.click("#print-make");
        page.waitForSelector("#print-preview .print-sheet img", new Page.WaitForSelectorOptions().setTimeout(90_000));
        page.waitForFunction("() => [...document.querySelectorAll('#print-preview img')].every((i) => i.complete && i.naturalWidth > 0)");
        Path pdf = Browser.artefacts("print").resolve(name + ".pdf");
        page.pdf(new Page.PdfOptions().setPath(pdf).setPreferCSSPageSize(true).setPrintBackground(true));
        return pdf;
    }

    @Test
    void anA4LandscapeSheetIsOnePageWithTitleLegendCaveatAndTheMapAsText() throws Exception {
        Path file = printToPdf("a4-landscape", "柳东新区用地规划图（测试）", "A4", "landscape", "25000", true);
        PdfFile pdf = PdfFile.of(file);
        assertEquals(1, pdf.pages(), "one sheet, one page");
        double[] size = pdf.pageSizePoints();
        assertEquals(297 * MM, size[0], 1.5, "A4 landscape width");
        assertEquals(210 * MM, size[1], 1.5, "A4 landscape height");

        String text = pdf.text().replaceAll("\\s+", "");
        assertTrue(text.contains("柳东新区用地规划图（测试）"), text);
        assertTrue(text.contains("图例"), text);
        assertTrue(text.contains("1:25000"), "the scale: " + text);
        assertTrue(text.contains("合成示例数据") && text.contains("示意"), "the schematic/synthetic caveat: " + text);
        assertTrue(text.contains("Y37") || text.contains("Y36"), "grid labels carry the zone number: " + text);
        assertTrue(text.contains("EPSG:4525") || text.contains("EPSG:4524"), text);
        // The land uses in the legend: every one the printed extent holds, computed by PostGIS.
        String extent = (String) page.evalOnSelector("#print-preview .print-sheet", "s => s.dataset.extent");
        for (String name : landUsesIn(extent)) {
            assertTrue(text.contains(name), "legend lacks " + name + ": " + text);
        }
        // Chromium embeds the CJK glyphs as outline fonts with a ToUnicode map: text, not pixels.
        List<String> fonts = pdf.fonts();
        assertTrue(!fonts.isEmpty() && fonts.stream().allMatch(PdfFile::embeddedWithUnicode), "fonts embedded with ToUnicode: " + fonts);

        BufferedImage img = pdf.render(50);
        double px = 50 / 25.4;
        double[] map = PdfFile.inkAndColours(img, (int) (12 * px), (int) (29 * px), (int) (215 * px), (int) (170 * px));
        assertTrue(map[0] > 0.5 && map[1] > 12, "the map frame is drawn, not blank: ink " + map[0] + ", colours " + map[1]);
        // The print is in the audit trail: who, what paper, which scale, the layers drawn.
        page.waitForTimeout(500);
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT parameters->>'paper', parameters->>'scale', parameters->>'layers' FROM audit.event"
                        + " WHERE action = 'print' ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "a print row in the audit trail");
            assertEquals("A4-landscape", rs.getString(1));
            assertEquals("25000", rs.getString(2));
            assertTrue(rs.getString(3).contains("land-parcels"), rs.getString(3));
        }
        assertTrue(browser.consoleErrors.isEmpty(), browser.consoleErrors.toString());
    }

    @Test
    void anA3PortraitSheetAtTheCurrentViewHasItsOwnSize() throws Exception {
        Path file = printToPdf("a3-portrait", "A3 纵向测试", "A3", "portrait", "view", false);
        PdfFile pdf = PdfFile.of(file);
        assertEquals(1, pdf.pages());
        double[] size = pdf.pageSizePoints();
        assertEquals(297 * MM, size[0], 1.5, "A3 portrait width");
        assertEquals(420 * MM, size[1], 1.5, "A3 portrait height");
        String text = pdf.text().replaceAll("\\s+", "");
        assertTrue(text.contains("A3纵向测试") && text.contains("测试副标题"), text);
        assertTrue(text.contains("制图日期") && text.contains("资料来源"), text);
        BufferedImage img = pdf.render(40);
        double px = 40 / 25.4;
        double[] map = PdfFile.inkAndColours(img, (int) (12 * px), (int) (29 * px), (int) (285 * px), (int) (300 * px));
        assertTrue(map[0] > 0.5 && map[1] > 12, "the map frame is drawn: ink " + map[0] + ", colours " + map[1]);
    }

    /** Land-use names of the parcels in an EPSG:3857 extent, by PostGIS. */
    private static List<String> landUsesIn(String extent3857) throws Exception {
        String[] v = extent3857.split(",");
        List<String> names = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT land_use_name FROM land_parcel WHERE ST_Intersects(geom, "
                        + "ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 3857), 4490)) ORDER BY 1")) {
            for (int i = 0; i < 4; i++) ps.setDouble(i + 1, Double.parseDouble(v[i]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        assertTrue(!names.isEmpty(), "the printed extent holds parcels");
        return names;
    }
}
