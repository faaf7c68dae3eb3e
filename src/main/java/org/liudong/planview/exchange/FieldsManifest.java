package org.liudong.planview.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * fields.csv inside a Shapefile ZIP: for every DBF column its short name, the full name it stands
 * for, and its title — UTF-8 with a BOM so that Excel opens the Chinese correctly. It also says
 * where the DBF format cut a value (254 bytes per text field), so nothing is lost silently.
 */
final class FieldsManifest {
    static final String FILE_NAME = "fields.csv";
    static final int DBF_TEXT_LIMIT = 254;

    private FieldsManifest() {
    }

    static byte[] write(List<ScratchTable.Column> columns, Map<String, Long> longestBytes, String encodingName) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("short_name,full_name,title,note\r\n");
        for (ScratchTable.Column c : columns) {
            Long longest = longestBytes.get(c.alias());
            String note = "";
            if (longest != null && longest > DBF_TEXT_LIMIT) {
                note = "DBF text fields hold at most " + DBF_TEXT_LIMIT + " bytes (" + encodingName + "); the longest value has "
                        + longest + " UTF-8 bytes and is cut in the .dbf — export as GeoPackage for the full text";
            }
            sb.append(csv(c.alias())).append(',').append(csv(c.field().name())).append(',')
                    .append(csv(c.field().title() == null ? "" : c.field().title())).append(',').append(csv(note)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
