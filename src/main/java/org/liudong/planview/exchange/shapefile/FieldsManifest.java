package org.liudong.planview.exchange.shapefile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * fields.csv inside a Shapefile ZIP: for every DBF column its short name, the full name it stands
 * for, and its title — UTF-8 with a BOM so that Excel opens the Chinese correctly. It also says
 * where the DBF format cut a value (254 bytes per text field), so nothing is lost silently.
 */
public final class FieldsManifest {
    public static final String FILE_NAME = "fields.csv";
    public static final int DBF_TEXT_LIMIT = 254;

    private FieldsManifest() {
    }

    /**
     * One column: the name it has in the file, the full name it stands for, its title (may be null),
     * and the CSV file its nested values went to instead of the .dbf (null for a .dbf column).
     */
    public record Field(String shortName, String fullName, String title, String relatedFile) {
    }

    public static byte[] write(List<Field> fields, Map<String, Long> longestBytes, String encodingName) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("short_name,full_name,title,note\r\n");
        for (Field c : fields) {
            Long longest = longestBytes.get(c.shortName());
            String note = "";
            if (c.relatedFile() != null) {
                note = "nested values, not in the .dbf: every value whole in " + c.relatedFile()
                        + " (one row per element, keyed by the feature id)";
            } else if (longest != null && longest > DBF_TEXT_LIMIT) {
                note = "DBF text fields hold at most " + DBF_TEXT_LIMIT + " bytes (" + encodingName + "); the longest value has "
                        + longest + " UTF-8 bytes and is cut in the .dbf — export as GeoPackage for the full text";
            }
            sb.append(csv(c.shortName())).append(',').append(csv(c.fullName())).append(',')
                    .append(csv(c.title() == null ? "" : c.title())).append(',').append(csv(note)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a fields.csv back: short name → full name, lower-cased short names (GDAL launders
     * them so on import). Lines that do not parse are skipped; the file is only a hint.
     */
    public static java.util.Map<String, String> read(java.nio.file.Path file) throws java.io.IOException {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        if (java.nio.file.Files.size(file) > 1024 * 1024) return names;
        List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = parse(lines.get(i));
            if (cells.size() < 2) continue;
            String shortName = cells.get(0).strip().toLowerCase(java.util.Locale.ROOT);
            String full = cells.get(1).strip();
            if (!shortName.isEmpty() && !full.isEmpty() && full.length() <= 63 && full.indexOf('\0') < 0) names.put(shortName, full);
        }
        return names;
    }

    private static List<String> parse(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.add(cell.toString()); cell.setLength(0); }
            else if (ch != '\uFEFF') cell.append(ch);
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
