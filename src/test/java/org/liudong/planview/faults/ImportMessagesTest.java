package org.liudong.planview.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Uploads that fail deep down — in the ZIP reader, in GDAL, in Jetty's multipart parser — are
 * refused in our words: what was wrong with the file, never the server's paths, SQL, or the
 * library's own message.
 */
class ImportMessagesTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final Pattern LEAK = Pattern.compile("(?i)/tmp|/var/|/root|/home|/work|planview-exchange|unzipped|upload\\.bin"
            + "|ERROR \\d|ERROR:|GDAL|OGR|ogr2ogr|sqlite3|insert into|create table|copy |select |exception|java\\.|org\\.|"
            + "END header|invalid (stored block|distance|code)|jetty|MultiPart\\w*\\.tmp");

    @Test
    void aZipWithALinkAndAFileBelowItIsRefusedWithoutTheServersPath() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("sub", "../../etc".getBytes(StandardCharsets.UTF_8));   // what a symbolic link entry holds
        entries.put("sub/layer.shp", new byte[100]);
        assertRefused(create("link.zip", zip(entries)), "sub");
    }

    @Test
    void aTruncatedZipIsRefusedWithoutTheZipReadersWords() throws Exception {
        byte[] zip = zip(Map.of("a.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}".repeat(200).getBytes(StandardCharsets.UTF_8)));
        assertRefused(create("cut.zip", Arrays.copyOf(zip, zip.length - 30)), "ZIP");
    }

    @Test
    void filesGdalCannotReadAreRefusedWithoutGdalsMessage() throws Exception {
        assertRefused(create("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8)), "GeoJSON");
        byte[] sqliteHeader = Arrays.copyOf("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 4096);
        assertRefused(create("broken.gpkg", sqliteHeader), "GeoPackage");
        Map<String, byte[]> shapefile = new LinkedHashMap<>();
        shapefile.put("parcels.shp", new byte[300]);
        shapefile.put("parcels.shx", new byte[100]);
        shapefile.put("parcels.dbf", new byte[50]);
        shapefile.put("parcels.prj", "GEOGCS[\"CGCS2000\"]".getBytes(StandardCharsets.US_ASCII));
        assertRefused(create("zeros.zip", zip(shapefile)), "shapefile");
    }

    @Test
    void aBrokenMultipartFormIsRefusedInOurWords() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/collections"))
                .header("Authorization", "Bearer " + TestDatabase.EDITOR_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nno end"))
                .build();
        assertRefused(TestServer.send(r), "form");
    }

    private static HttpResponse<String> create(String fileName, byte[] content) {
        return Upload.send("POST", TestServer.baseUrl() + "/collections", fileName, content,
                Map.of("id", "messages-layer", "title_zh", "消息测试"), "Bearer " + TestDatabase.EDITOR_TOKEN);
    }

    private static void assertRefused(HttpResponse<String> r, String mentions) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String detail = json.readTree(r.body()).get("detail").asText();
        assertTrue(detail.toLowerCase().contains(mentions.toLowerCase()), "says what was wrong: " + detail);
        assertFalse(LEAK.matcher(r.body()).find(), "no path, SQL or library text: " + r.body());
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
