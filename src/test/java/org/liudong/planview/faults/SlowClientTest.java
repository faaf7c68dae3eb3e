package org.liudong.planview.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Slowloris: clients that send their request headers a byte at a time, each byte well inside the
 * idle timeout, must not hold the server's connections: past the header deadline the server
 * answers 408 (a problem) and closes, while other clients are served meanwhile.
 */
class SlowClientTest {
    /** How long a slow client would keep dribbling if nobody stopped it. */
    private static final long DRIBBLE_MILLIS = 20_000;

    @Test
    void headersSentByteByByteCannotHoldAConnection() throws Exception {
        TestServer.baseUrl();
        try (App app = App.start(TestDatabase.settings(Map.of("PLANVIEW_HEADER_TIMEOUT_SECONDS", "1")))) {
            List<CompletableFuture<Outcome>> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) slow.add(CompletableFuture.supplyAsync(() -> dribble(app.port())));
            Thread.sleep(500);
            HttpResponse<String> meanwhile = TestServer.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/health")).build());
            assertEquals(200, meanwhile.statusCode(), "other clients are served while slow ones dribble");
            for (CompletableFuture<Outcome> f : slow) {
                Outcome o = f.get();
                assertTrue(o.closedByServer(), "the server ended the connection; the client had sent " + o.bytesSent() + " bytes");
                if (!o.answer().isEmpty()) {
                    RawHttp.Response r = RawHttp.parse(o.answer().getBytes(StandardCharsets.ISO_8859_1));
                    assertEquals(408, r.status(), o.answer());
                    assertEquals("application/problem+json", r.header("Content-Type").split(";")[0]);
                }
            }
        }
    }

    record Outcome(boolean closedByServer, int bytesSent, String answer) {
    }

    /** Sends a request line and then one header byte every 100 ms, never ending the headers. */
    private static Outcome dribble(int port) {
        byte[] start = "GET /health HTTP/1.1\r\nHost: planview\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
        int sent = 0;
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(start);
            out.flush();
            sent += start.length;
            long until = System.currentTimeMillis() + DRIBBLE_MILLIS;
            s.setSoTimeout(100);
            while (System.currentTimeMillis() < until) {
                try {
                    int b = s.getInputStream().read();
                    if (b < 0) return new Outcome(true, sent, "");
                    byte[] rest = RawHttp.readAll(s.getInputStream());
                    return new Outcome(true, sent, (char) b + new String(rest, StandardCharsets.ISO_8859_1));
                } catch (java.net.SocketTimeoutException e) {
                    // nothing from the server yet: send the next byte
                }
                out.write('a');
                out.flush();
                sent++;
            }
            return new Outcome(false, sent, "");
        } catch (IOException e) {
            return new Outcome(true, sent, "");  // reset by the server
        }
    }
}
