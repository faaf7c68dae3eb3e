package org.liudong.planview.features;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.http.Links;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;
import org.liudong.planview.styles.LayerStyle;
import org.liudong.planview.styles.MapboxStyle;
import org.liudong.planview.styles.QmlStyle;
import org.liudong.planview.styles.SldStyle;
import org.liudong.planview.styles.StyleFormat;

/**
 * {@code GET /collections/{id}/styles/default}: a collection's default style, generated from the
 * catalogue, in the formats clients read — a Mapbox GL style for the vector tiles (QGIS vector tile
 * layers, MapLibre), SLD 1.0 and QGIS QML for the features — chosen by Accept or
 * {@code f=mapbox|sld|qml}. The path follows OGC API – Styles.
 */
public final class StyleRoutes {
    private final Catalog catalog;

    public StyleRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/styles/{styleId}", this::style);
    }

    /** The style's URL, linked once per format (the link's type is what a client asks for with Accept). */
    static String path(String collectionPath) {
        return collectionPath + "/styles/default";
    }

    private void style(Context ctx) {
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!e.getKey().equals("f")) throw Problem.badRequest("unknown parameter '" + Text.shorten(e.getKey()) + "'; this resource takes f");
        }
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx));
        if (!ctx.pathParam("styleId").equals("default")) {
            throw Problem.notFound("collection " + c.id() + " has one style, 'default'");
        }
        String f = ctx.queryParam("f");
        StyleFormat format = f == null ? StyleFormat.fromAccept(ctx.header("Accept")) : StyleFormat.fromParameter(f).orElseThrow(() ->
                Problem.badRequest("parameter f: '" + Text.shorten(f) + "' is not a style format; use mapbox, sld or qml"));
        LayerStyle s = LayerStyle.of(catalog, c);
        ctx.contentType(format.mediaType());
        ctx.result(Text.utf8(switch (format) {
            case MAPBOX -> MapboxStyle.of(s, Links.of(ctx).url("/collections/" + Links.segment(c.id()) + "/tiles/WebMercatorQuad/{z}/{y}/{x}"),
                    c.tiles().minZoom(), c.tiles().maxZoom()).toString();
            case SLD -> SldStyle.of(s);
            case QML -> QmlStyle.of(s);
        }));
    }
}
