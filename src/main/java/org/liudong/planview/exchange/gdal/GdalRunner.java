package org.liudong.planview.exchange.gdal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a GDAL command line tool (ogr2ogr, ogrinfo) as a child process: an argument list (never a
 * shell string), database credentials only in the child's environment, a time limit after which
 * the child is killed, and its output captured (bounded) for the log and the caller.
 */
public final class GdalRunner {
    private static final Logger log = LoggerFactory.getLogger(GdalRunner.class);
    private static final int MAX_CAPTURE = 64 * 1024;
    /**
     * libpq's messages (C locale) for a connection refused, broken, or a server stopping, starting
     * or full — or a read replica cancelling the read to replay a change it conflicts with.
     */
    private static final Pattern LOST_DATABASE = Pattern.compile("(?i)PQconnectdb failed|connection to server .*failed"
            + "|could not connect to server|server closed the connection|terminating connection|no connection to the server"
            + "|the database system is (starting up|shutting down|in recovery mode)|could not (receive|send) data (from|to) server"
            + "|too many clients|conflict with recovery");

    private final Map<String, String> environment;
    private final Duration timeout;

    public GdalRunner(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /**
     * The same tools and limit, with {@code overrides} in the children's environment: an export
     * read on a read replica connects ogr2ogr there (its libpq variables) rather than to the primary.
     */
    public GdalRunner withEnvironment(Map<String, String> overrides) {
        if (overrides.isEmpty()) return this;
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(overrides);
        return new GdalRunner(merged, timeout);
    }

    /** What the tool printed; {@code stdout} is bounded, so use it for small answers (ogrinfo -so). */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Whether the tool failed because PostgreSQL refused or dropped its connection (libpq's words). */
        public boolean lostDatabase() {
            return exitCode != 0 && LOST_DATABASE.matcher(stderr).find();
        }
    }

    /** Throws a {@link GdalException} that is answered 503 when {@code r} failed for want of the database. */
    public static void requireDatabase(Result r, List<String> command) {
        if (r.lostDatabase()) throw GdalException.lostDatabase(command.get(0));
    }

    /** Runs the tool and returns its output, or throws {@link GdalException} when it failed or ran too long. */
    public Result run(Path workDir, List<String> command) {
        Result r = runAllowingFailure(workDir, command);
        requireDatabase(r, command);
        if (r.exitCode() != 0) {
            throw new GdalException(command.get(0) + " failed (exit " + r.exitCode() + "): " + lastLines(r.stderr()));
        }
        return r;
    }

    public Result runAllowingFailure(Path workDir, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile());
        pb.environment().putAll(environment);
        // GDAL's messages in English and UTF-8 regardless of the server's locale.
        pb.environment().put("LC_ALL", "C.UTF-8");
        long started = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new GdalException("cannot start " + command.get(0) + " (is gdal-bin installed?): " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to send anyway
        }
        StreamCapture out = new StreamCapture(p.getInputStream());
        StreamCapture err = new StreamCapture(p.getErrorStream());
        out.start();
        err.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new GdalTimeoutException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s and was stopped");
            }
            out.join(5_000);
            err.join(5_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GdalException(command.get(0) + " was interrupted");
        }
        Result r = new Result(p.exitValue(), out.text(), err.text());
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (r.exitCode() != 0) {
            log.warn("{} exit {} after {} ms: {}", command.get(0), r.exitCode(), ms, lastLines(r.stderr()));
        } else {
            log.debug("{} done in {} ms{}", command.get(0), ms, r.stderr().isBlank() ? "" : ": " + lastLines(r.stderr()));
        }
        return r;
    }

    /** GDAL's own complaint, without its progress dots and repeated lines. */
    public static String complaint(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> l.startsWith("ERROR") || l.startsWith("FAILURE"))
                .distinct().limit(5).toList();
        String msg = lines.isEmpty() ? lastLines(stderr) : String.join(" ", lines);
        return msg.isBlank() ? "GDAL gave no reason" : msg;
    }

    public static String lastLines(String text) {
        String t = text.strip();
        if (t.length() > 2000) t = "…" + t.substring(t.length() - 2000);
        return t;
    }

    /** Drains a child's stream on its own thread so the child never blocks on a full pipe. */
    private static final class StreamCapture extends Thread {
        private final InputStream in;
        private final StringBuilder text = new StringBuilder();

        StreamCapture(InputStream in) {
            super("gdal-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    int room = MAX_CAPTURE - kept.size();
                    if (room > 0) kept.write(buf, 0, Math.min(room, n));
                }
            } catch (IOException e) {
                // the child went away; keep what we have
            }
            synchronized (this) {
                text.append(kept.toString(StandardCharsets.UTF_8));
            }
        }

        synchronized String text() {
            return text.toString();
        }
    }

}
