package org.liudong.planview.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline for a request's headers, which Jetty 11 does not have: its idle timeout starts again
 * with every byte, so a client sending its headers a byte a second (slowloris) holds a connection
 * for ever, and a few thousand such clients hold them all. Every {@code seconds} a connection
 * waiting for headers is looked at; one found half-way through a request's headers twice in a row
 * is answered 408 and closed. A client thus has at least {@code seconds}, at most twice that, to
 * send its headers. A connection with no byte of a next request is left to the idle timeout.
 * Added as a bean to the connector, it hears of every connection and request.
 */
public final class HeaderDeadline implements Connection.Listener, HttpChannel.Listener {
    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);
    private final long millis;
    private final Map<Connection, Scheduler.Task> checks = new ConcurrentHashMap<>();
    private final Set<Connection> halfWay = ConcurrentHashMap.newKeySet();

    public HeaderDeadline(int seconds) {
        this.millis = seconds * 1000L;
    }

    @Override
    public void onOpened(Connection c) {
        if (c instanceof HttpConnection http) schedule(http);
    }

    @Override
    public void onClosed(Connection c) {
        Scheduler.Task t = checks.remove(c);
        if (t != null) t.cancel();
        halfWay.remove(c);
    }

    /** The headers are complete: no deadline while the request is handled. */
    @Override
    public void onRequestBegin(Request request) {
        Connection c = request.getHttpChannel().getConnection();
        Scheduler.Task t = checks.remove(c);
        if (t != null) t.cancel();
        halfWay.remove(c);
    }

    /** Answered: the next request on this connection has its deadline too. */
    @Override
    public void onComplete(Request request) {
        if (request.getHttpChannel().getConnection() instanceof HttpConnection http && http.getEndPoint().isOpen()) schedule(http);
    }

    private void schedule(HttpConnection c) {
        Scheduler.Task t = c.getConnector().getScheduler().schedule(() -> check(c), millis, TimeUnit.MILLISECONDS);
        Scheduler.Task old = checks.put(c, t);
        if (old != null) old.cancel();
    }

    private void check(HttpConnection c) {
        if (!c.getEndPoint().isOpen() || !checks.containsKey(c)) return;
        if (c.getParser().isStart()) {
            halfWay.remove(c);  // nothing of a request yet: the idle timeout decides
        } else if (!halfWay.add(c)) {
            timeOut(c);
            return;
        }
        schedule(c);
    }

    private void timeOut(HttpConnection c) {
        onClosed(c);
        log.info("closing a connection from {}: its request headers did not arrive within {} s", c.getEndPoint().getRemoteSocketAddress(),
                millis / 1000);
        byte[] body = JettyProblems.body(408, "the request's headers did not arrive within " + millis / 1000
                + " s; the connection is closed", null);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: " + ErrorHandling.PROBLEM_JSON + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        EndPoint end = c.getEndPoint();
        try {
            end.write(Callback.from(end::close, failure -> end.close()), ByteBuffer.wrap(head), ByteBuffer.wrap(body));
        } catch (RuntimeException e) {
            end.close();  // a write was pending after all: just close
        }
    }
}
