package org.liudong.planview.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.liudong.planview.App;

/** The real server, started once per test JVM on a free port against the throwaway database. */
public final class TestServer {
    private static App app;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer() {
    }

    public static synchronized String baseUrl() {
        if (app == null) {
            TestDatabase.dataSource();  // migrate once, before the server starts
            app = App.start(TestDatabase.settings());
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        }
        return "http://127.0.0.1:" + app.port();
    }

    /** Every endpoint the server registered, with its declared access. */
    public static synchronized java.util.List<org.liudong.planview.http.RouteList.Route> routes() {
        baseUrl();
        return app.routes();
    }

    public static HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET().build());
    }

    public static HttpResponse<String> get(String pathAndQuery, String accept) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).header("Accept", accept).GET().build());
    }

    public static HttpResponse<byte[]> getBytes(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient client() {
        return http;
    }
}
