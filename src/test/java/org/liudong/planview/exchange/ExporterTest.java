package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.exchange.export.ExportFormat;
import org.liudong.planview.exchange.export.ExportOptions;
import org.liudong.planview.exchange.export.ExportSource;
import org.liudong.planview.exchange.export.Exporter;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.testing.TestDatabase;

/** Every export format written by the real ogr2ogr from the real PostGIS, and read back with ogrinfo. */
class ExporterTest {
    private static Exporter exporter;
    private static WorkDirs work;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp(@TempDir Path jobs) throws Exception {
        ExchangeFixtures.create();
        work = new WorkDirs(jobs, TestDatabase.workOwner());
        exporter = new Exporter(TestDatabase.dataSource(),
                new GdalRunner(TestDatabase.databaseSettings().libpqEnvironment(), Duration.ofSeconds(120)), work,
                ExchangeLimits.defaults().withMinFreeDiskBytes(0));
    }

    @Test
    void shapefileZipSplitsGeometryTypesAndKeepsChineseInUtf8() throws Exception {
        byte[] zip;
        try (Exporter.Prepared p = exporter.export(ExchangeFixtures.source(), ExportOptions.parse("shapefile", null, null))) {
            assertEquals("测试图层.zip", p.fileName());
            zip = ExchangeFixtures.bytes(p);
        }
        ExchangeFixtures.unzip(zip, tmp);
        long total = 0;
        for (String kind : List.of("polygon", "line", "point")) {
            for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
                assertTrue(Files.exists(tmp.resolve("exchange_fixture_" + kind + ext)), kind + ext);
            }
            assertEquals("UTF-8", Files.readString(tmp.resolve("exchange_fixture_" + kind + ".cpg")).trim());
            assertTrue(Files.readString(tmp.resolve("exchange_fixture_" + kind + ".prj")).contains("China_2000"));
            OgrInfo.Layer layer = OgrInfo.summary(tmp.resolve("exchange_fixture_" + kind + ".shp")).get(0);
            assertTrue(layer.srsIs(4490), layer.srs());
            assertTrue(layer.geometry().toLowerCase().contains(kind.equals("line") ? "line string" : kind), layer.geometry());
            assertDbfNames(layer.fields(), StandardCharsets.UTF_8);
            total += layer.features();
        }
        assertEquals(ExchangeFixtures.FEATURES, total, "every matched feature is in one of the shapefiles");
        assertEquals(3, OgrInfo.summary(tmp.resolve("exchange_fixture_polygon.shp")).get(0).features(), "2 polygons + the one without geometry");
        assertTrue(OgrInfo.features(tmp.resolve("exchange_fixture_polygon.shp")).contains(ExchangeFixtures.CHINESE_VALUE));

        String manifest = Files.readString(tmp.resolve("fields.csv"), StandardCharsets.UTF_8);
        assertTrue(manifest.startsWith("\uFEFF"), "fields.csv starts with a BOM for Excel");
        assertTrue(manifest.contains("description_long_name_a"), manifest);
        assertTrue(manifest.contains("投资（亿元）"), manifest);
        assertTrue(manifest.contains("规划用途分类"), manifest);
        assertTrue(manifest.contains("cut in the .dbf"), "the 360-byte text is declared cut: " + manifest);
        // the JSON column is not cut into the .dbf but related, whole, by feature id
        assertTrue(!OgrInfo.summary(tmp.resolve("exchange_fixture_polygon.shp")).get(0).fields().contains("sources"));
        assertTrue(manifest.contains("sources.csv"), manifest);
        assertEquals("\uFEFFid,seq,file,line,quote\nP1,1,柳东.txt,3,三片四园七区\n",
                Files.readString(tmp.resolve("sources.csv"), StandardCharsets.UTF_8));
        try (var left = Files.list(work.root())) {
            assertEquals(0, left.count(), "the job directory is removed once the export is sent");
        }
    }

    @Test
    void gbkShapefileReallyIsGbk() throws Exception {
        byte[] zip;
        try (Exporter.Prepared p = exporter.export(ExchangeFixtures.source(), ExportOptions.parse("shapefile", "GBK", null))) {
            zip = ExchangeFixtures.bytes(p);
        }
        ExchangeFixtures.unzip(zip, tmp);
        assertEquals("CP936", Files.readString(tmp.resolve("exchange_fixture_polygon.cpg")).trim());
        byte[] dbf = Files.readAllBytes(tmp.resolve("exchange_fixture_polygon.dbf"));
        String asGbk = new String(dbf, Charset.forName("GBK"));
        String asUtf8 = new String(dbf, StandardCharsets.UTF_8);
        assertTrue(asGbk.contains(ExchangeFixtures.CHINESE_VALUE), "decoded as GBK the value is there");
        assertFalse(asUtf8.contains(ExchangeFixtures.CHINESE_VALUE), "decoded as UTF-8 it is not: the bytes are GBK");
        OgrInfo.Layer layer = OgrInfo.summary(tmp.resolve("exchange_fixture_polygon.shp")).get(0);
        assertDbfNames(layer.fields(), Charset.forName("GBK"));
        assertTrue(layer.fields().contains("规划用途分"), "five Chinese characters fit 10 GBK bytes: " + layer.fields());
        assertTrue(OgrInfo.features(tmp.resolve("exchange_fixture_polygon.shp")).contains(ExchangeFixtures.CHINESE_VALUE));
    }

    @Test
    void geoPackageInGaussKruger() throws Exception {
        Path file = write("gpkg", null, CrsRegistry.find("EPSG:4545").orElseThrow());
        OgrInfo.Layer layer = OgrInfo.summary(file).get(0);
        assertEquals(ExchangeFixtures.FEATURES, layer.features());
        assertTrue(layer.srsIs(4545), layer.srs());
        assertTrue(layer.fields().containsAll(List.of("name_zh", "description_long_name_a", "规划用途分类", "sources")), layer.fields().toString());
        assertTrue(OgrInfo.features(file).contains(ExchangeFixtures.CHINESE_VALUE));
        // CM 108E Gauss–Krüger: Liudong (109.4–109.6E) lies 140–165 km east of the central meridian
        // (false easting 500 km), about 2,700 km north of the equator.
        double[] e = layer.extent();
        assertTrue(e[0] > 630_000 && e[2] < 670_000, "easting " + e[0] + "–" + e[2]);
        assertTrue(e[1] > 2_680_000 && e[3] < 2_720_000, "northing " + e[1] + "–" + e[3]);
    }

    @Test
    void geoJsonInCrs84() throws Exception {
        Path file = write("geojson", null, CrsRegistry.CRS84);
        OgrInfo.Layer layer = OgrInfo.summary(file).get(0);
        assertEquals(ExchangeFixtures.FEATURES, layer.features());
        assertTrue(layer.srsIs(4326), layer.srs());
        assertTrue(layer.fields().containsAll(List.of("name_zh", "规划用途分类", "sources")), layer.fields().toString());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(ExchangeFixtures.CHINESE_VALUE));
        assertTrue(text.contains("[ 109.48, 24.38 ]") || text.contains("[109.48,24.38]"), "longitude first in CRS84");
    }

    @Test
    void csvWithBomAndWkt() throws Exception {
        Path file = write("csv", "wkt", CrsRegistry.CGCS2000);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 BOM so that Excel reads the Chinese");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains(ExchangeFixtures.CHINESE_VALUE));
        assertTrue(text.contains("POINT (109.48 24.38)"), "WKT with longitude first");
        OgrInfo.Layer layer = OgrInfo.summary(file).get(0);
        assertEquals(ExchangeFixtures.FEATURES, layer.features());
        assertTrue(layer.fields().containsAll(List.of("WKT", "name_zh", "规划用途分类")), layer.fields().toString());
    }

    @Test
    void csvWithXyOfAPointInside() throws Exception {
        Path file = write("csv", "xy", CrsRegistry.CGCS2000);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.lines().findFirst().orElseThrow().startsWith("\uFEFFX,Y,"), text.lines().findFirst().orElseThrow());
        assertTrue(text.contains("109.48,24.38"), "points as longitude, latitude");
        assertEquals(ExchangeFixtures.FEATURES, OgrInfo.summary(file).get(0).features());
    }

    @Test
    void kml() throws Exception {
        Path file = write("kml", null, CrsRegistry.CRS84);
        OgrInfo.Layer layer = OgrInfo.summary(file).get(0);
        assertEquals(ExchangeFixtures.FEATURES, layer.features());
        assertTrue(layer.srsIs(4326), layer.srs());
        assertTrue(OgrInfo.features(file).contains(ExchangeFixtures.CHINESE_VALUE));
    }

    @Test
    void dxfRefusesFeaturesWithoutGeometryRatherThanDroppingThem() {
        org.liudong.planview.http.Problem p = org.junit.jupiter.api.Assertions.assertThrows(org.liudong.planview.http.Problem.class,
                () -> write("dxf", null, CrsRegistry.CGCS2000));
        assertEquals(400, p.status());
        assertTrue(p.detail().contains("1 of the selected features have no geometry"), p.detail());
    }

    @Test
    void dxf() throws Exception {
        Path file = write(ExchangeFixtures.sourceWithGeometryOnly(CrsRegistry.find("EPSG:4545").orElseThrow()), "dxf", null);
        List<OgrInfo.Layer> layers = OgrInfo.summary(file);
        assertFalse(layers.isEmpty());
        double[] e = layers.get(0).extent();
        assertTrue(e[0] > 630_000 && e[2] < 670_000, "DXF coordinates in metres of CM 108E: " + e[0]);
        assertTrue(layers.get(0).features() >= ExchangeFixtures.FEATURES - 1, "every geometry is drawn: " + layers.get(0).features());
    }

    private Path write(String format, String geometry, org.liudong.planview.crs.SupportedCrs crs) throws Exception {
        return write(ExchangeFixtures.source(crs), format, geometry);
    }

    private Path write(ExportSource source, String format, String geometry) throws Exception {
        try (Exporter.Prepared p = exporter.export(source, ExportOptions.parse(format, null, geometry))) {
            Path file = tmp.resolve("export." + ExportFormat.fromParameter(format).orElseThrow().extension());
            Files.write(file, ExchangeFixtures.bytes(p));
            return file;
        }
    }

    static void assertDbfNames(List<String> names, Charset charset) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            assertTrue(n.getBytes(charset).length <= 10, n + " is longer than 10 bytes in " + charset);
            assertTrue(seen.add(n.toLowerCase()), "duplicate field " + n);
        }
        assertEquals(7, names.size(), "the 8 columns but sources, which is in sources.csv: " + names);
    }
}
