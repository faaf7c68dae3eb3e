package org.liudong.planview.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.liudong.planview.auth.Accounts;
import org.liudong.planview.auth.Role;

/** Accounts of each role for the tests, made once per database, and the ways a client signs in with them. */
public final class TestAccounts {
    public static final String PASSWORD = "correct horse battery";

    private TestAccounts() {
    }

    /** The account {@code test-<role>} (made on first use), e.g. test-viewer. */
    public static synchronized String account(Role role) {
        String name = "test-" + role.code();
        Accounts accounts = new Accounts(TestDatabase.dataSource());
        if (accounts.find(name).isEmpty()) accounts.create(name, role, PASSWORD);
        return name;
    }

    /** An Authorization header value: HTTP Basic of the role's test account. */
    public static String basic(Role role) {
        return basic(account(role), PASSWORD);
    }

    public static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A web-map sign-in: the cookie to send back and the CSRF token writes must carry. */
    public record Session(String cookie, String csrfToken, HttpResponse<String> response) {
    }

    public static Session signIn(String baseUrl, String name, String password) {
        HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(baseUrl + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}")).build());
        String setCookie = r.headers().firstValue("Set-Cookie").orElse(null);
        String cookie = setCookie == null ? null : setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = null;
        int at = r.body().indexOf("\"csrfToken\":\"");
        if (at >= 0) csrf = r.body().substring(at + 13, r.body().indexOf('"', at + 13));
        return new Session(cookie, csrf, r);
    }

    public static Session signIn(Role role) {
        return signIn(TestServer.baseUrl(), account(role), PASSWORD);
    }
}
