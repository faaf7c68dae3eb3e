package org.liudong.planview.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as Excel opens it with Chinese intact: UTF-8 with a byte-order mark, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break (RFC 4180).
 */
final class CsvTable {
    private final StringBuilder text = new StringBuilder("\uFEFF");

    CsvTable row(List<?> cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) out.add(field(c));
        text.append(String.join(",", out)).append("\r\n");
        return this;
    }

    CsvTable row(Object... cells) {
        if (cells.length == 0) { text.append("\r\n"); return this; }
        return row(java.util.Arrays.asList(cells));
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(Object value) {
        if (value == null) return "";
        String s = value instanceof Double d ? plain(d) : value.toString();
        // A leading =, +, - or @ would make Excel run the cell as a formula (CSV injection).
        if (!s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return java.math.BigDecimal.valueOf(d).toPlainString();
    }
}
