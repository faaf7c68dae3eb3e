package org.liudong.planview.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

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

    /**
     * ../shared/seeds beside the checkout: CI lays shared/ next to the clone. A plain clone has no
     * such sibling; a test that needs the texts is then skipped (aborted, with this reason in the
     * report), not failed: the texts are public documents kept outside the repository.
     */
    public static Path seeds() {
        Path s = root().resolveSibling("shared").resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(s),
                () -> "skipped: the source texts are not beside this checkout (expected " + s
                        + "); the quote and text checks run where ../shared/seeds is present, as in CI");
        return s;
    }
}
