package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.liudong.planview.testing.TestServer;

/** The 指标 panel in headless Chromium: a planner opens an indicator, sees its warning, chart and quotes. */
class IndicatorPanelBrowserTest {
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
    void openPanel() {
        browser.consoleErrors.clear();
        page = browser.newPage();
        browser.open(page, null);
        page.locator(".tabs .tab[data-tab=indicators]").click();
        page.waitForSelector("#panel-indicators .ind-card");
    }

    @AfterEach
    void keepScreenshot(TestInfo info) {
        Browser.screenshot(page, info.getTestMethod().orElseThrow().getName());
        page.context().close();
    }

    @Test
    void anIndicatorOpensToItsChartWarningAndQuote() {
        assertEquals("指标", page.locator(".tabs .tab[data-tab=indicators]").innerText());
        Locator card = page.locator(".ind-card[data-indicator=land_supply]");
        assertTrue(card.getAttribute("class").contains("warning"), "land supply behind its 2021 path stands out");
        assertEquals("预警", card.locator(".badge.warn").innerText());
        card.locator(".ind-head").click();
        page.waitForSelector(".ind-card[data-indicator=land_supply] .ind-chart[data-drawn=true] svg");
        Locator progress = card.locator(".ind-progress.warn");
        assertTrue(progress.innerText().contains("23.5%"), progress.innerText());
        assertTrue(progress.innerText().contains("50.0%"), progress.innerText());
        assertTrue(progress.locator(".ind-rule").first().innerText().contains("直线进度"));

        card.locator("button.ind-num[data-value-id='land_supply-1']").click();
        Locator quote = card.locator(".ind-quote");
        assertTrue(quote.isVisible());
        assertTrue(quote.locator("blockquote").innerText().contains("完成土地供应1457.83亩"), quote.innerText());
        assertEquals("何培俊同志在柳东新区年中工作会议上的讲话", quote.locator(".ind-doc-title").innerText());
        assertTrue(quote.innerText().contains("004_a758eb157387da20.txt 第 47 行"), quote.innerText());
        assertTrue(!card.innerText().contains("null") && !card.innerText().contains("undefined"), card.innerText());
        assertEquals(List.of(), browser.consoleErrors, "console errors");
    }

    @Test
    void disagreeingFiguresAreBothShownWithTheirQuotes() {
        Locator card = page.locator(".ind-card[data-indicator=attracted_funds]");
        assertEquals("数字不一致", card.locator(".badge.conflict").innerText());
        card.locator(".ind-head").click();
        assertTrue(card.locator(".ind-conflict").innerText().contains("120亿元 / 140亿元"));
        card.locator("button.ind-num", new Locator.LocatorOptions().setHasText("140亿元")).click();
        assertTrue(card.locator(".ind-quote blockquote").innerText().contains("到位资金140亿元"));
        card.locator("button.ind-num", new Locator.LocatorOptions().setHasText("120亿元")).click();
        assertTrue(card.locator(".ind-quote blockquote").innerText().contains("招商引资到位资金完成120亿元"));
    }

    @Test
    void the2025TargetsAreSummarisedAndEnglishIsOneClickAway() {
        Locator box = page.locator(".ind-2025");
        assertTrue(box.locator("li[data-indicator=population]").innerText().contains("文本中无可比的实际值"));
        assertTrue(box.locator("li[data-indicator=gdp_growth_nominal_avg] .ind-status.warn").isVisible());
        page.locator("#lang-switch").click();
        assertEquals("Indicators", page.locator(".tabs .tab[data-tab=indicators]").innerText());
        assertTrue(page.locator(".ind-card[data-indicator=land_supply] .badge.warn").innerText().startsWith("Warning"));
        assertTrue(page.locator(".ind-card[data-indicator=land_supply] .ind-name").innerText().equals("Land supplied"));
    }
}
