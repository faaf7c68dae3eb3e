package org.liudong.planview.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.liudong.planview.auth.Role;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.http.RouteList;
import org.liudong.planview.testing.TestAccess;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Every route of the running server that is not a read (its list as Javalin registered it) refuses
 * an anonymous caller (401) and a viewer (403) — except the few by which an account signs in and
 * out and looks after itself, which are named here, so that a new one cannot slip in unnoticed.
 */
class WriteRoutesRefuseTest {
    /** Signing in and out, one's own password and API tokens: open to anyone, or to any account for itself. */
    private static final Set<String> SELF_SERVICE = Set.of("POST /auth/login", "POST /auth/logout", "POST /auth/password",
            "POST /auth/tokens", "DELETE /auth/tokens/{tokenId}");

    /**
     * Reads that travel by POST because their input is a body (a site boundary; what was printed,
     * for the audit trail), changing no data:
     * named here, and they must be declared READ, so that a write cannot hide among them.
     */
    private static final Set<String> READS_BY_POST = Set.of("POST /analysis/redline", "POST /web/prints");

    @Test
    void readsByPostAreDeclaredReads() {
        for (String name : READS_BY_POST) {
            RouteList.Route r = TestServer.routes().stream().filter(w -> (w.method() + " " + w.path()).equals(name)).findFirst().orElseThrow();
            assertEquals(Set.of("READ"), Set.copyOf(r.roles()), name);
        }
    }

    @Test
    void everyWriteRouteRefusesAnonymousCallersAndViewers() {
        List<RouteList.Route> writes = TestServer.routes().stream()
                .filter(r -> !Set.of("GET", "HEAD", "OPTIONS").contains(r.method()))
                .filter(r -> !READS_BY_POST.contains(r.method() + " " + r.path())).toList();
        Set<String> names = writes.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        // Not vacuous: the writes this server is known to have are in the list.
        for (String known : List.of("POST /collections", "PUT /collections/{collectionId}/items", "POST /collections/{collectionId}/import",
                "POST /collections/{collectionId}/versions/{version}/rollback", "PUT /collections/{collectionId}/access",
                "POST /admin/users", "PUT /admin/users/{name}/role", "PUT /collections/{collectionId}/constraint")) {
            assertTrue(names.contains(known), known + " is registered");
        }
        assertEquals(SELF_SERVICE, names.stream().filter(n -> {
            RouteList.Route r = writes.stream().filter(w -> (w.method() + " " + w.path()).equals(n)).findFirst().orElseThrow();
            return r.roles().contains("OPEN") || r.roles().contains("SELF");
        }).collect(Collectors.toSet()), "the only write routes open to anyone or to any account are the self-service ones");

        String viewer = TestAccounts.basic(Role.VIEWER);
        List<String> checked = new ArrayList<>();
        for (RouteList.Route r : writes) {
            String name = r.method() + " " + r.path();
            if (SELF_SERVICE.contains(name)) continue;
            String path = concrete(r.path());
            HttpResponse<String> anonymous = send(r.method(), path, null);
            assertEquals(401, anonymous.statusCode(), name + " anonymously: " + anonymous.body());
            assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith(ErrorHandling.PROBLEM_JSON), name);
            HttpResponse<String> asViewer = send(r.method(), path, viewer);
            assertEquals(403, asViewer.statusCode(), name + " as a viewer: " + asViewer.body());
            checked.add(name);
        }
        assertTrue(checked.size() >= 7, "checked " + checked);
    }

    @Test
    void selfServiceWritesNeedAnAccountWhereTheyActOnOne() {
        for (String path : List.of("/auth/password", "/auth/tokens")) {
            assertEquals(401, send("POST", path, null).statusCode(), path);
        }
        assertEquals(401, send("DELETE", "/auth/tokens/1", null).statusCode());
    }

    /** A write route that forgot to say who may call it is closed to everyone, admins included. */
    @Test
    void aWriteRouteWithoutADeclaredRoleIsClosed() {
        Javalin app = Javalin.create();
        ErrorHandling.install(app);
        TestAccess.install(app, new Catalog(TestDatabase.dataSource()));
        app.post("/undeclared", ctx -> ctx.result("done"));
        app.get("/declared-read", ctx -> ctx.result("read"));
        app.start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/undeclared"))
                    .header("Authorization", TestAccounts.basic(Role.ADMIN)).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("declares no role"), r.body());
            assertEquals("read", TestServer.send(HttpRequest.newBuilder(URI.create(base + "/declared-read")).build()).body(),
                    "a GET without a role is a read, open while anonymous reading is on");
        } finally {
            app.stop();
        }
    }

    private static String concrete(String template) {
        return template.replace("{collectionId}", "districts").replace("{version}", "1").replace("{name}", "test-viewer")
                .replace("{tokenId}", "1").replaceAll("\\{[^}]+}", "x");
    }

    private static HttpResponse<String> send(String method, String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) b.header("Authorization", authorization);
        return TestServer.send(b.build());
    }
}
