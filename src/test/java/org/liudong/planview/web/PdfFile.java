package org.liudong.planview.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A PDF the browser printed, read with poppler's command-line tools (pdfinfo, pdftotext, pdffonts,
 * pdftoppm): what a reader of the file gets, not what the page meant to write.
 */
final class PdfFile {
    private static final Pattern PAGE_SIZE = Pattern.compile("Page size:\\s+([\\d.]+) x ([\\d.]+) pts");
    private final Path file;

    PdfFile(Path file) {
        this.file = file;
    }

    /** Width and height of the first page in points (1/72 in). */
    double[] pageSizePoints() {
        Matcher m = PAGE_SIZE.matcher(run("pdfinfo", file.toString()));
        if (!m.find()) throw new AssertionError("pdfinfo gave no page size for " + file);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    int pages() {
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(run("pdfinfo", file.toString()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The text a PDF reader extracts (selectable text, not pixels). */
    String text() {
        return run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
    }

    /** Font lines of pdffonts: name, type, encoding, emb, sub, uni … */
    List<String> fonts() {
        List<String> lines = new ArrayList<>(run("pdffonts", file.toString()).lines().toList());
        return lines.size() > 2 ? lines.subList(2, lines.size()) : List.of();
    }

    /** Whether a pdffonts line says the font is embedded (emb) and maps its glyphs to Unicode (uni). */
    static boolean embeddedWithUnicode(String fontLine) {
        Matcher m = Pattern.compile("(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$").matcher(fontLine);
        return m.find() && m.group(1).equals("yes") && m.group(3).equals("yes");
    }

    /** The first page rendered at {@code dpi}, as the file shows it. */
    BufferedImage render(int dpi) throws IOException {
        Path prefix = file.resolveSibling(file.getFileName() + "-page");
        run("pdftoppm", "-png", "-r", Integer.toString(dpi), "-f", "1", "-l", "1", "-singlefile", file.toString(), prefix.toString());
        return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (poppler-utils; ./planview test installs it): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Share of pixels in the rectangle that are not near-white, and how many distinct colours it holds. */
    static double[] inkAndColours(BufferedImage img, int x0, int y0, int x1, int y1) {
        long ink = 0;
        long total = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = y0; y < y1; y += 2) {
            for (int x = x0; x < x1; x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r < 235 || g < 235 || b < 235) ink++;
                colours.add(rgb & 0xF0F0F0);
                total++;
            }
        }
        return new double[] {(double) ink / total, colours.size()};
    }

    static PdfFile of(Path file) {
        if (!Files.isRegularFile(file)) throw new AssertionError("no PDF at " + file);
        return new PdfFile(file);
    }
}
