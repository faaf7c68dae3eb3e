package org.liudong.planview.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.auth.Accounts;
import org.liudong.planview.auth.Role;
import org.liudong.planview.auth.Secrets;
import org.liudong.planview.testing.TestAccess;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** Signing in through the page, HTTP Basic and API tokens; what the session cookie is; CSRF; guessing; the CLI. */
class SignInTest {

    @Test
    void aSignInIsAnHttpOnlySameSiteCookieKeptInTheDatabase() throws Exception {
        TestAccounts.Session s = TestAccounts.signIn(Role.EDITOR);
        assertEquals(200, s.response().statusCode(), s.response().body());
        String setCookie = s.response().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(s.response().body().contains("\"role\":\"editor\""), s.response().body());
        String token = s.cookie().substring(s.cookie().indexOf('=') + 1);
        assertEquals(1, count("SELECT count(*) FROM account_session WHERE token_hash = ?", Secrets.sha256(token)),
                "the session is in PostgreSQL, under the token's hash");
        assertEquals(0, count("SELECT count(*) FROM account_session WHERE token_hash = ?", token), "never the token itself");

        HttpResponse<String> me = get("/auth/session", Map.of("Cookie", s.cookie()));
        assertTrue(me.body().contains("\"signedIn\":true") && me.body().contains("test-editor"), me.body());

        assertEquals(403, post("/auth/logout", "{}", Map.of("Cookie", s.cookie())).statusCode(), "the page's CSRF token, here too");
        HttpResponse<String> out = post("/auth/logout", "{}", Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrfToken()));
        assertEquals(204, out.statusCode());
        assertEquals(0, count("SELECT count(*) FROM account_session WHERE token_hash = ?", Secrets.sha256(token)));
        assertTrue(get("/auth/session", Map.of("Cookie", s.cookie())).body().contains("\"signedIn\":false"));
    }

    @Test
    void writesFromThePageNeedTheSessionsCsrfTokenAndThisOrigin() {
        TestAccounts.Session s = TestAccounts.signIn(Role.ADMIN);
        String body = "{\"access\":\"public\"}";
        HttpResponse<String> noToken = put("/collections/districts/access", body, Map.of("Cookie", s.cookie()));
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertTrue(noToken.body().contains("X-CSRF-Token"), noToken.body());
        HttpResponse<String> wrongToken = put("/collections/districts/access", body, Map.of("Cookie", s.cookie(), "X-CSRF-Token", "guess"));
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> otherSite = put("/collections/districts/access", body,
                Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrfToken(), "Origin", "http://evil.example"));
        assertEquals(403, otherSite.statusCode(), otherSite.body());
        HttpResponse<String> ok = put("/collections/districts/access", body, Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrfToken(),
                "Origin", TestServer.baseUrl()));
        assertEquals(200, ok.statusCode(), ok.body());
    }

    @Test
    void passwordsAreArgon2idHashes() throws Exception {
        TestAccounts.account(Role.VIEWER);
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM account WHERE name = 'test-viewer'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            String hash = rs.getString(1);
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
            assertFalse(hash.contains(TestAccounts.PASSWORD));
        }
    }

    @Test
    void guessingIsCutOffPerAccountAndRecordedInTheDatabase() throws Exception {
        Accounts accounts = new Accounts(TestDatabase.dataSource());
        String name = "test-guessed";
        if (accounts.find(name).isEmpty()) accounts.create(name, Role.VIEWER, TestAccounts.PASSWORD);
        int limit = TestDatabase.settings().auth().maxFailuresPerAccount();
        for (int i = 0; i < limit; i++) {
            assertEquals(401, TestAccounts.signIn(TestServer.baseUrl(), name, "wrong password " + i).response().statusCode());
        }
        TestAccounts.Session refused = TestAccounts.signIn(TestServer.baseUrl(), name, TestAccounts.PASSWORD);
        assertEquals(429, refused.response().statusCode(), "even the right password is not checked now");
        assertTrue(refused.response().headers().firstValue("Retry-After").isPresent());
        assertEquals(limit, count("SELECT count(*) FROM login_attempt WHERE account_name = ? AND NOT succeeded", name));
        HttpResponse<String> basic = get("/collections", Map.of("Authorization", TestAccounts.basic(name, TestAccounts.PASSWORD)));
        assertEquals(429, basic.statusCode(), "HTTP Basic counts against the same limit");
    }

    @Test
    void apiClientsUseHttpBasicOrTheirOwnTokens() {
        HttpResponse<String> wrong = get("/collections", Map.of("Authorization", TestAccounts.basic("test-viewer", "not the password")));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), "QGIS asks for the password again");
        TestAccounts.account(Role.VIEWER);
        assertEquals(200, get("/collections", Map.of("Authorization", TestAccounts.basic(Role.VIEWER))).statusCode());

        TestAccounts.Session s = TestAccounts.signIn(Role.VIEWER);
        HttpResponse<String> issued = post("/auth/tokens", "{\"label\":\"QGIS\"}", Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrfToken()));
        assertEquals(201, issued.statusCode(), issued.body());
        String token = issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        String id = issued.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertTrue(token.startsWith("pv_"), token);
        assertEquals(1, count("SELECT count(*) FROM api_token WHERE token_hash = ?", Secrets.sha256(token)), "stored as its hash");
        assertEquals(200, get("/auth/session", Map.of("Authorization", "Bearer " + token)).statusCode());
        assertTrue(get("/auth/session", Map.of("Authorization", "Bearer " + token)).body().contains("test-viewer"));
        HttpResponse<String> revoked = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/auth/tokens/" + id))
                .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrfToken()).DELETE().build());
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertEquals(403, get("/collections", Map.of("Authorization", "Bearer " + token)).statusCode(), "a revoked token opens nothing");
    }

    @Test
    void withoutAnonymousReadingOnlyTheMapAndSigningInAreOpen() {
        App closed = App.start(TestDatabase.settings(Map.of("PLANVIEW_ANONYMOUS_READ", "false")));
        try {
            String base = "http://127.0.0.1:" + closed.port();
            HttpResponse<String> collections = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/collections")).build());
            assertEquals(401, collections.statusCode());
            assertTrue(collections.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            HttpResponse<String> fromPage = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/collections"))
                    .header("X-Planview-Page", "1").build());
            assertEquals(401, fromPage.statusCode());
            assertTrue(fromPage.headers().firstValue("WWW-Authenticate").isEmpty(), "no browser password dialog over the page's own sign-in");
            assertEquals(401, TestServer.send(HttpRequest.newBuilder(URI.create(base + "/collections/districts/tiles/WebMercatorQuad/10/450/834"))
                    .build()).statusCode());
            assertEquals(200, TestServer.send(HttpRequest.newBuilder(URI.create(base + "/health")).build()).statusCode());
            assertEquals(200, TestServer.send(HttpRequest.newBuilder(URI.create(base + "/auth/session")).build()).statusCode());
            assertEquals(200, TestServer.send(HttpRequest.newBuilder(URI.create(base + "/collections"))
                    .header("Authorization", TestAccounts.basic(Role.VIEWER)).build()).statusCode());
        } finally {
            closed.close();
        }
    }

    @Test
    void theCommandLineMakesAnAccountThatCanSignIn() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Accounts accounts = new Accounts(TestDatabase.dataSource());
        UserCommand cli = new UserCommand(accounts, TestAccess.audit(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String name = "test-cli-" + System.nanoTime() % 100000;
        cli.run(new String[] {"add", name, "viewer", "--generate"});
        String password = printed.toString(StandardCharsets.UTF_8).replaceAll("(?s).*password \\(shown once\\): (\\S+).*", "$1");
        TestAccounts.Session s = TestAccounts.signIn(TestServer.baseUrl(), name, password);
        assertEquals(200, s.response().statusCode(), s.response().body());
        assertNotNull(s.csrfToken());
        cli.run(new String[] {"role", name, "editor"});
        assertEquals(Role.EDITOR, accounts.find(name).orElseThrow().role());
        cli.run(new String[] {"reset", name, "--generate"});
        assertTrue(get("/auth/session", Map.of("Cookie", s.cookie())).body().contains("\"signedIn\":false"), "a reset ends the sessions");
        cli.run(new String[] {"list"});
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains(name + " "));
        assertEquals(3, count("SELECT count(*) FROM audit.event WHERE parameters->>'account' = ? AND user_name LIKE 'cli:%'", name));
    }

    static long count(String sql, String param) throws RuntimeException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path)).GET();
        headers.forEach(b::header);
        return TestServer.send(b.build());
    }

    static HttpResponse<String> post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    static HttpResponse<String> put(String path, String json, Map<String, String> headers) {
        return send("PUT", path, json, headers);
    }

    static HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return TestServer.send(b.build());
    }
}
