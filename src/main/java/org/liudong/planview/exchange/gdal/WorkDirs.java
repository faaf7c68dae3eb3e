package org.liudong.planview.exchange.gdal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One temporary directory per export or import job, under a root that is swept of stale jobs at start. */
public final class WorkDirs {
    private static final Logger log = LoggerFactory.getLogger(WorkDirs.class);
    private final Path root;

    public WorkDirs(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the exchange work directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path create(String prefix) {
        try {
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory in " + root, e);
        }
    }

    public long usableBytes() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Removes job directories left by a crash: older than {@code age}, so running jobs of another server are spared. */
    public void sweep(Duration age) {
        Instant cutoff = Instant.now().minus(age);
        try (Stream<Path> jobs = Files.list(root)) {
            jobs.filter(p -> lastModified(p).toInstant().isBefore(cutoff)).forEach(p -> {
                log.info("removing stale exchange directory {}", p);
                delete(p);
            });
        } catch (IOException e) {
            log.warn("cannot sweep {}: {}", root, e.getMessage());
        }
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.from(Instant.EPOCH);
        }
    }
}
