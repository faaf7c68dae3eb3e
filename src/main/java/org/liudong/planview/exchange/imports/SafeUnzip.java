package org.liudong.planview.exchange.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.http.Problem;

/**
 * Unpacks an uploaded ZIP without trusting it: no entry may leave the target directory
 * (zip-slip: {@code ..}, absolute paths, drive letters, backslashes), the number of entries is
 * capped, and the bytes actually inflated — not the sizes the archive claims — are counted
 * against a total and a compression ratio, so a zip bomb stops early.
 */
final class SafeUnzip {
    private SafeUnzip() {
    }

    static List<Path> extract(Path zip, Path into, ExchangeLimits limits) {
        long compressedTotal;
        try {
            compressedTotal = Math.max(1, Files.size(zip));
        } catch (IOException e) {
            throw Problem.badRequest("cannot read the upload: " + e.getMessage());
        }
        List<Path> files = new ArrayList<>();
        long inflated = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.size() > limits.maxZipEntries()) {
                throw Problem.badRequest("the ZIP holds " + z.size() + " entries; at most " + limits.maxZipEntries() + " are accepted");
            }
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                checkName(name);
                if (e.isDirectory() || name.startsWith("__MACOSX/") || baseName(name).startsWith("._")) continue;
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into)) throw slip(name);
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
            throw Problem.badRequest("the upload is not a readable ZIP archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw Problem.badRequest("the ZIP archive is damaged: " + e.getMessage());
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
        String shown = name.length() > 80 ? name.substring(0, 77) + "..." : name;
        return Problem.badRequest("the ZIP entry '" + shown + "' points outside the archive (absolute path or '..'); refusing the upload");
    }

    private static String baseName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
