package org.liudong.planview.styles;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The style as a QGIS layer style (QML): a categorised renderer (one symbol per category, the
 * land-use colours) or a single symbol, of the layer's geometry, sizes in pixels as the web map
 * draws them, and labels from the label property. QGIS applies it by itself when it is the default
 * in a GeoPackage's {@code layer_styles} table. Written with the JDK's XML writer.
 */
public final class QmlStyle {
    private QmlStyle() {
    }

    public static String of(LayerStyle s) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeDTD("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
            w.writeStartElement("qgis");
            w.writeAttribute("version", "3.22.16-Białowieża");
            w.writeAttribute("styleCategories", "Symbology|Labeling");
            w.writeAttribute("labelsEnabled", s.label() == null ? "0" : "1");
            w.writeStartElement("renderer-v2");
            if (s.categorized()) {
                w.writeAttribute("type", "categorizedSymbol");
                w.writeAttribute("attr", s.categorizedBy());
            } else {
                w.writeAttribute("type", "singleSymbol");
            }
            w.writeAttribute("symbollevels", "0");
            w.writeAttribute("forceraster", "0");
            w.writeAttribute("enableorderby", "0");
            if (s.categorized()) {
                w.writeStartElement("categories");
                for (int i = 0; i < s.categories().size(); i++) {
                    LayerStyle.Category c = s.categories().get(i);
                    w.writeEmptyElement("category");
                    w.writeAttribute("render", "true");
                    w.writeAttribute("symbol", Integer.toString(i));
                    w.writeAttribute("value", c.value());
                    w.writeAttribute("label", c.label());
                }
                w.writeEndElement();
            }
            w.writeStartElement("symbols");
            if (s.categorized()) {
                for (int i = 0; i < s.categories().size(); i++) symbol(w, s, Integer.toString(i), s.categories().get(i).colour());
            } else {
                symbol(w, s, "0", s.mainColour());
            }
            w.writeEndElement();
            w.writeEndElement();  // renderer-v2
            if (s.label() != null) labeling(w, s.label());
            w.writeStartElement("layerGeometryType");
            w.writeCharacters(switch (s.geometry() == null ? "Polygon" : s.geometry()) {
                case "Point" -> "0";
                case "LineString" -> "1";
                default -> "2";
            });
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the QML of " + s.name(), e);
        }
    }

    private static void symbol(XMLStreamWriter w, LayerStyle s, String name, Colour colour) throws XMLStreamException {
        String g = s.geometry() == null ? "Polygon" : s.geometry();
        w.writeStartElement("symbol");
        w.writeAttribute("type", switch (g) {
            case "Point" -> "marker";
            case "LineString" -> "line";
            default -> "fill";
        });
        w.writeAttribute("name", name);
        w.writeAttribute("alpha", "1");
        w.writeAttribute("clip_to_extent", "1");
        w.writeAttribute("force_rhr", "0");
        w.writeStartElement("layer");
        w.writeAttribute("pass", "0");
        w.writeAttribute("locked", "0");
        w.writeAttribute("enabled", "1");
        String dash = String.join(";", s.dash().stream().map(SldStyle::number).toList());
        switch (g) {
            case "Point" -> {
                w.writeAttribute("class", "SimpleMarker");
                prop(w, "name", "circle");
                prop(w, "color", colour.qgis());
                prop(w, "outline_color", s.stroke().qgis());
                prop(w, "outline_style", "solid");
                prop(w, "outline_width", SldStyle.number(s.strokeWidth()));
                prop(w, "outline_width_unit", "Pixel");
                prop(w, "size", SldStyle.number(2 * s.pointRadius()));
                prop(w, "size_unit", "Pixel");
            }
            case "LineString" -> {
                w.writeAttribute("class", "SimpleLine");
                prop(w, "line_color", (s.categorized() ? colour : s.stroke()).qgis());
                prop(w, "line_style", "solid");
                prop(w, "line_width", SldStyle.number(s.strokeWidth()));
                prop(w, "line_width_unit", "Pixel");
                prop(w, "use_custom_dash", dash.isEmpty() ? "0" : "1");
                prop(w, "customdash", dash.isEmpty() ? "5;2" : dash);
                prop(w, "customdash_unit", "Pixel");
                prop(w, "capstyle", "round");
                prop(w, "joinstyle", "round");
            }
            default -> {
                w.writeAttribute("class", "SimpleFill");
                boolean filled = s.categorized() || s.fill() != null;
                prop(w, "color", (filled ? colour : new Colour(0, 0, 0, 0)).qgis());
                prop(w, "style", filled ? "solid" : "no");
                prop(w, "outline_color", s.stroke().qgis());
                prop(w, "outline_style", dash.isEmpty() ? "solid" : "dash");
                prop(w, "outline_width", SldStyle.number(s.strokeWidth()));
                prop(w, "outline_width_unit", "Pixel");
                prop(w, "joinstyle", "round");
            }
        }
        w.writeEndElement();  // layer
        w.writeEndElement();  // symbol
    }

    private static void labeling(XMLStreamWriter w, String field) throws XMLStreamException {
        w.writeStartElement("labeling");
        w.writeAttribute("type", "simple");
        w.writeStartElement("settings");
        w.writeAttribute("calloutType", "simple");
        w.writeStartElement("text-style");
        w.writeAttribute("fieldName", field);
        w.writeAttribute("isExpression", "0");
        w.writeAttribute("fontFamily", "Noto Sans CJK SC");
        w.writeAttribute("fontSize", "9");
        w.writeAttribute("fontSizeUnit", "Point");
        w.writeAttribute("textColor", "50,50,50,255");
        w.writeAttribute("textOpacity", "1");
        w.writeEmptyElement("text-buffer");
        w.writeAttribute("bufferDraw", "1");
        w.writeAttribute("bufferSize", "1");
        w.writeAttribute("bufferSizeUnits", "MM");
        w.writeAttribute("bufferColor", "255,255,255,255");
        w.writeAttribute("bufferOpacity", "1");
        w.writeEndElement();  // text-style
        w.writeEndElement();  // settings
        w.writeEndElement();  // labeling
    }

    private static void prop(XMLStreamWriter w, String k, String v) throws XMLStreamException {
        w.writeEmptyElement("prop");
        w.writeAttribute("k", k);
        w.writeAttribute("v", v);
    }
}
