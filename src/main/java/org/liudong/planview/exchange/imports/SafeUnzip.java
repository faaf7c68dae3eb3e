package org.liudong.planview.exchange.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks an uploaded ZIP without trusting it: no entry may leave the target directory
 * (zip-slip: {@code ..}, absolute paths, drive letters, backslashes), the number of entries is
 * capped, and the bytes actually inflated — not the sizes the archive claims — are counted
 * against a total and a compression ratio, so a zip bomb stops early.
 */
final class SafeUnzip {
    private static final Logger log = LoggerFactory.getLogger(SafeUnzip.class);
    private SafeUnzip() {
    }

    static List<Path> extract(Path zip, Path into, ExchangeLimits limits) {
        long compressedTotal;
        try {
            compressedTotal = Math.max(1, Files.size(zip));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored upload", e);  // ours, not the caller's
        }
        List<Path> files = new ArrayList<>();
        long inflated = 0;
        String current = null;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.size() > limits.maxZipEntries()) {
                throw Problem.badRequest("the ZIP holds " + z.size() + " entries; at most " + limits.maxZipEntries() + " are accepted");
            }
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                current = name;
                checkName(name);
                if (e.isDirectory() || name.startsWith("__MACOSX/") || baseName(name).startsWith("._")) continue;
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into)) throw slip(name);
                if (Files.exists(target) || !parentsAreDirectories(into, target)) throw conflict(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        inflated += n;
                        if (inflated > limits.maxUnpackedBytes()) {
                            throw Problem.badRequest("the ZIP unpacks to more than " + limits.maxUnpackedBytes() / (1024 * 1024)
                                    + " MB; that is more than an import accepts");
                        }
                        if (inflated > 1024 * 1024 && inflated / compressedTotal > limits.maxCompressionRatio()) {
                            throw Problem.badRequest("the ZIP unpacks more than " + limits.maxCompressionRatio()
                                    + " times its size; refusing what looks like a zip bomb");
                        }
                        out.write(buf, 0, n);
                    }
                }
                files.add(target);
            }
        } catch (ZipException e) {
            // The reader's words (and, for an entry, the server's paths) are for the log only.
            log.info("unreadable ZIP upload: {}", e.getMessage());
            throw Problem.badRequest(current == null
                    ? "the upload starts like a ZIP archive but is not a readable one (cut short or damaged; its directory at the end is missing)"
                    : "the ZIP archive is damaged: entry '" + shown(current) + "' cannot be unpacked");
        } catch (IOException e) {
            log.info("ZIP upload entry {} could not be unpacked: {}", current, e.toString());
            throw Problem.badRequest("the ZIP archive is damaged: entry '" + shown(current == null ? "" : current)
                    + "' cannot be unpacked");
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("the ZIP archive has an entry name that is not valid UTF-8 or CP437");
        }
        return files;
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            throw slip(name);
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) throw slip(name);
        }
    }

    private static Problem slip(String name) {
        return Problem.badRequest("the ZIP entry '" + shown(name) + "' points outside the archive (absolute path or '..'); refusing the upload");
    }

    /**
     * Two entries claim one place: a file where another entry needs a folder (a symbolic link
     * entry with files below it), or the same name twice.
     */
    private static Problem conflict(String name) {
        return Problem.badRequest("the ZIP entry '" + shown(name) + "' collides with another entry of the archive (a file, or a link, "
                + "where it needs a folder, or the same name twice); refusing the upload");
    }

    /** Whether every folder between {@code root} and {@code target} is a folder, or does not exist yet. */
    private static boolean parentsAreDirectories(Path root, Path target) {
        for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return false;
        }
        return true;
    }

    private static String shown(String name) {
        return name.length() > 80 ? name.substring(0, 77) + "..." : name;
    }

    private static String baseName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
