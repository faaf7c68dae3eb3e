package org.liudong.planview.styles;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The style as an OGC Styled Layer Descriptor 1.0: one rule per category (a filter on the category
 * property) or one rule for all, the symbolizer of the layer's geometry, and a text symbolizer for
 * the label property. GeoServer, ArcGIS Pro and QGIS read it; written with the JDK's XML writer.
 */
public final class SldStyle {
    private static final String SLD = "http://www.opengis.net/sld";
    private static final String OGC = "http://www.opengis.net/ogc";

    private SldStyle() {
    }

    public static String of(LayerStyle s) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("StyledLayerDescriptor");
            w.writeAttribute("version", "1.0.0");
            w.writeDefaultNamespace(SLD);
            w.writeNamespace("ogc", OGC);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("xsi:schemaLocation", SLD + " http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd");
            w.writeStartElement("NamedLayer");
            text(w, "Name", s.name());
            w.writeStartElement("UserStyle");
            text(w, "Name", "default");
            text(w, "Title", s.title());
            text(w, "IsDefault", "1");
            w.writeStartElement("FeatureTypeStyle");
            if (s.categorized()) {
                for (LayerStyle.Category c : s.categories()) {
                    w.writeStartElement("Rule");
                    text(w, "Name", c.value());
                    text(w, "Title", c.label());
                    w.writeStartElement("ogc", "Filter", OGC);
                    w.writeStartElement("ogc", "PropertyIsEqualTo", OGC);
                    text(w, "ogc", "PropertyName", s.categorizedBy());
                    text(w, "ogc", "Literal", c.value());
                    w.writeEndElement();
                    w.writeEndElement();
                    symbolizer(w, s, c.colour());
                    w.writeEndElement();
                }
            } else {
                w.writeStartElement("Rule");
                text(w, "Name", s.name());
                text(w, "Title", s.title());
                symbolizer(w, s, s.mainColour());
                w.writeEndElement();
            }
            if (s.label() != null) {
                w.writeStartElement("Rule");
                text(w, "Name", "label");
                w.writeStartElement("TextSymbolizer");
                w.writeStartElement("Label");
                text(w, "ogc", "PropertyName", s.label());
                w.writeEndElement();
                w.writeStartElement("Font");
                css(w, "font-family", "Noto Sans CJK SC");
                css(w, "font-size", "12");
                w.writeEndElement();
                w.writeStartElement("Halo");
                text(w, "Radius", "1");
                w.writeStartElement("Fill");
                css(w, "fill", "#ffffff");
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("Fill");
                css(w, "fill", "#333333");
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();  // FeatureTypeStyle
            w.writeEndElement();  // UserStyle
            w.writeEndElement();  // NamedLayer
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the SLD of " + s.name(), e);
        }
    }

    private static void symbolizer(XMLStreamWriter w, LayerStyle s, Colour colour) throws XMLStreamException {
        String g = s.geometry() == null ? "Polygon" : s.geometry();
        switch (g) {
            case "Point" -> {
                w.writeStartElement("PointSymbolizer");
                w.writeStartElement("Graphic");
                w.writeStartElement("Mark");
                text(w, "WellKnownName", "circle");
                fill(w, colour);
                stroke(w, s, s.stroke());
                w.writeEndElement();
                text(w, "Size", number(2 * s.pointRadius()));
                w.writeEndElement();
                w.writeEndElement();
            }
            case "LineString" -> {
                w.writeStartElement("LineSymbolizer");
                stroke(w, s, s.categorized() ? colour : s.stroke());
                w.writeEndElement();
            }
            default -> {
                w.writeStartElement("PolygonSymbolizer");
                if (s.categorized() || s.fill() != null) fill(w, colour);
                stroke(w, s, s.stroke());
                w.writeEndElement();
            }
        }
    }

    private static void fill(XMLStreamWriter w, Colour c) throws XMLStreamException {
        w.writeStartElement("Fill");
        css(w, "fill", c.hex());
        css(w, "fill-opacity", number(c.alpha()));
        w.writeEndElement();
    }

    private static void stroke(XMLStreamWriter w, LayerStyle s, Colour c) throws XMLStreamException {
        w.writeStartElement("Stroke");
        css(w, "stroke", c.hex());
        css(w, "stroke-opacity", number(c.alpha()));
        css(w, "stroke-width", number(s.strokeWidth()));
        if (!s.dash().isEmpty()) {
            StringBuilder d = new StringBuilder();
            for (double v : s.dash()) d.append(d.isEmpty() ? "" : " ").append(number(v));
            css(w, "stroke-dasharray", d.toString());
        }
        w.writeEndElement();
    }

    private static void css(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("CssParameter");
        w.writeAttribute("name", name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String prefix, String name, String value) throws XMLStreamException {
        w.writeStartElement(prefix, name, prefix.equals("ogc") ? OGC : SLD);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
