package org.liudong.planview.styles;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.http.Links;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * {@code GET /collections/{id}/styles/default?f=mapbox|sld|qml}: a collection's default style,
 * generated from the catalogue, in the formats clients read — a Mapbox GL style for the vector
 * tiles (QGIS vector tile layers, MapLibre), SLD 1.0 and QGIS QML for the features. The path
 * follows OGC API – Styles.
 */
public final class StyleRoutes {
    public static final String MAPBOX = "application/vnd.mapbox.style+json";
    public static final String SLD = "application/vnd.ogc.sld+xml;version=1.0";
    public static final String QML = "application/vnd.qgis.qml+xml";
    private final Catalog catalog;

    public StyleRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/styles/{styleId}", this::style);
    }

    /**
     * The links a collection document carries to its style, one per format: one URL, the format
     * chosen by Accept (the link's type) or by {@code f=mapbox|sld|qml}.
     */
    public static List<String[]> links(String collectionPath) {
        String url = collectionPath + "/styles/default";
        return List.of(new String[] {url, MAPBOX, "Style of the vector tiles (Mapbox GL)"},
                new String[] {url, SLD, "Style (OGC SLD 1.0)"},
                new String[] {url, QML, "Style (QGIS QML)"});
    }

    private void style(Context ctx) {
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!e.getKey().equals("f")) throw Problem.badRequest("unknown parameter '" + Text.shorten(e.getKey()) + "'; this resource takes f");
        }
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"));
        if (!ctx.pathParam("styleId").equals("default")) {
            throw Problem.notFound("collection " + c.id() + " has one style, 'default'");
        }
        String f = ctx.queryParam("f") == null ? fromAccept(ctx.header("Accept")) : ctx.queryParam("f").strip().toLowerCase(Locale.ROOT);
        LayerStyle s = LayerStyle.of(catalog, c);
        switch (f) {
            case "mapbox", "json" -> {
                String tiles = Links.of(ctx).url("/collections/" + Links.segment(c.id()) + "/tiles/WebMercatorQuad/{z}/{y}/{x}");
                ctx.contentType(MAPBOX);
                ctx.result(Text.utf8(MapboxStyle.of(s, tiles, c.tiles().minZoom(), c.tiles().maxZoom()).toString()));
            }
            case "sld" -> {
                ctx.contentType(SLD);
                ctx.result(Text.utf8(SldStyle.of(s)));
            }
            case "qml" -> {
                ctx.contentType(QML);
                ctx.result(Text.utf8(QmlStyle.of(s)));
            }
            default -> throw Problem.badRequest("parameter f: '" + Text.shorten(f) + "' is not a style format; use mapbox, sld or qml");
        }
    }

    /** SLD or QML when the Accept header names their type (or XML generally: SLD), else Mapbox GL. */
    private static String fromAccept(String accept) {
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains("qml")) return "qml";
        if (a.contains("sld") || a.contains("/xml")) return "sld";
        return "mapbox";
    }
}
