package org.liudong.planview.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.testing.TcpProxy;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

class HealthTest {
    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void reportsPostgisVersionWhenDatabaseIsUp() throws Exception {
        HttpResponse<String> r = TestServer.get("/health");
        assertEquals(200, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals("reachable", body.get("database").asText());
        assertTrue(body.get("postgis").asText().matches("3\\.\\d+.*"), body.toString());
    }

    @Test
    void answers503WhileDatabaseIsDownAndRecoversByItself() throws Exception {
        DatabaseSettings real = TestDatabase.databaseSettings();
        try (TcpProxy proxy = new TcpProxy(real.host(), real.port())) {
            int proxyPort = proxy.start();
            DatabaseSettings viaProxy = new DatabaseSettings("127.0.0.1", proxyPort, real.database(), real.user(), real.password());
            try (App app = App.start(TestDatabase.settings().withDatabase(viaProxy))) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build();

                assertEquals(200, http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode());

                proxy.cut();
                HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());
                assertEquals(503, down.statusCode());
                assertEquals("application/problem+json", down.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                assertEquals("unreachable", json.readTree(down.body()).get("database").asText());
                // Our words, not the pool's (its sizes and timeouts are for the log).
                assertEquals("database unreachable", json.readTree(down.body()).get("detail").asText(), down.body());
                assertTrue(down.headers().firstValue("Retry-After").orElse("").matches("\\d+"), down.headers().toString());

                proxy.start();
                int status = 0;
                for (int i = 0; i < 40 && status != 200; i++) {
                    status = http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode();
                    if (status != 200) Thread.sleep(250);
                }
                assertEquals(200, status, "health must recover once the database is back");
            }
        }
    }

    @Test
    void unknownPathIsProblemJson() throws Exception {
        HttpResponse<String> r = TestServer.get("/no/such/thing");
        assertEquals(404, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(404, json.readTree(r.body()).get("status").asInt());
    }
}
