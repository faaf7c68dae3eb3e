package org.liudong.planview.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liudong.planview.auth.Role;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Each audited action leaves its row, with who, from where, what and how much; the rows can be
 * browsed and downloaded by admins only; and the server's own database role can add rows but not
 * change or remove one.
 */
class AuditTrailTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final String LAYER = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"A","名称":"审计甲"},"geometry":{"type":"Point","coordinates":[109.50,24.40]}},
             {"type":"Feature","properties":{"id":"B","名称":"审计乙"},"geometry":{"type":"Point","coordinates":[109.51,24.41]}},
             {"type":"Feature","properties":{"id":"C","名称":"审计丙"},"geometry":{"type":"Point","coordinates":[109.52,24.42]}}]}""";

    @Test
    void theServersRoleCannotChangeOrRemoveARow() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO audit.event (action, outcome) VALUES ('login', 'failure')");
            for (String change : List.of("UPDATE audit.event SET outcome = 'success'", "DELETE FROM audit.event", "TRUNCATE audit.event")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(change), change);
                assertEquals("42501", e.getSQLState(), change + ": " + e.getMessage());
            }
            boolean sealed;
            try (ResultSet rs = st.executeQuery("""
                    SELECT t.tableowner, r.rolcanlogin, current_user, to_regprocedure('planview_superuser.seal_audit_trail()') IS NOT NULL
                    FROM pg_tables t JOIN pg_roles r ON r.rolname = t.tableowner WHERE t.schemaname = 'audit' AND t.tablename = 'event'""")) {
                rs.next();
                sealed = rs.getBoolean(4);
                Assumptions.assumeTrue(sealed, "the database was not provisioned by ./planview (no sealing function): "
                        + "the trail is protected by revoked privileges and a trigger only");
                assertEquals("planview_audit", rs.getString(1));
                assertEquals(false, rs.getBoolean(2), "nobody logs in as the owner");
                assertNotEquals(rs.getString(3), rs.getString(1));
            }
            // Only an owner could do these; the server's role is not one.
            for (String change : List.of("ALTER TABLE audit.event DISABLE TRIGGER ALL", "DROP TABLE audit.event",
                    "ALTER TABLE audit.event OWNER TO CURRENT_USER", "CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger "
                    + "LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(change), change);
                assertEquals("42501", e.getSQLState(), change + ": " + e.getMessage());
            }
        }
    }

    @Test
    void importsReplacesExportsAndAccountChangesAreRecorded() throws Exception {
        String id = "test-audited-" + System.nanoTime() % 1_000_000;
        HttpResponse<String> created = Upload.post("/collections", "审计.geojson", LAYER.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", id, "title_zh", "审计图层"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode imp = last("import", id);
        assertEquals(3, imp.get("result_size").asLong(), "the three features of the file");
        assertEquals("审计.geojson", imp.get("parameters").get("file").asText());
        assertEquals("editor", imp.get("user_role").asText());
        assertTrue(imp.get("user_name").asText().startsWith("editor-"), "a configured editor token is named by its fingerprint");

        HttpResponse<String> replaced = Upload.put("/collections/" + id + "/items", "审计2.geojson", twoFeatures().getBytes(StandardCharsets.UTF_8),
                Upload.fields());
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode rep = last("replace", id);
        assertEquals(2, rep.get("result_size").asLong());
        assertEquals(2, rep.get("parameters").get("version").asInt());

        HttpResponse<String> refused = Upload.put("/collections/" + id + "/items", "broken.geojson", "{not json".getBytes(StandardCharsets.UTF_8),
                Upload.fields());
        assertEquals(400, refused.statusCode());
        assertEquals("refused", last("replace", id).get("outcome").asText(), "a refused upload is recorded too");

        HttpResponse<byte[]> export = TestServer.getBytes("/collections/" + id + "/export?format=geojson");
        assertEquals(200, export.statusCode());
        JsonNode exp = last("export", id);
        assertEquals(sqlCount("SELECT count(*) FROM imported." + id.replace('-', '_')), exp.get("result_size").asLong());
        assertEquals("geojson", exp.get("parameters").get("format").asText());
        assertTrue(exp.get("user_name").isNull(), "an anonymous export");
        assertTrue(exp.get("client_address").asText().startsWith("127."));

        TestAccounts.Session admin = TestAccounts.signIn(Role.ADMIN);
        assertEquals("test-admin", last("login", null).get("user_name").asText());
        String user = "test-audit-user-" + System.nanoTime() % 1_000_000;
        assertEquals(201, write(admin, "POST", "/admin/users", "{\"name\":\"" + user + "\",\"role\":\"viewer\",\"password\":\"a long password 1\"}").statusCode());
        assertEquals(200, write(admin, "PUT", "/admin/users/" + user + "/role", "{\"role\":\"editor\"}").statusCode());
        assertEquals(200, write(admin, "PUT", "/admin/users/" + user + "/password", "{\"password\":\"another long one 2\"}").statusCode());
        assertEquals(200, write(admin, "PUT", "/admin/users/" + user + "/active", "{\"active\":false}").statusCode());
        for (String action : List.of("user_create", "user_role", "user_password", "user_active")) {
            JsonNode row = last(action, null);
            assertEquals(user, row.get("parameters").get("account").asText(), action);
            assertEquals("test-admin", row.get("user_name").asText(), action);
        }
        assertEquals(200, write(admin, "PUT", "/collections/" + id + "/access", "{\"access\":\"internal\"}").statusCode());
        JsonNode access = last("collection_access", id);
        assertEquals("internal", access.get("parameters").get("to").asText());
        HttpResponse<String> read = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/collections/" + id + "/items"))
                .header("Authorization", TestAccounts.basic(Role.VIEWER)).build());
        assertEquals(200, read.statusCode());
        assertEquals("test-viewer", last("read", id).get("user_name").asText(), "reads of internal data are recorded");

        TestAccounts.signIn(TestServer.baseUrl(), user, "wrong password");
        assertEquals("failure", last("login_failed", null).get("outcome").asText());
        assertEquals(204, write(admin, "POST", "/auth/logout", "{}").statusCode());
        assertEquals("test-admin", last("logout", null).get("user_name").asText());
    }

    @Test
    void adminsBrowseAndDownloadTheTrail() throws Exception {
        TestAccounts.signIn(Role.EDITOR);  // at least one login row
        String admin = TestAccounts.basic(Role.ADMIN);
        HttpResponse<String> page = get("/admin/audit?action=login&limit=5", admin);
        assertEquals(200, page.statusCode(), page.body());
        JsonNode body = json.readTree(page.body());
        assertEquals(sqlCount("SELECT count(*) FROM audit.event WHERE action = 'login'"), body.get("numberMatched").asLong());
        body.get("events").forEach(e -> assertEquals("login", e.get("action").asText()));
        assertTrue(body.get("events").get(0).get("time").asText().endsWith("+08:00"), "shown in Beijing time");

        HttpResponse<byte[]> csv = TestServer.client().send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl()
                + "/admin/audit?f=csv&action=login")).header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3), "UTF-8 BOM for Excel");
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).contains("时间"), lines.get(0));
        assertEquals(body.get("numberMatched").asLong(), lines.size() - 1, "one line per row matched");

        assertEquals(403, get("/admin/audit", TestAccounts.basic(Role.EDITOR)).statusCode());
        assertEquals(401, get("/admin/audit", null).statusCode());
        assertEquals(400, get("/admin/audit?action=nonsense", admin).statusCode());
        assertEquals(400, get("/admin/audit?from=yesterday", admin).statusCode());
    }

    private static String twoFeatures() {
        return LAYER.substring(0, LAYER.lastIndexOf(",\n {\"type\":\"Feature\",\"properties\":{\"id\":\"C\"")) + "]}";
    }

    private static HttpResponse<String> write(TestAccounts.Session s, String method, String path, String body) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path)).header("Content-Type", "application/json")
                .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrfToken()).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path));
        if (authorization != null) b.header("Authorization", authorization);
        return TestServer.send(b.build());
    }

    /** The newest row of an action (for a collection, when given), read with plain SQL. */
    static JsonNode last(String action, String collection) throws Exception {
        String sql = "SELECT row_to_json(e)::text FROM audit.event e WHERE action = ?" + (collection == null ? "" : " AND collection_id = ?")
                + " ORDER BY id DESC LIMIT 1";
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, action);
            if (collection != null) ps.setString(2, collection);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a row for " + action + " " + collection);
                return json.readTree(rs.getString(1));
            }
        }
    }

    static long sqlCount(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
