package org.liudong.planview.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.liudong.planview.App;

/**
 * The server as a process of its own (a child JVM running {@link App} from the test classpath)
 * on the throwaway database, so that a test can kill it the way a crash does — the JVM and the
 * GDAL processes it started, as a container or service manager stops a process group — and
 * start another one after it.
 */
public final class ServerProcess implements AutoCloseable {
    private static int started;
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server with the test settings plus {@code extra}, and waits until /health says 200. */
    public static ServerProcess start(Map<String, String> extra) throws IOException, InterruptedException {
        int port = freePort();
        Map<String, String> env = new HashMap<>(extra);
        env.put("PLANVIEW_PORT", Integer.toString(port));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, App.class.getName()));
        pb.environment().putAll(TestDatabase.environment(env));
        Path log;
        synchronized (ServerProcess.class) {
            log = RepoPaths.root().resolve("target").resolve("server-process-" + (++started) + ".log");
        }
        Files.createDirectories(log.getParent());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        ServerProcess server = new ServerProcess(pb.start(), port, log);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** kill -9 of the server and of every process it started: nothing runs its clean-up. */
    public void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) child.onExit().join();
    }

    /** A normal stop (SIGTERM): the server's shutdown hook closes it. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    private void awaitHealthy(Duration within) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + within.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process ended at start; see " + log + ":\n" + tail());
            }
            try {
                if (TestServer.client().send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("the server process did not become healthy within " + within + "; see " + log);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
