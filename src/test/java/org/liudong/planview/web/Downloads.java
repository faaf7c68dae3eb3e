package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Files the browser tests download, read back with the real GDAL. */
final class Downloads {
    private Downloads() {
    }

    /** ogrinfo's output for the file ({@code -so}: the summary only). */
    static String ogrinfo(Path file, boolean summaryOnly) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro", "-al"));
        if (summaryOnly) cmd.add("-so");
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ogrinfo did not finish");
        assertEquals(0, p.exitValue(), "ogrinfo could not read the download:\n" + out);
        return out;
    }

    /** Unpacks a ZIP into a new directory beside it; the files it held. */
    static List<Path> unzip(Path zip) throws IOException {
        Path dir = zip.resolveSibling(zip.getFileName() + ".d");
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path out = dir.resolve(e.getName()).normalize();
                assertTrue(out.startsWith(dir), "a ZIP entry outside its directory: " + e.getName());
                Files.copy(z, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                files.add(out);
            }
        }
        return files;
    }

    static Path withExtension(List<Path> files, String extension) {
        return files.stream().filter(f -> f.getFileName().toString().endsWith(extension)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + extension + " in " + files));
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
