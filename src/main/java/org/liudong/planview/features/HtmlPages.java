package org.liudong.planview.features;

import static org.liudong.planview.features.Html.esc;
import static org.liudong.planview.features.Html.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.http.Links;
import org.liudong.planview.query.ItemsRequest;

/** The HTML renderings (f=html) of the landing page, collections, items and features. */
final class HtmlPages {
    private HtmlPages() {
    }

    static String landing() {
        return Html.page(Documents.TITLE, "<p>柳东新区“三片四园七区”规划布局、重大项目与用地地块的 OGC API – Features 服务。"
                + "<br>OGC API – Features service for the planning layout of Liudong New District.</p><ul>"
                + "<li>" + link("/collections?f=html", "图层 Collections") + "</li>"
                + "<li>" + link("/conformance?f=html", "标准符合性 Conformance") + "</li>"
                + "<li>" + link("/api", "OpenAPI 3.0 (JSON)") + "</li>"
                + "<li>" + link("/?f=json", "JSON") + "</li></ul>");
    }

    static String conformance() {
        StringBuilder b = new StringBuilder("<ul>");
        for (String c : Documents.CONFORMANCE) b.append("<li>").append(esc(c)).append("</li>");
        return Html.page("标准符合性 Conformance", b.append("</ul>").toString());
    }

    static String api() {
        return Html.page("API", "<p>The API definition is an OpenAPI 3.0 document: " + link("/api?f=json", "/api?f=json")
                + ". Every collection has the same endpoints: items (GeoJSON, HTML), one item, queryables, vector tiles.</p>");
    }

    static String collections(Catalog catalog, Caller caller) {
        StringBuilder b = new StringBuilder("<table><tr><th>分组 Group</th><th>图层 Collection</th><th>说明 Description</th><th></th></tr>");
        for (CollectionInfo c : catalog.all(caller)) {
            String path = "/collections/" + Links.segment(c.id());
            b.append("<tr><td>").append(esc(c.group().titleZh())).append(" · ").append(esc(c.group().titleEn()))
                    .append("</td><td>").append(link(path + "?f=html", c.texts().titleZh() + " · " + c.texts().titleEn()))
                    .append("</td><td>").append(esc(c.texts().descriptionZh())).append(caveat(c))
                    .append("</td><td>").append(link(path + "/items?f=html", "要素 items")).append("</td></tr>");
        }
        return Html.page("图层 Collections", b.append("</table>").toString());
    }

    static String collection(Catalog catalog, CollectionInfo c) {
        String path = "/collections/" + Links.segment(c.id());
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(c.texts().descriptionZh())).append("<br>").append(esc(c.texts().descriptionEn())).append("</p>").append(caveat(c));
        b.append("<table><tr><th>id</th><td>").append(esc(c.id())).append("</td></tr>");
        b.append("<tr><th>分组 Group</th><td>").append(esc(c.group().titleZh() + " · " + c.group().titleEn())).append("</td></tr>");
        b.append("<tr><th>几何 Geometry</th><td>").append(esc(c.geometryType())).append("</td></tr>");
        b.append("<tr><th>范围 Extent (CRS84)</th><td>").append(esc(catalog.extent(c).map(java.util.Arrays::toString).orElse("—"))).append("</td></tr>");
        b.append("<tr><th>存储 Storage CRS</th><td>EPSG:").append(c.storageSrid()).append("</td></tr></table>");
        b.append("<h2>属性 Properties</h2><table><tr><th>name</th><th>type</th><th>queryable</th></tr>");
        for (PropertyInfo p : c.properties()) {
            b.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(esc(p.sqlType())).append("</td><td>")
                    .append(c.queryable(p.name()).isPresent() ? "✓" : "").append("</td></tr>");
        }
        b.append("</table><p>").append(link(path + "/items?f=html", "要素 Items (HTML)")).append(" · ")
                .append(link(path + "/items?f=json", "GeoJSON")).append(" · ")
                .append(link(path + "/queryables", "Queryables")).append(" · ")
                .append(link(path + "/tiles/WebMercatorQuad", "TileJSON")).append("</p>");
        return Html.page(c.texts().titleZh() + " · " + c.texts().titleEn(), b.toString());
    }

    static String queryables(CollectionInfo c) {
        StringBuilder b = new StringBuilder("<table><tr><th>name</th><th>type</th></tr>");
        for (PropertyInfo p : c.queryables()) {
            b.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(esc(p.type().jsonSchemaType())).append("</td></tr>");
        }
        b.append("<tr><td>geometry</td><td>").append(esc(c.geometryType())).append("</td></tr></table>");
        return Html.page("Queryables · " + c.texts().titleZh(), b.toString());
    }

    static String items(CollectionInfo c, ItemsRequest r, ItemsResponse.Page page) {
        String path = "/collections/" + Links.segment(c.id()) + "/items";
        List<PropertyInfo> props = r.selectedProperties(c);
        StringBuilder b = new StringBuilder(caveat(c));
        long first = page.features().isEmpty() ? 0 : page.position() + 1;
        b.append("<p>").append(first).append("–").append(page.position() + page.features().size()).append(" / ")
                .append(page.matched()).append(" · ").append(link(path + "?" + Links.query(Links.with(r.query(), "f", "json")), "GeoJSON"));
        if (page.position() > 0) {
            b.append(" · ").append(link(path + "?" + Links.query(Links.with(ItemsResponse.prev(r.query(), r, page.position()), "f", "html")), "← 上一页 prev"));
        }
        if (page.nextKeys() != null) {
            Map<String, List<String>> next = ItemsResponse.next(r.query(), r, page.position() + page.features().size(), page.nextKeys(),
                    page.matched());
            b.append(" · ").append(link(path + "?" + Links.query(Links.with(next, "f", "html")), "下一页 next →"));
        }
        b.append("</p><table><tr><th>id</th>");
        for (PropertyInfo p : props) b.append("<th>").append(esc(p.name())).append("</th>");
        b.append("<th>geometry</th></tr>");
        for (JsonNode f : page.features()) {
            String id = f.path("id").asText();
            b.append("<tr><td>").append(link(path + "/" + Links.segment(id) + "?f=html", id)).append("</td>");
            for (PropertyInfo p : props) b.append("<td>").append(cell(p.name(), f.path("properties").path(p.name()))).append("</td>");
            b.append("<td>").append(esc(f.path("geometry").path("type").asText(""))).append("</td></tr>");
        }
        return Html.page(c.texts().titleZh() + " · " + c.texts().titleEn(), b.append("</table>").toString());
    }

    static String item(CollectionInfo c, JsonNode feature) {
        String col = "/collections/" + Links.segment(c.id());
        String id = feature.path("id").asText();
        StringBuilder b = new StringBuilder(caveat(c));
        b.append("<p>").append(link(col + "/items?f=html", "← " + c.texts().titleZh())).append(" · ")
                .append(link(col + "/items/" + Links.segment(id) + "?f=json", "GeoJSON")).append("</p><table>");
        b.append("<tr><th>id</th><td>").append(esc(id)).append("</td></tr>");
        feature.path("properties").fields().forEachRemaining(e ->
                b.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(cell(e.getKey(), e.getValue())).append("</td></tr>"));
        b.append("</table><h2>geometry (").append(esc(CrsRegistry.CRS84_URI)).append(")</h2><pre>")
                .append(esc(feature.path("geometry").toString())).append("</pre>");
        return Html.page(c.texts().titleZh() + " " + id, b.toString());
    }

    private static String caveat(CollectionInfo c) {
        if (c.texts().caveatZh() == null && c.texts().caveatEn() == null) return "";
        return "<p class=\"caveat\">" + esc(c.texts().caveatZh()) + " " + esc(c.texts().caveatEn()) + "</p>";
    }

    /** A property as HTML: `sources` as citations a planner can read, anything else as escaped text. */
    private static String cell(String name, JsonNode v) {
        if (!name.equals("sources") || !v.isArray()) return esc(text(v));
        StringBuilder b = new StringBuilder("<ol class=\"sources\">");
        for (JsonNode s : v) {
            b.append("<li>").append(esc(citation(s))).append("：“").append(esc(s.path("quote").asText())).append("”")
                    .append(" <small>").append(esc(s.path("file").asText())).append("</small></li>");
        }
        return b.append("</ol>").toString();
    }

    /** 《title》（document number，date），第 N 行 — as the web map's popups write it. */
    static String citation(JsonNode s) {
        String title = s.path("title").asText("");
        StringBuilder b = new StringBuilder();
        if (title.isEmpty()) {
            b.append(s.path("file").asText());
        } else {
            b.append("《").append(title.replace('《', '〈').replace('》', '〉')).append("》");
            String meta = String.join("，", java.util.stream.Stream.of(s.path("doc_number").asText(""), s.path("date").asText(""))
                    .filter(x -> !x.isEmpty()).toList());
            if (!meta.isEmpty()) b.append("（").append(meta).append("）");
        }
        if (s.has("line")) b.append("，第 ").append(s.path("line").asInt()).append(" 行");
        if (s.hasNonNull("published_in")) b.append("，载").append(s.path("published_in").asText());
        return b.toString();
    }

    private static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) return "";
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
