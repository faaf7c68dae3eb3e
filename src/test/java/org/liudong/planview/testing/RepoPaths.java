package org.liudong.planview.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout and the shared seed texts are, wherever the tests run from. */
public final class RepoPaths {
    private RepoPaths() {
    }

    public static Path root() {
        String fromMaven = System.getProperty("planview.repoRoot");
        Path p = Path.of(fromMaven != null ? fromMaven : ".").toAbsolutePath().normalize();
        if (!Files.exists(p.resolve("pom.xml"))) {
            throw new IllegalStateException("cannot find the repository root (no pom.xml in " + p + ")");
        }
        return p;
    }

    /** Whether ../shared/seeds is there: a newcomer's clone has no shared/, and tests of quotes skip. */
    public static boolean haveSeeds() {
        return Files.isDirectory(root().resolveSibling("shared").resolve("seeds"));
    }

    public static final String NO_SEEDS = "the seed texts (../shared/seeds beside the checkout) are absent: quotes cannot be checked";

    /** ../shared/seeds beside the checkout: CI lays shared/ next to the clone. */
    public static Path seeds() {
        Path s = root().resolveSibling("shared").resolve("seeds");
        if (!Files.isDirectory(s)) {
            throw new IllegalStateException("the source texts are missing: expected " + s);
        }
        return s;
    }
}
