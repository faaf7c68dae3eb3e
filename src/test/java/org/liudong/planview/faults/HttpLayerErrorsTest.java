package org.liudong.planview.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestServer;

/**
 * Requests Jetty refuses before any route sees them — malformed request lines, control characters,
 * an over-long URL or header, a bad header — are answered like every other error: an
 * application/problem+json body in our words, not Jetty's HTML page or its parser's reasons.
 */
class HttpLayerErrorsTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final Pattern JETTY_WORDS = Pattern.compile("(?i)<h1>|<html|Bad Message|reason:|Illegal character|CNTL|VCHAR|jetty");
    private static int port;

    @BeforeAll
    static void server() {
        port = URI.create(TestServer.baseUrl()).getPort();
    }

    private static String get(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: planview\r\n" + headers + "Connection: close\r\n\r\n";
    }

    @Test
    void controlCharactersAndMalformedRequestsAre400Problems() throws Exception {
        assertProblem(400, RawHttp.send(port, get("/collections/%00/items", "")));
        assertProblem(400, RawHttp.send(port, get("/coll\0ections", "")));
        assertProblem(400, RawHttp.send(port, get("/collections/%zz", "")));
        assertProblem(400, RawHttp.send(port, get("/%2e%2e%2fetc/passwd", "")));
        assertProblem(400, RawHttp.send(port, get("/", "Bad Header\r\n")));
        assertProblem(400, RawHttp.send(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"));  // no Host
        assertProblem(400, RawHttp.send(port, "G@T / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertProblem(400, RawHttp.send(port, "POST /collections HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\nab"));
        RawHttp.Response tls = RawHttp.send(port, new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0, 0, (byte) 0xa1, 0x03, 0x03,
                '\r', '\n', '\r', '\n'});
        assertProblem(400, tls);
    }

    @Test
    void anEncodedSlashInAPathSegmentIsA400() throws Exception {
        RawHttp.Response r = RawHttp.send(port, get("/collections/land-parcels%2Fitems/items", ""));
        assertProblem(400, r);
        assertTrue(r.body().contains("%2F"), r.body());
    }

    @Test
    void anOverlongUrlIs414AndOverlongHeadersAre431() throws Exception {
        assertProblem(414, RawHttp.send(port, get("/collections/land-parcels/items?filter=" + "a".repeat(20_000), "")));
        assertProblem(431, RawHttp.send(port, get("/", "X-Padding: " + "a".repeat(20_000) + "\r\n")));
    }

    @Test
    void anUnknownHttpVersionIs505() throws Exception {
        assertProblem(505, RawHttp.send(port, "GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    private static void assertProblem(int status, RawHttp.Response r) throws Exception {
        assertEquals(status, r.status(), r.headers() + "\n" + r.body());
        assertEquals("application/problem+json", r.header("Content-Type").split(";")[0], r.headers().toString());
        JsonNode body = json.readTree(r.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(status, body.get("status").asInt(), r.body());
        assertFalse(body.get("detail").asText().isBlank(), r.body());
        assertFalse(JETTY_WORDS.matcher(r.body()).find(), "in our words: " + r.body());
    }
}
