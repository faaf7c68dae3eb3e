package org.liudong.planview.styles;

import java.util.Locale;
import java.util.Optional;

/** The formats a layer's style is written in, with their media types and {@code f} values. */
public enum StyleFormat {
    MAPBOX("mapbox", "application/vnd.mapbox.style+json", "Style of the vector tiles (Mapbox GL)"),
    SLD("sld", "application/vnd.ogc.sld+xml;version=1.0", "Style (OGC SLD 1.0)"),
    QML("qml", "application/vnd.qgis.qml+xml", "Style (QGIS QML)");

    private final String parameter;
    private final String mediaType;
    private final String title;

    StyleFormat(String parameter, String mediaType, String title) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.title = title;
    }

    public String parameter() {
        return parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    public String title() {
        return title;
    }

    public static Optional<StyleFormat> fromParameter(String f) {
        String v = f.strip().toLowerCase(Locale.ROOT);
        if (v.equals("json")) return Optional.of(MAPBOX);
        for (StyleFormat s : values()) if (s.parameter.equals(v)) return Optional.of(s);
        return Optional.empty();
    }

    /** SLD or QML when the Accept header names their type (XML in general: SLD), else Mapbox GL. */
    public static StyleFormat fromAccept(String accept) {
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains("qml")) return QML;
        if (a.contains("sld") || a.contains("/xml")) return SLD;
        return MAPBOX;
    }
}
