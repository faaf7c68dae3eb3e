package org.liudong.planview.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to PostgreSQL that a test can cut and restore, to see how the server
 * behaves while its database is away — without stopping the PostgreSQL other tests use.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    /** Bytes sent back from the target: how much the target served through this proxy. */
    private final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
    private int port;
    /** A pause after each chunk the target sends back: a slow network, so a test can act while a read is under way. */
    private volatile long pauseMillis;
    /** Every session through the proxy starts with {@code default_transaction_read_only = on}, as on a standby. */
    private volatile boolean readOnly;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /**
     * Makes every session opened through the proxy from now on read-only, as a hot standby's are:
     * the proxy declines TLS (so it can read the start-up message) and adds the setting
     * {@code default_transaction_read_only=on} to it, so a write there fails (SQLSTATE 25006) —
     * for JDBC and libpq clients (ogr2ogr) alike.
     */
    public TcpProxy readOnly() {
        readOnly = true;
        return this;
    }

    public synchronized int start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = s;
        port = s.getLocalPort();
        Thread t = new Thread(() -> accept(s), "tcp-proxy-accept");
        t.setDaemon(true);
        t.start();
        return port;
    }

    /** Refuses new connections and breaks the existing ones, as a database crash would. */
    public synchronized void cut() throws IOException {
        if (listener != null) listener.close();
        listener = null;
        for (Socket s : open) {
            try { s.close(); } catch (IOException ignored) { }
        }
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                open.add(client);
                if (readOnly) {
                    Thread t = new Thread(() -> relayReadOnly(client), "tcp-proxy-startup");
                    t.setDaemon(true);
                    t.start();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(upstream);
                pump(client, upstream, null);
                pump(upstream, client, served);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int PROTOCOL_3 = 196608;

    /** The PostgreSQL start-up, TLS and GSS encryption declined, with the read-only setting added; then a plain relay. */
    private void relayReadOnly(Socket client) {
        try {
            java.io.DataInputStream in = new java.io.DataInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            byte[] startup;
            while (true) {
                int length = in.readInt();
                byte[] body = new byte[length - 4];
                in.readFully(body);
                int code = java.nio.ByteBuffer.wrap(body).getInt();
                if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
                    toClient.write('N');
                    toClient.flush();
                    continue;
                }
                if (code != PROTOCOL_3) {
                    startup = java.nio.ByteBuffer.allocate(length).putInt(length).put(body).array();
                    break;
                }
                // Parameters are name\0value\0 pairs ending in \0: add ours before that end.
                byte[] extra = "default_transaction_read_only\0on\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length + extra.length);
                b.putInt(length + extra.length).put(body, 0, body.length - 1).put(extra).put((byte) 0);
                startup = b.array();
                break;
            }
            Socket upstream = new Socket(targetHost, targetPort);
            open.add(upstream);
            upstream.getOutputStream().write(startup);
            upstream.getOutputStream().flush();
            pump(client, upstream, null);
            pump(upstream, client, served);
        } catch (IOException e) {
            try { client.close(); } catch (IOException ignored) { }
        }
    }

    /** Pauses {@code millis} after each chunk (up to 16 KB) the target sends back; 0: full speed again. */
    public void slowDown(long millis) {
        pauseMillis = millis;
    }

    /** Bytes the target has sent back through this proxy so far. */
    public long bytesServed() {
        return served.get();
    }

    private void pump(Socket from, Socket to, java.util.concurrent.atomic.AtomicLong counter) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                    if (counter != null) {
                        counter.addAndGet(n);
                        long pause = pauseMillis;
                        if (pause > 0) Thread.sleep(pause);
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // one side went away: close both below
            } finally {
                try { from.close(); } catch (IOException ignored) { }
                try { to.close(); } catch (IOException ignored) { }
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
