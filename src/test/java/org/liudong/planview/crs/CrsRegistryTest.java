package org.liudong.planview.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrsRegistryTest {
    @Test
    void findsByUriCurieAndShortName() {
        assertEquals(4545, CrsRegistry.find("http://www.opengis.net/def/crs/EPSG/0/4545").orElseThrow().srid());
        assertEquals(4545, CrsRegistry.find("[EPSG:4545]").orElseThrow().srid());
        assertEquals(4545, CrsRegistry.find("EPSG:4545").orElseThrow().srid());
        assertEquals(CrsRegistry.CRS84, CrsRegistry.find(CrsRegistry.CRS84_URI).orElseThrow());
    }

    @Test
    void axisOrderFollowsTheDefinitions() {
        assertFalse(CrsRegistry.CRS84.northFirst());
        assertTrue(CrsRegistry.find("EPSG:4490").orElseThrow().northFirst());
        assertTrue(CrsRegistry.find("EPSG:4326").orElseThrow().northFirst());
        assertFalse(CrsRegistry.find("EPSG:3857").orElseThrow().northFirst());
        assertTrue(CrsRegistry.find("EPSG:4524").orElseThrow().northFirst());
    }

    @Test
    void unsupportedIsEmpty() {
        assertTrue(CrsRegistry.find("EPSG:2000").isEmpty());
        assertTrue(CrsRegistry.find("'; drop table x; --").isEmpty());
        assertTrue(CrsRegistry.find(null).isEmpty());
    }
}
