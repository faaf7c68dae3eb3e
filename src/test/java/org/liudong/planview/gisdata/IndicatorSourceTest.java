package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liudong.planview.gisdata.LoadedData.rows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.RepoPaths;

/**
 * Every indicator value as loaded: its quote is on its cited line of its seed text, the figure as
 * stated is inside the quote, and the normalised number is what the stated figure says — read here
 * by a parser of the test's own, not the build's.
 */
class IndicatorSourceTest {
    private static final String VALUES = """
            SELECT v.id, v.file, v.line, v.quote, v.stated, v.reported_share_stated, v.value::float8, i.unit
            FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id ORDER BY v.id""";

    @Test
    void everyIndicatorQuoteIsAtItsCitedLine() throws IOException {
        LoadedData.dataSource();
        Assumptions.assumeTrue(RepoPaths.haveSeeds(), RepoPaths.NO_SEEDS);
        Map<String, List<String>> texts = new HashMap<>();
        List<String> failures = new ArrayList<>();
        List<List<Object>> values = rows(VALUES);
        for (List<Object> r : values) {
            String file = (String) r.get(1);
            int line = (Integer) r.get(2);
            String quote = (String) r.get(3);
            if (!texts.containsKey(file)) {
                texts.put(file, List.of(Files.readString(RepoPaths.seeds().resolve(file), StandardCharsets.UTF_8).split("\n", -1)));
            }
            List<String> text = texts.get(file);
            if (quote.isBlank() || line < 1 || line > text.size() || !text.get(line - 1).contains(quote)) {
                failures.add(r.get(0) + ": " + file + ":" + line + " does not contain “" + quote + "”");
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " quotes not found:\n" + String.join("\n", failures));
        assertTrue(values.size() >= 200, "expected the texts' hundreds of figures, found " + values.size());
    }

    @Test
    void everyStatedFigureAndReportedShareIsInsideItsQuote() {
        LoadedData.dataSource();
        List<String> failures = new ArrayList<>();
        for (List<Object> r : rows(VALUES)) {
            String quote = (String) r.get(3);
            if (!quote.contains((String) r.get(4))) failures.add(r.get(0) + ": “" + r.get(4) + "” not in “" + quote + "”");
            String share = (String) r.get(5);
            if (share != null && !quote.contains(share)) failures.add(r.get(0) + ": share “" + share + "” not in its quote");
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void normalisedValuesAreWhatTheStatedFiguresSay() {
        LoadedData.dataSource();
        List<String> failures = new ArrayList<>();
        for (List<Object> r : rows(VALUES)) {
            String stated = (String) r.get(4);
            double stored = (Double) r.get(6);
            double read = StatedFigure.read(stated, (String) r.get(7));
            if (Math.abs(read - stored) > 1e-6 * Math.max(1, Math.abs(read))) {
                failures.add(r.get(0) + ": “" + stated + "” reads as " + read + " " + r.get(7) + ", stored " + stored);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyValueNamesItsDocument() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("""
                SELECT v.id FROM indicator_value v LEFT JOIN indicator_document d ON d.file = v.file
                WHERE d.title_zh IS NULL OR d.title_zh = ''"""));
        assertEquals(5L, LoadedData.count("SELECT count(DISTINCT file) FROM indicator_value"), "values from all five texts");
    }

    /** A stated figure (“约1072.3亩”, “30万”, “下降3.2%”, “三百平方公里”, “6625.01万元”) read into a unit. */
    static final class StatedFigure {
        private static final Pattern ARABIC = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([万亿]*)(.*)");
        private static final Pattern CHINESE = Pattern.compile("([一二三四五六七八九十百千]*)([万亿]*)(.*)");
        private static final String DIGITS = "一二三四五六七八九";

        static double read(String stated, String unit) {
            String s = stated.replace("*", "").trim();
            double sign = s.contains("下降") ? -1 : 1;
            s = s.replaceAll("^(约为|约|超过|突破|首破|新增|新开工|竣工|增长|下降|第)+", "").replaceAll("(以上|左右)$", "").replaceAll("(\\d)多", "$1");
            Matcher m = ARABIC.matcher(s);
            double number;
            String multipliers;
            String rest;
            if (m.matches()) {
                number = Double.parseDouble(m.group(1));
                multipliers = m.group(2);
                rest = m.group(3).trim();
            } else {
                m = CHINESE.matcher(s);
                if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) throw new IllegalArgumentException(stated);
                number = m.group(1).isEmpty() ? 1 : chinese(m.group(1));
                multipliers = m.group(2);
                rest = m.group(3).trim();
            }
            double scale = 1;
            for (char c : multipliers.toCharArray()) scale *= c == '万' ? 10_000 : 100_000_000;
            double amount = number * scale;
            return sign * inUnit(amount, rest, unit, !multipliers.isEmpty(), stated);
        }

        private static double inUnit(double amount, String writtenUnit, String unit, boolean scaled, String stated) {
            if (writtenUnit.isEmpty() || writtenUnit.equals("名") || writtenUnit.equals("位")) {
                // a bare figure is in the indicator's unit — except a scaled sum of money (“万亿” yuan)
                return unit.equals("亿元") && scaled ? amount / 100_000_000 : amount;
            }
            return switch (unit + "|" + writtenUnit) {
                case "亿元|元" -> amount / 100_000_000;
                case "万美元|美元" -> amount / 10_000;
                case "亩|公顷" -> amount * 15; // 1 公顷 = 10 000 m², 1 亩 = 10 000/15 m²
                case "m²|平方米", "km²|平方公里", "km|公里", "亩|亩", "项|个", "个|项" -> amount;
                default -> {
                    if (!writtenUnit.equals(unit)) throw new IllegalArgumentException("“" + stated + "” is not in " + unit);
                    yield amount;
                }
            };
        }

        private static double chinese(String s) {
            double total = 0;
            int digit = 0;
            for (char c : s.toCharArray()) {
                int d = DIGITS.indexOf(c);
                if (d >= 0) {
                    digit = d + 1;
                } else {
                    total += (digit == 0 ? 1 : digit) * (c == '十' ? 10 : c == '百' ? 100 : 1000);
                    digit = 0;
                }
            }
            return total + digit;
        }
    }
}
