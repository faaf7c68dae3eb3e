package org.liudong.planview.styles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;

/**
 * A collection's default style as the catalogue gives it ({@code collection.default_style}, with
 * lookup-table categories filled in by {@code Catalog.style}), read once into what the Mapbox GL,
 * SLD and QML writers need. The catalogue's keys: fill, stroke, strokeWidth, lineDash, pointRadius,
 * fillOpacity, label, categorizedBy + categories [{value, label_zh, label_en, colour}].
 *
 * @param geometry      Point, LineString or Polygon (singles and multis alike), or null for a layer of several
 * @param fill          null = not filled
 * @param categorizedBy null = one symbol for every feature
 */
public record LayerStyle(String name, String title, String geometry, Colour fill, Colour stroke, double strokeWidth,
                         List<Double> dash, double pointRadius, String label, String categorizedBy, List<Category> categories) {
    private static final Colour DEFAULT_STROKE = new Colour(51, 51, 51, 1);

    /** One category: features whose property equals {@code value} are drawn in {@code colour}. */
    public record Category(String value, String label, Colour colour) {
    }

    public LayerStyle {
        dash = List.copyOf(dash);
        categories = List.copyOf(categories);
    }

    /** The default style of a collection, its categories (land-use colours) resolved by the catalogue. */
    public static LayerStyle of(Catalog catalog, CollectionInfo c) {
        return of(c.id(), c.texts().titleZh(), c.geometryType(), catalog.style(c));
    }

    /**
     * @param name          the layer's name (the collection id, which is also its vector-tile layer)
     * @param geometryType  the collection's geometry type (Point, MultiPolygon, Geometry …)
     */
    public static LayerStyle of(String name, String title, String geometryType, JsonNode style) {
        Colour stroke = Colour.parse(style.path("stroke").asText(null));
        Colour fill = Colour.parse(style.path("fill").asText(null));
        double fillOpacity = style.path("fillOpacity").asDouble(1);
        List<Double> dash = new ArrayList<>();
        style.path("lineDash").forEach(d -> dash.add(d.asDouble()));
        List<Category> categories = new ArrayList<>();
        String by = style.path("categorizedBy").asText(null);
        for (JsonNode c : style.path("categories")) {
            Colour colour = Colour.parse(c.path("colour").asText(null));
            if (colour == null || !c.has("value")) continue;
            String label = c.path("label_zh").asText(c.path("value").asText());
            categories.add(new Category(c.get("value").asText(), c.get("value").asText() + " " + label, colour.withAlpha(colour.alpha() * fillOpacity)));
        }
        if (fill != null && style.has("fillOpacity")) fill = fill.withAlpha(fill.alpha() * fillOpacity);
        return new LayerStyle(name, title, family(geometryType), fill, stroke == null ? DEFAULT_STROKE : stroke,
                style.path("strokeWidth").asDouble(1), dash, style.path("pointRadius").asDouble(5),
                style.path("label").asText(null), categories.isEmpty() ? null : by, categories);
    }

    public boolean categorized() {
        return categorizedBy != null;
    }

    /** The colour a feature is drawn in when nothing else says: the fill, else the stroke. */
    public Colour mainColour() {
        return fill != null ? fill : stroke;
    }

    private static String family(String geometryType) {
        String t = geometryType == null ? "" : geometryType.toLowerCase(java.util.Locale.ROOT).replace("multi", "");
        return switch (t) {
            case "point" -> "Point";
            case "linestring" -> "LineString";
            case "polygon" -> "Polygon";
            default -> null;
        };
    }
}
