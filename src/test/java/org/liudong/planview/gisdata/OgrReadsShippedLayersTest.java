package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.RepoPaths;

/** GDAL (what QGIS uses underneath) reads the shipped files as CGCS2000 with the Chinese names intact. */
class OgrReadsShippedLayersTest {

    private static String ogrinfo(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ogrinfo timed out");
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void planningAreasReadWithChineseNamesAndEpsg4490() throws Exception {
        Path file = RepoPaths.root().resolve("gis-data/planning_area.geojson");
        String out = ogrinfo("ogrinfo", "-ro", "-al", "-geom=SUMMARY", file.toString());
        assertTrue(out.contains("ID[\"EPSG\",4490]"), "not CGCS2000: " + out.substring(0, Math.min(2000, out.length())));
        assertTrue(out.contains("Feature Count: 14"), out);
        for (String name : List.of("科教服务片", "产业聚集片", "城镇升级片", "科教创业园", "保税物流园", "金融科创园",
                "高新孵化园", "汽车综合产业区", "新能源汽车产业区（智能汽车产业区）", "智能交通产业区", "电子光电产业区",
                "装备制造产业区", "新材料产业区", "新一代信息技术产业区")) {
            assertTrue(out.contains("name_zh (String) = " + name + "\n"), "ogrinfo does not show " + name);
        }
    }

    @Test
    void everyShippedLayerOpensInGdalWithItsExtentInLiuzhou() throws Exception {
        for (String layer : List.of("planning_area", "spatial_structure", "project", "locality", "road", "river", "district")) {
            String out = ogrinfo("ogrinfo", "-ro", "-so", "-al",
                    RepoPaths.root().resolve("gis-data/" + layer + ".geojson").toString());
            assertTrue(out.contains("ID[\"EPSG\",4490]"), layer);
            // lon/lat order: x around 109 E, y around 24 N
            assertTrue(out.matches("(?s).*Extent: \\(10[89]\\.\\d+, 2[3-6]\\.\\d+\\).*"), layer + ": " + out);
        }
    }
}
