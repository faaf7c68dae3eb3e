package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.App;
import org.liudong.planview.config.Settings;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** "/" is the web map for a browser and the OGC landing page for QGIS, with a built web app present. */
class LandingPageTest {
    @TempDir
    Path web;

    @Test
    void browsersGetTheWebMapAndOgcClientsGetJson() throws Exception {
        Files.writeString(web.resolve("index.html"), "<!DOCTYPE html><title>柳东 map</title>", StandardCharsets.UTF_8);
        TestDatabase.dataSource();
        Settings s = TestDatabase.settings();
        Settings withWeb = s.withServer(s.server().withWebDir(web));
        try (App app = App.start(withWeb)) {
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> browser = get(base + "/", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertEquals(200, browser.statusCode());
            assertTrue(browser.body().contains("柳东 map"), browser.body());

            HttpResponse<String> qgis = get(base + "/", "application/json");
            assertEquals(200, qgis.statusCode());
            assertEquals("application/json", qgis.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(qgis.body().contains("\"conformance\""), qgis.body());

            HttpResponse<String> explicit = get(base + "/?f=json", "text/html");
            assertTrue(explicit.body().contains("\"service-desc\""));
            HttpResponse<String> ogcHtml = get(base + "/?f=html", "text/html");
            assertTrue(ogcHtml.body().contains("Collections"), "f=html is the OGC landing page as HTML");
            HttpResponse<String> noAccept = get(base + "/", null);
            assertTrue(noAccept.body().contains("\"links\""), "no Accept header: JSON");
        }
    }

    @Test
    void theOgcLandingPageAsHtmlIsAlwaysThere() throws Exception {
        HttpResponse<String> r = TestServer.get("/?f=html", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("<!DOCTYPE html>"));
    }

    static HttpResponse<String> get(String url, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (accept != null) b.header("Accept", accept);
        return TestServer.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
