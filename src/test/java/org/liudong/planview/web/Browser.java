package org.liudong.planview.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.testing.RepoPaths;

/**
 * Debian's headless Chromium driven by Playwright, with the page's own console errors collected.
 * Requests to other hosts (OSM, 天地图) cannot succeed on a machine without internet; their
 * failures are not the page's errors, everything else is.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;
    final List<String> consoleErrors = new ArrayList<>();

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.playwright = Playwright.create();
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** A fresh page (own context: downloads allowed, 1400×900, Chinese locale) that records errors. */
    Page newPage() {
        return newPage(1400, 900);
    }

    /** The same at another screen size (a phone: 390×844). */
    Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setAcceptDownloads(true)
                .setViewportSize(width, height)
                .setLocale("zh-CN"));
        Page page = context.newPage();
        page.onConsoleMessage(this::record);
        page.onPageError(error -> consoleErrors.add("page error: " + error));
        return page;
    }

    private void record(ConsoleMessage message) {
        if (!"error".equals(message.type())) return;
        String where = message.location() == null ? "" : message.location();
        boolean foreign = !where.isEmpty() && !where.startsWith(baseUrl);
        if (foreign && message.text().startsWith("Failed to load resource")) return;
        consoleErrors.add(message.text() + (where.isEmpty() ? "" : " @ " + where));
    }

    /** Opens the map and waits until it has read the catalogue and loaded its layers. */
    void open(Page page, String hash) {
        page.navigate(baseUrl + "/" + (hash == null ? "" : hash));
        // Generous: the machine's two cores are shared with other builds.
        page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
    }

    static Path screenshot(Page page, String name) {
        Path file = artefacts("screenshots").resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
        return file;
    }

    static Path artefacts(String folder) {
        Path dir = RepoPaths.root().resolve("target").resolve(folder);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
