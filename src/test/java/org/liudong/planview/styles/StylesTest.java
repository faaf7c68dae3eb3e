package org.liudong.planview.styles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The catalogue's styles travel with the data: a Mapbox GL style for the vector tiles, SLD and QML
 * for the features, and the QML/SLD stored in exported GeoPackages' layer_styles. The land-use
 * colours are compared with the land_use_class table; the GeoPackage is read back with GDAL.
 */
class StylesTest {
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Map<String, String> landUseColours() throws Exception {
        Map<String, String> colours = new HashMap<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, colour FROM land_use_class")) {
            while (rs.next()) colours.put(rs.getString(1), rs.getString(2));
        }
        return colours;
    }

    @Test
    void theParcelTilesHaveAMapboxGlStyleWithTheLandUseColours() throws Exception {
        JsonNode c = json.readTree(TestServer.get("/collections/land-parcels", "application/json").body());
        String href = null;
        for (JsonNode l : c.get("links")) {
            if (l.path("type").asText().equals(StyleFormat.MAPBOX.mediaType())) href = l.get("href").asText();
        }
        assertTrue(href != null, "the collection links its style: " + c.get("links"));
        HttpResponse<String> r = TestServer.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).build());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(StyleFormat.MAPBOX.mediaType()));
        JsonNode style = json.readTree(r.body());
        assertEquals(8, style.get("version").asInt());
        JsonNode source = style.at("/sources/land-parcels");
        assertEquals("vector", source.get("type").asText());
        assertTrue(source.at("/tiles/0").asText().endsWith("/collections/land-parcels/tiles/WebMercatorQuad/{z}/{y}/{x}"));
        JsonNode fill = style.at("/layers/0");
        assertEquals("fill", fill.get("type").asText());
        assertEquals("land-parcels", fill.get("source-layer").asText(), "the tiles' layer is named as the collection");
        JsonNode match = fill.at("/paint/fill-color");
        assertEquals("match", match.get(0).asText());
        assertEquals("land_use_code", match.at("/1/1").asText());
        Map<String, String> colours = landUseColours();
        assertEquals(colours.size(), (match.size() - 3) / 2, "one entry per land-use class");
        for (int i = 2; i < match.size() - 1; i += 2) {
            assertEquals(colours.get(match.get(i).get(0).asText()), match.get(i + 1).asText(), match.get(i).toString());
        }
        assertEquals(0.6, fill.at("/paint/fill-opacity").asDouble(), 1e-9, "the catalogue's fillOpacity");
    }

    @Test
    void sldAndQmlAreWellFormedAndCarryTheCategories() throws Exception {
        Map<String, String> colours = landUseColours();
        Document sld = xml(TestServer.get("/collections/land-parcels/styles/default", StyleFormat.SLD.mediaType()).body());
        NodeList rules = sld.getElementsByTagNameNS("http://www.opengis.net/sld", "Rule");
        assertEquals(colours.size(), rules.getLength());
        NodeList literals = sld.getElementsByTagNameNS("http://www.opengis.net/ogc", "Literal");
        NodeList css = sld.getElementsByTagNameNS("http://www.opengis.net/sld", "CssParameter");
        for (int i = 0; i < literals.getLength(); i++) assertTrue(colours.containsKey(literals.item(i).getTextContent()));
        long fills = 0;
        for (int i = 0; i < css.getLength(); i++) {
            Element e = (Element) css.item(i);
            if (e.getAttribute("name").equals("fill")) {
                fills++;
                assertTrue(colours.containsValue(e.getTextContent()), e.getTextContent());
            }
        }
        assertEquals(colours.size(), fills);

        Document qml = xml(TestServer.get("/collections/land-parcels/styles/default", StyleFormat.QML.mediaType()).body());
        Element renderer = (Element) qml.getElementsByTagName("renderer-v2").item(0);
        assertEquals("categorizedSymbol", renderer.getAttribute("type"));
        assertEquals("land_use_code", renderer.getAttribute("attr"));
        assertEquals(colours.size(), qml.getElementsByTagName("category").getLength());

        // zones: a label in Chinese, a single symbol
        Document zones = xml(TestServer.get("/collections/planning-zones/styles/default?f=qml").body());
        assertEquals("singleSymbol", ((Element) zones.getElementsByTagName("renderer-v2").item(0)).getAttribute("type"));
        assertEquals("name_zh", ((Element) zones.getElementsByTagName("text-style").item(0)).getAttribute("fieldName"));

        assertEquals(404, TestServer.get("/collections/land-parcels/styles/other").statusCode());
        assertEquals(400, TestServer.get("/collections/land-parcels/styles/default?f=svg").statusCode());
        assertEquals(400, TestServer.get("/collections/land-parcels/styles/default?x=1").statusCode());
    }

    @Test
    void anExportedGeoPackageCarriesItsStyleForQgis() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/land-parcels/export?format=gpkg&land_use_code=1001");
        assertEquals(200, r.statusCode());
        Path gpkg = tmp.resolve("parcels.gpkg");
        Files.write(gpkg, r.body());
        GdalRunner gdal = new GdalRunner(Map.of(), Duration.ofSeconds(60));
        Path csv = tmp.resolve("styles.csv");
        gdal.run(tmp, List.of("ogr2ogr", "-f", "CSV", csv.toString(), gpkg.toString(), "layer_styles"));
        Path back = tmp.resolve("styles.json");
        gdal.run(tmp, List.of("ogr2ogr", "-f", "GeoJSON", back.toString(), gpkg.toString(), "layer_styles"));
        JsonNode rows = json.readTree(back.toFile()).get("features");
        assertEquals(1, rows.size());
        JsonNode p = rows.get(0).get("properties");
        assertEquals("land-parcels", p.get("f_table_name").asText(), "the layer's name in the file");
        assertEquals("geom", p.get("f_geometry_column").asText());
        assertEquals(1, p.get("useAsDefault").asInt(), "QGIS applies the default style when it opens the layer");
        Document qml = xml(p.get("styleQML").asText());
        NodeList categories = qml.getElementsByTagName("category");
        assertEquals(landUseColours().size(), categories.getLength());
        assertTrue(xml(p.get("styleSLD").asText()).getDocumentElement().getLocalName().equals("StyledLayerDescriptor"));
        String info = gdal.run(tmp, List.of("ogrinfo", "-ro", "-so", gpkg.toString())).stdout();
        assertTrue(info.contains("1: land-parcels") && info.contains("2: layer_styles"), info);
    }

    private static Document xml(String text) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // the QML carries QGIS's DOCTYPE line; it is not fetched
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
