package org.liudong.planview.analysis;

import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * How features relate to a statistics polygon. {@code CLIP}: the features that intersect it, their
 * areas cut to it (what lies in the polygon); {@code INTERSECTS}: the features that touch it, whole
 * areas; {@code WITHIN}: only the features it covers entirely, whole areas.
 */
enum PolygonMode {
    CLIP, INTERSECTS, WITHIN;

    static PolygonMode parse(String text, boolean polygonGiven) {
        if (text == null) return polygonGiven ? CLIP : null;
        if (!polygonGiven) throw Problem.badRequest("parameter mode: given without polygon");
        return switch (text.strip()) {
            case "clip" -> CLIP;
            case "intersects" -> INTERSECTS;
            case "within" -> WITHIN;
            default -> throw Problem.badRequest("parameter mode: '" + Text.shorten(text) + "'; use clip, intersects or within");
        };
    }

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
