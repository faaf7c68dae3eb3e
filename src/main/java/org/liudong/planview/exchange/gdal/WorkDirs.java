package org.liudong.planview.exchange.gdal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One temporary directory per export or import job, inside this server's own directory of the
 * exchange directory ({@code <exchange dir>/<database key>/<owner id>/}), so that what a crash
 * leaves behind is known to be whose ({@link LeftoverSweeper}). Uploads are spooled there too.
 */
public final class WorkDirs {
    private static final Logger log = LoggerFactory.getLogger(WorkDirs.class);
    /** Job directories and Jetty's upload spools as an older version left them, owned by nobody. */
    private static final Pattern UNOWNED = Pattern.compile("(export-|import-|MultiPart).*");
    private final Path own;
    private final WorkOwner owner;

    /** {@code exchangeDir} may be shared by several servers; each works in its own directory below it. */
    public WorkDirs(Path exchangeDir, WorkOwner owner) {
        this.owner = owner;
        this.own = ofDatabase(exchangeDir, owner).resolve(owner.id());
        createDirectories(own);
    }

    /** The directory of the owner's database in {@code exchangeDir}: every server on that database works below it. */
    static Path ofDatabase(Path exchangeDir, WorkOwner owner) {
        return exchangeDir.toAbsolutePath().normalize().resolve(owner.databaseKey());
    }

    /** Whose jobs these are: it names their tables too. */
    public WorkOwner owner() {
        return owner;
    }

    /** This server's directory: its jobs, and spooled uploads. */
    public Path root() {
        return own;
    }

    /** A new job directory; the owner's lock is made sure of first, so that no other server sweeps it. */
    public Path create(String prefix) {
        owner.ensureHeld();
        createDirectories(own);  // a sweep of an earlier life or a tmp cleaner may have removed it
        try {
            return Files.createTempDirectory(own, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory in " + own, e);
        }
    }

    public long usableBytes() {
        try {
            return Files.getFileStore(own).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * What lies in {@code dir} by owner id: each server's own directory, and under "" the job
     * directories and upload spools an older version left directly in it. Nothing else there is
     * touched: the exchange directory may be a shared one.
     */
    static Map<String, List<Path>> byOwner(Path dir) {
        Map<String, List<Path>> found = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return found;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                String owner = WorkOwner.isOwnerDirectory(name) ? name : UNOWNED.matcher(name).matches() ? "" : null;
                if (owner != null) found.computeIfAbsent(owner, k -> new ArrayList<>()).add(p);
            }
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.getMessage());
        }
        return found;
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

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the exchange work directory " + dir, e);
        }
    }
}
