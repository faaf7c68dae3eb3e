package org.liudong.planview.exchange.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import org.liudong.planview.exchange.shapefile.DbfText;
import org.liudong.planview.http.Problem;

/**
 * The text encoding of an upload's attributes, as GDAL names it (UTF-8 or CP936 = GBK). For a
 * shapefile: as the editor said, else as its .cpg says, else detected — and in every case checked
 * against the .dbf's bytes, so a wrong claim is refused instead of loading mojibake.
 */
final class ImportEncoding {
    private ImportEncoding() {
    }

    static String resolve(UploadedDataset data, String given) throws IOException {
        if (!data.format().equals("shapefile")) {
            if (given != null && !given.isBlank() && normalise(given, "encoding") != Choice.UTF8) {
                throw Problem.badRequest("encoding: a " + data.format() + " is always UTF-8; encoding applies to shapefiles");
            }
            return "UTF-8";
        }
        Choice claimed = null;
        String claimant = null;
        if (given != null && !given.isBlank()) {
            claimed = normalise(given, "encoding");
            claimant = "the encoding given";
        } else if (data.cpg() != null && !data.cpg().isBlank()) {
            claimed = normalise(data.cpg(), ".cpg");
            claimant = "the .cpg file";
        }
        if (claimed != null) {
            DbfText.Check check = DbfText.check(data.dbf(), claimed.charset);
            if (!check.valid()) {
                Choice other = claimed == Choice.UTF8 ? Choice.GBK : Choice.UTF8;
                throw Problem.badRequest("the attribute table is not " + claimed.label + " as " + claimant + " says (record "
                        + (check.firstBadRecord() + 1) + " does not decode); is it " + other.label + "? Send encoding=" + other.label);
            }
            return claimed.gdal;
        }
        if (DbfText.check(data.dbf(), DbfText.UTF8).valid()) return Choice.UTF8.gdal;
        if (DbfText.check(data.dbf(), DbfText.GBK).valid()) return Choice.GBK.gdal;
        throw Problem.badRequest("the attribute table is neither UTF-8 nor GBK text; save it in one of those encodings");
    }

    private enum Choice {
        UTF8("UTF-8", "UTF-8", DbfText.UTF8),
        GBK("GBK", "CP936", DbfText.GBK);

        final String label;
        final String gdal;
        final Charset charset;

        Choice(String label, String gdal, Charset charset) {
            this.label = label;
            this.gdal = gdal;
            this.charset = charset;
        }
    }

    private static Choice normalise(String name, String what) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "UTF8", "65001" -> Choice.UTF8;
            case "GBK", "CP936", "936", "GB2312", "ANSI936" -> Choice.GBK;
            default -> throw Problem.badRequest(what + ": '" + (name.length() > 40 ? name.substring(0, 40) : name)
                    + "' is not supported; UTF-8 and GBK are");
        };
    }
}
