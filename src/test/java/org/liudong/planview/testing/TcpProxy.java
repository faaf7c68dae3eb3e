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

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
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
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, null);
                pump(upstream, client, served);
            } catch (IOException e) {
                return;
            }
        }
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
                    if (counter != null) counter.addAndGet(n);
                }
            } catch (IOException ignored) {
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
