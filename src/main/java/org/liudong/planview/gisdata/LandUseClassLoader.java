package org.liudong.planview.gisdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Loads gis-data/land_use_class.csv (2023 用地用海分类 codes). The file has no quoted fields:
 * names contain no commas, which the loader checks by counting columns.
 */
final class LandUseClassLoader {
    static final String FILE = "land_use_class.csv";
    private static final String INSERT = """
            INSERT INTO land_use_class (id, code, level, parent_code, name_zh, name_en, colour, plot_ratio_min, plot_ratio_max)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private LandUseClassLoader() {
    }

    static int load(Connection c, Path gisDataDir) throws SQLException {
        List<String> lines;
        try {
            lines = Files.readAllLines(gisDataDir.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        // parents come before children in the file, so the self-reference holds row by row
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != 8) throw new IllegalArgumentException(FILE + ": expected 8 columns in: " + line);
                ps.setString(1, f[0]);
                ps.setString(2, f[0]);
                ps.setInt(3, Integer.parseInt(f[1]));
                if (f[2].isEmpty()) ps.setNull(4, Types.VARCHAR); else ps.setString(4, f[2]);
                ps.setString(5, f[3]);
                ps.setString(6, f[4]);
                ps.setString(7, f[5]);
                setDecimal(ps, 8, f[6]);
                setDecimal(ps, 9, f[7]);
                ps.executeUpdate();
                n++;
            }
        }
        return n;
    }

    private static void setDecimal(PreparedStatement ps, int i, String v) throws SQLException {
        if (v.isEmpty()) ps.setNull(i, Types.NUMERIC); else ps.setBigDecimal(i, new BigDecimal(v));
    }
}
