package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.auth.Role;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** Signing in on the map, the admin's audit trail and users, and an editor's rollback — in headless Chromium. */
class AccountsBrowserTest {
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser(TestServer.baseUrl());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    private static void signIn(Page page, Role role) {
        page.click("#account-sign-in");
        page.fill("dialog input[name=name]", TestAccounts.account(role));
        page.fill("dialog input[name=password]", TestAccounts.PASSWORD);
        page.click("dialog[open] button[type=submit]");
        page.waitForSelector("#account-who");
        page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));
    }

    @Test
    void anAdminSignsInBrowsesTheAuditTrailAndAddsAUser() throws Exception {
        Page page = browser.newPage();
        try {
            browser.open(page, null);
            signIn(page, Role.ADMIN);
            assertEquals("test-admin · 管理员", page.innerText("#account-who"));
            page.click("#account-admin");
            page.waitForSelector("#audit-table tbody tr");
            long rows = sql("SELECT count(*) FROM audit.event");
            assertEquals("共 " + rows + " 条", page.innerText("#audit-count"), "the count is the trail's, read with SQL");
            Browser.screenshot(page, "admin-audit");

            page.selectOption("#admin-audit select[name=action]", "login");
            page.click("#admin-audit button[type=submit]");
            page.waitForFunction("n => document.querySelector('#audit-count').textContent === n",
                    "共 " + sql("SELECT count(*) FROM audit.event WHERE action = 'login'") + " 条");
            Download csv = page.waitForDownload(() -> page.click("#audit-csv"));
            byte[] bytes = Files.readAllBytes(csv.path());
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            assertEquals(sql("SELECT count(*) FROM audit.event WHERE action = 'login'"), lines.size() - 1);

            page.click("dialog[open] .tabs .tab:nth-child(2)");
            String name = "web-user-" + System.nanoTime() % 100000;
            page.fill("#user-add input[name=name]", name);
            page.fill("#user-add input[name=password]", "a browser password");
            page.selectOption("#user-add select[name=role]", "editor");
            page.click("#user-add button[type=submit]");
            page.waitForSelector("#admin-users td:text-is('" + name + "')");
            assertEquals(1, sql("SELECT count(*) FROM account WHERE name = '" + name + "' AND role = 'editor'"));
            Browser.screenshot(page, "admin-users");
        } finally {
            page.context().close();
        }
    }

    @Test
    void anEditorRollsALayerBack() throws Exception {
        String id = "web-versions-" + System.nanoTime() % 100000;
        String one = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":1,\"name_zh\":\"一\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[109.5,24.4]}}]}";
        assertEquals(201, Upload.post("/collections", "一.geojson", one.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", id, "title_zh", "网页版本")).statusCode());
        assertEquals(200, Upload.put("/collections/" + id + "/items", "二.geojson", one.replace("一", "二").getBytes(StandardCharsets.UTF_8),
                Upload.fields()).statusCode());
        Page page = browser.newPage();
        page.onDialog(d -> d.accept());  // the rollback's confirmation
        try {
            browser.open(page, null);
            signIn(page, Role.EDITOR);
            page.click("#account-versions");
            page.waitForSelector("#versions-layer option[value='" + id + "']", new Page.WaitForSelectorOptions().setState(
                    com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            page.selectOption("#versions-layer", id);
            try {
                page.waitForSelector("#versions-table tr[data-version='1'] button.rollback");
            } catch (RuntimeException e) {
                Browser.screenshot(page, "versions-failed");
                throw new AssertionError("no rollback button; console: " + browser.consoleErrors + "; dialog: " + page.innerText("dialog[open]"), e);
            }
            page.click("#versions-table tr[data-version='1'] button.compare");
            page.waitForFunction("() => document.querySelector('#versions-message').textContent.includes('修改 1')");
            page.click("#versions-table tr[data-version='1'] button.rollback");
            page.waitForSelector("#versions-table tr[data-version='3']");
            Browser.screenshot(page, "versions-rollback");
            assertEquals(1, sql("SELECT count(*) FROM layer_version WHERE collection_id = '" + id + "' AND version = 3 AND restored_from = 1"));
            assertEquals(1, sql("SELECT count(*) FROM imported." + id.replace('-', '_') + " WHERE name_zh = '一'"));
        } finally {
            page.context().close();
        }
    }

    @Test
    void withoutAnonymousReadingTheMapAsksForASignInFirst() {
        App closed = App.start(TestDatabase.settings(Map.of("PLANVIEW_ANONYMOUS_READ", "false")));
        try (Browser own = new Browser("http://127.0.0.1:" + closed.port())) {
            Page page = own.newPage();
            page.navigate("http://127.0.0.1:" + closed.port() + "/",
                    new Page.NavigateOptions().setWaitUntil(com.microsoft.playwright.options.WaitUntilState.DOMCONTENTLOADED));
            try {
                page.waitForSelector("dialog input[name=name]");
            } catch (RuntimeException e) {
                Browser.screenshot(page, "sign-in-required-failed");
                throw new AssertionError("no sign-in dialog; console: " + own.consoleErrors + "; body: "
                        + page.innerText("body").substring(0, Math.min(400, page.innerText("body").length())), e);
            }
            Browser.screenshot(page, "sign-in-required");
            assertTrue(page.innerText("dialog[open]").contains("本系统需登录后使用"));
            page.fill("dialog input[name=name]", TestAccounts.account(Role.VIEWER));
            page.fill("dialog input[name=password]", TestAccounts.PASSWORD);
            page.click("dialog[open] button[type=submit]");
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));
            assertEquals("test-viewer · 浏览", page.innerText("#account-who"));
            assertTrue(page.locator("#layer-tree input.layer-toggle").count() >= 6, "the layers load once signed in");
            assertEquals(List.of(), own.consoleErrors);
        } finally {
            closed.close();
        }
    }

    private static long sql(String query) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
