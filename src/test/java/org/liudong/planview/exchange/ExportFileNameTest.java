package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestServer;

/** An export's file is named after the layer, the caller's label for the query, the CRS and the encoding. */
class ExportFileNameTest {

    @Test
    void theNameSaysLayerQueryCrsAndEncoding() {
        String label = URLEncoder.encode("工业用地", StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/land-parcels/export?format=shapefile&encoding=GBK"
                + "&crs=EPSG:4545&land_use_code=1001&label=" + label);
        assertEquals(200, r.statusCode());
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.contains("filename=\"land-parcels_EPSG4545_GBK.zip\""), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''" + URLEncoder.encode("用地地块_工业用地_EPSG4545_GBK.zip", StandardCharsets.UTF_8)),
                disposition);

        HttpResponse<byte[]> kml = TestServer.getBytes("/collections/projects/export?format=kml");
        assertTrue(kml.headers().firstValue("Content-Disposition").orElse("")
                .contains(URLEncoder.encode("重大项目_CRS84.kml", StandardCharsets.UTF_8)), "KML is WGS 84 longitude/latitude");
    }

    @Test
    void aLabelThatCannotBeAFileNameIsMadeOneAndATooLongOneRefused() {
        String slashes = URLEncoder.encode("a/b:c", StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/projects/export?format=geojson&label=" + slashes);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("_a_b_c_CRS84.geojson"),
                r.headers().firstValue("Content-Disposition").orElse(""));

        HttpResponse<String> tooLong = TestServer.get("/collections/projects/export?format=geojson&label=" + "x".repeat(61));
        assertEquals(400, tooLong.statusCode());
        assertEquals("application/problem+json", tooLong.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(tooLong.body().contains("label: at most 60 characters"), tooLong.body());
    }
}
