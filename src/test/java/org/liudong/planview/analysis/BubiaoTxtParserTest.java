package org.liudong.planview.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BubiaoTxtParserTest {
    static final String HEADER = """
            [属性描述]
            格式版本号=1.01版本
            数据产生单位=柳东新区自然资源局
            坐标系=2000国家大地坐标系
            几度分带=3
            投影类型=高斯克吕格
            计量单位=米
            带号=37
            精度=0.001
            [地块坐标]
            """;

    /** Two parcels: one with a hole (圈号 2), one plain; zone-prefixed Y. */
    static final String TWO_PARCELS = HEADER + """
            10,4.0000,LD-2024-01,汽车零部件项目,面,,工业用地,1001,@
            J1,1,2697000.000,37400000.000
            J2,1,2697000.000,37400200.000
            J3,1,2697200.000,37400200.000
            J4,1,2697200.000,37400000.000
            J1,1,2697000.000,37400000.000
            J5,2,2697050.000,37400050.000
            J6,2,2697100.000,37400050.000
            J7,2,2697100.000,37400100.000
            J8,2,2697050.000,37400100.000
            J5,2,2697050.000,37400050.000
            4,,LD-2024-02,配套道路,面,,,,@
            1,1,2697300.000,37400000.000
            2,1,2697300.000,37400100.000
            3,1,2697400.000,37400000.000
            1,1,2697300.000,37400000.000
            """;

    @Test
    void readsParcelsRingsAndTheZoneFromTheYPrefix() {
        BubiaoFile f = BubiaoTxtParser.parse(TWO_PARCELS.getBytes(StandardCharsets.UTF_8), 1000);
        assertEquals(37, f.zone());
        assertTrue(f.zonePrefixed());
        assertEquals(4525, f.srid(), "CGCS2000 3° GK zone 37 with the zone in the easting");
        assertEquals("UTF-8", f.charset());
        assertEquals(2, f.parcels().size());
        BubiaoParcel a = f.parcels().get(0);
        assertEquals(11, a.line());
        assertEquals("LD-2024-01", a.number());
        assertEquals("汽车零部件项目", a.name());
        assertEquals("1001", a.landUseCode());
        assertEquals(4.0, a.declaredHa());
        assertEquals(2, a.rings().size());
        assertEquals(2, a.rings().get(1).number());
        assertArrayEquals(new double[] {37400000.0, 2697000.0}, a.rings().get(0).points()[0], "x = easting (Y), y = northing (X)");
        assertEquals(12, a.rings().get(0).lines()[0]);
        BubiaoParcel b = f.parcels().get(1);
        assertNull(b.declaredHa());
        assertEquals(1, b.rings().size());
        assertEquals(14, f.vertexCount());
        assertEquals("2000国家大地坐标系", f.attributes().get("坐标系"));
    }

    @Test
    void readsGbkAndTakesTheZoneFromDaiHaoWhenYHasNoPrefix() {
        String text = TWO_PARCELS.replace(",37400", ",400").replace("\n", "\r\n");
        BubiaoFile f = BubiaoTxtParser.parse(text.getBytes(Charset.forName("GBK")), 1000);
        assertEquals("GBK", f.charset());
        assertEquals("汽车零部件项目", f.parcels().get(0).name());
        assertFalse(f.zonePrefixed());
        assertEquals(4546, f.srid(), "CGCS2000 3° GK CM 111E");
        assertEquals(400000.0, f.parcels().get(0).rings().get(0).points()[0][0]);
    }

    @Test
    void everyFaultNamesItsLine() {
        fault("", 0, "empty");
        fault("[属性描述]\n带号=37\n", 0, "no [地块坐标]");
        fault(TWO_PARCELS.replace("J3,1,2697200.000,37400200.000", "J3,1,2697200.000"), 14, "4 fields");
        fault(TWO_PARCELS.replace("J3,1,2697200.000,37400200.000", "J3,1,2697200.000,37400abc"), 14, "Y '37400abc' is not a number");
        fault(TWO_PARCELS.replace("J3,1,2697200.000,37400200.000", "J3,x,2697200.000,37400200.000"), 14, "圈号 'x'");
        // An open ring: the outer ring of the second parcel does not come back to its first point.
        fault(TWO_PARCELS.replace("1,1,2697300.000,37400000.000\n" + "", "1,1,2697300.000,37400000.000\n")
                .replace("3,1,2697400.000,37400000.000\n1,1,2697300.000,37400000.000", "3,1,2697400.000,37400000.000\n4,1,2697350.000,37399990.000"),
                26, "is not closed");
        // A wrong zone prefix: 带号 says 37, one Y says 36.
        fault(TWO_PARCELS.replace("J2,1,2697000.000,37400200.000", "J2,1,2697000.000,36400200.000"), 13, "zone prefix 36 but the file says 带号=37");
        fault(TWO_PARCELS.replace("J2,1,2697000.000,37400200.000", "J2,1,2697000.000,99400200.000"), 13, "not a 3° zone");
        fault(TWO_PARCELS.replace("带号=37\n", "").replace(",37400", ",400"), 11, "no 带号");
        fault(TWO_PARCELS.replace("10,4.0000", "9,4.0000"), 11, "界址点数 says 9 points");
        fault(TWO_PARCELS.replace("坐标系=2000国家大地坐标系", "坐标系=1980西安坐标系"), 4, "only CGCS2000");
        fault(TWO_PARCELS.replace("J1,1,2697000.000,37400000.000\nJ2", "J1,1,37400000.000,2697000.000\nJ2"), 12, "swapped");
        fault(TWO_PARCELS.replace("配套道路,面", "配套道路,线"), 22, "图形属性 '线'");
        fault("[地块坐标]\nJ1,1,2697000,37400000\n", 2, "before any parcel header");
    }

    @Test
    void tooManyPointsIsRefusedAtTheLineThatCrossesTheLimit() {
        BubiaoFormatException e = assertThrows(BubiaoFormatException.class,
                () -> BubiaoTxtParser.parse(TWO_PARCELS.getBytes(StandardCharsets.UTF_8), 5));
        assertEquals(17, e.line());
        assertTrue(e.detail().contains("more than 5 points"), e.detail());
    }

    @Test
    void recognisesTheFormatByItsSections() {
        assertTrue(BubiaoTxtParser.looksLike(TWO_PARCELS.getBytes(Charset.forName("GBK"))));
        assertFalse(BubiaoTxtParser.looksLike("{\"type\":\"Polygon\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private static void fault(String text, int line, String contains) {
        BubiaoFormatException e = assertThrows(BubiaoFormatException.class,
                () -> BubiaoTxtParser.parse(text.getBytes(StandardCharsets.UTF_8), 1000), contains);
        assertTrue(e.detail().contains(contains), "expected '" + contains + "' in: " + e.detail());
        assertEquals(line, e.line(), e.detail());
    }
}
