package org.liudong.planview.styles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Mapbox GL style (version 8) for a collection's vector tiles: the source is the tile template,
 * the layers draw the tile layer (named as the collection) with the catalogue's colours — a
 * {@code match} on the category property for categorised layers (the land-use colours). QGIS
 * (Vector Tile layer with a style URL), MapLibre and Mapbox GL read it. Labels are left out: a
 * Mapbox GL symbol layer needs a glyph server, which this offline viewer does not run.
 */
public final class MapboxStyle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MapboxStyle() {
    }

    /**
     * @param tiles   the tile URL template as served (…/{z}/{y}/{x})
     * @param minZoom the first zoom with tiles
     */
    public static ObjectNode of(LayerStyle s, String tiles, int minZoom, int maxZoom) {
        ObjectNode style = JSON.createObjectNode();
        style.put("version", 8);
        style.put("name", s.title());
        ObjectNode source = style.putObject("sources").putObject(s.name());
        source.put("type", "vector");
        source.putArray("tiles").add(tiles);
        source.put("minzoom", minZoom).put("maxzoom", maxZoom);
        ArrayNode layers = style.putArray("layers");
        String g = s.geometry();
        if (g == null || g.equals("Polygon")) {
            ObjectNode fill = layer(layers, s, "fill", "Polygon", g == null);
            ObjectNode paint = fill.putObject("paint");
            if (s.categorized() || s.fill() != null) {
                colour(paint, "fill-color", "fill-opacity", s, s.fill());
            } else {
                paint.put("fill-color", "#000000").put("fill-opacity", 0);
            }
            outline(layer(layers, s, "outline", "Polygon", g == null), s, false);
        }
        if (g == null || g.equals("LineString")) outline(layer(layers, s, "line", "LineString", g == null), s, true);
        if (g == null || g.equals("Point")) {
            ObjectNode paint = layer(layers, s, "circle", "Point", g == null).putObject("paint");
            paint.put("circle-radius", s.pointRadius());
            colour(paint, "circle-color", "circle-opacity", s, s.mainColour());
            paint.put("circle-stroke-color", s.stroke().hex()).put("circle-stroke-width", s.strokeWidth());
        }
        return style;
    }

    private static ObjectNode layer(ArrayNode layers, LayerStyle s, String type, String geometry, boolean filtered) {
        ObjectNode l = layers.addObject();
        l.put("id", s.name() + "-" + (type.equals("outline") ? "outline" : type));
        l.put("type", type.equals("outline") ? "line" : type);
        l.put("source", s.name());
        l.put("source-layer", s.name());
        if (filtered) l.putArray("filter").add("==").add("$type").add(geometry);
        return l;
    }

    private static void outline(ObjectNode layer, LayerStyle s, boolean lineLayer) {
        ObjectNode paint = layer.putObject("paint");
        if (lineLayer && s.categorized()) colour(paint, "line-color", "line-opacity", s, s.stroke());
        else paint.put("line-color", s.stroke().hex()).put("line-opacity", s.stroke().alpha());
        paint.put("line-width", s.strokeWidth());
        if (!s.dash().isEmpty()) {
            ArrayNode d = paint.putArray("line-dasharray");  // in line widths
            s.dash().forEach(v -> d.add(v / Math.max(s.strokeWidth(), 0.1)));
        }
    }

    /** A plain colour, or a match expression on the category property with the plain colour as fallback. */
    private static void colour(ObjectNode paint, String colourKey, String opacityKey, LayerStyle s, Colour plain) {
        Colour fallback = plain == null ? new Colour(204, 204, 204, 0.6) : plain;
        if (!s.categorized()) {
            paint.put(colourKey, fallback.hex()).put(opacityKey, fallback.alpha());
            return;
        }
        ArrayNode match = paint.putArray(colourKey);
        match.add("match");
        match.addArray().add("get").add(s.categorizedBy());
        // each label as a one-value array: equally valid, and the form QGIS 3.22's converter reads (a bare string it turns into "IN ()")
        for (LayerStyle.Category c : s.categories()) {
            match.addArray().add(c.value());
            match.add(c.colour().hex());
        }
        match.add(fallback.hex());
        paint.put(opacityKey, s.categories().get(0).colour().alpha());
    }
}
