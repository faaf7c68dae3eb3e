package org.liudong.planview.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.exchange.export.ExportField;
import org.liudong.planview.exchange.export.ExportSource;
import org.liudong.planview.exchange.export.Exporter;
import org.liudong.planview.testing.TestDatabase;

/**
 * A small table with what makes exports go wrong: Chinese text, long and colliding column names
 * (one of them Chinese), JSON, text longer than a DBF field, and points, lines, polygons and a
 * feature without geometry in one layer.
 */
final class ExchangeFixtures {
    static final String TABLE = "exchange_fixture";
    static final String CHINESE_VALUE = "柳东新区汽车城";
    static final int FEATURES = 7;
    private static final String COLUMNS = "id, name_zh, kind, investment_yi, description_long_name_a, description_long_name_b, \"规划用途分类\", sources";   // of 8 rows, the query leaves out kind = 'excluded'

    private ExchangeFixtures() {
    }

    static synchronized void create() throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + TABLE);
            st.execute("""
                    CREATE TABLE exchange_fixture (
                      id text PRIMARY KEY, name_zh text, kind text, investment_yi numeric,
                      description_long_name_a text, description_long_name_b text, "规划用途分类" text,
                      sources jsonb, geom geometry(Geometry, 4490))""");
            st.execute("""
                    INSERT INTO exchange_fixture VALUES
                     ('P1', '柳东新区汽车城', 'polygon', 12.5, 'a', 'b', '工业用地', '[{"file":"柳东.txt","line":3,"quote":"三片四园七区"}]',
                      ST_GeomFromText('MULTIPOLYGON(((109.50 24.40,109.52 24.40,109.52 24.42,109.50 24.40)))', 4490)),
                     ('P2', '雒容片区', 'polygon', NULL, repeat('长', 120), NULL, '商业用地', NULL,
                      ST_GeomFromText('POLYGON((109.53 24.40,109.55 24.40,109.55 24.42,109.53 24.40))', 4490)),
                     ('L1', '新柳大道', 'line', 1, NULL, NULL, NULL, NULL,
                      ST_GeomFromText('LINESTRING(109.40 24.30,109.60 24.45)', 4490)),
                     ('L2', '官塘大道', 'line', 2, NULL, NULL, NULL, NULL,
                      ST_GeomFromText('MULTILINESTRING((109.41 24.31,109.50 24.35),(109.51 24.36,109.58 24.44))', 4490)),
                     ('N1', '柳东核心', 'point', 3, NULL, NULL, NULL, NULL, ST_GeomFromText('POINT(109.48 24.38)', 4490)),
                     ('N2', '官塘节点', 'point', 4, NULL, NULL, NULL, NULL, ST_GeomFromText('POINT(109.52 24.41)', 4490)),
                     ('X1', '无几何', 'none', 5, NULL, NULL, NULL, NULL, NULL),
                     ('E1', '排除', 'excluded', 6, NULL, NULL, NULL, NULL, ST_GeomFromText('POINT(109.5 24.4)', 4490))""");
        }
    }

    static ExportSource source(SupportedCrs crs) {
        List<ExportField> fields = List.of(
                new ExportField("id", "编号", false),
                new ExportField("name_zh", "名称", false),
                new ExportField("kind", "类型", false),
                new ExportField("investment_yi", "投资（亿元）", false),
                new ExportField("description_long_name_a", "说明甲", false),
                new ExportField("description_long_name_b", "说明乙", false),
                new ExportField("规划用途分类", "规划用途分类", false),
                new ExportField("sources", "来源", true));
        return new ExportSource(TABLE, "测试图层", SqlStatement.of("SELECT " + COLUMNS + ", ST_Transform(geom, " + crs.srid() + ") AS geom FROM exchange_fixture WHERE kind <> ?", "excluded"),
                SqlStatement.of("SELECT count(*) FROM exchange_fixture WHERE kind <> ?", "excluded"),
                fields, "geom", crs);
    }

    static ExportSource sourceWithGeometryOnly(SupportedCrs crs) {
        ExportSource all = source(crs);
        return new ExportSource(TABLE, "测试图层", SqlStatement.of("SELECT " + COLUMNS + ", ST_Transform(geom, " + crs.srid() + ") AS geom FROM exchange_fixture WHERE kind <> ? AND geom IS NOT NULL", "excluded"),
                SqlStatement.of("SELECT count(*) FROM exchange_fixture WHERE kind <> ? AND geom IS NOT NULL", "excluded"),
                all.fields(), "geom", crs);
    }

    static ExportSource source() {
        return source(CrsRegistry.CGCS2000);
    }

    static void unzip(byte[] zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Files.copy(in, into.resolve(e.getName()));
            }
        }
    }

    static byte[] bytes(Exporter.Prepared prepared) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        prepared.writeTo(out);
        return out.toByteArray();
    }
}
