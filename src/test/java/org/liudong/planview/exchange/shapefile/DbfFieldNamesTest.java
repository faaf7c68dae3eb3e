package org.liudong.planview.exchange.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbfFieldNamesTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void cutsAtTenBytesOfTheEncodingNotTenCharacters() {
        assertEquals(List.of("规划用"), DbfFieldNames.shorten(List.of("规划用途分类"), StandardCharsets.UTF_8));
        assertEquals(List.of("规划用途分"), DbfFieldNames.shorten(List.of("规划用途分类"), GBK));
        assertEquals(List.of("land_use_c"), DbfFieldNames.shorten(List.of("land_use_code"), StandardCharsets.UTF_8));
        assertEquals(List.of("用地a_b"), DbfFieldNames.shorten(List.of("用地a_b"), StandardCharsets.UTF_8));
    }

    @Test
    void makesCollisionsUniqueIgnoringCase() {
        assertEquals(List.of("descriptio", "descript_1", "DESCRIPT_2", "area_ha"),
                DbfFieldNames.shorten(List.of("description_a", "description_b", "DESCRIPTION_C", "area_ha"), StandardCharsets.UTF_8));
        assertEquals(List.of("规划用", "规划_1", "规划_2"),
                DbfFieldNames.shorten(List.of("规划用途甲", "规划用途乙", "规划用途丙"), StandardCharsets.UTF_8));
    }

    @Test
    void replacesWhatADbfNameCannotHold() {
        assertEquals(List.of("a_b_c", "field"), DbfFieldNames.shorten(List.of("a-b c", ""), StandardCharsets.UTF_8));
        assertEquals(List.of("name_"), DbfFieldNames.shorten(List.of("name\uD83D\uDE00"), GBK), "an emoji has no GBK code");
    }
}
