package org.liudong.planview.styles;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A colour of the catalogue's styles (CSS #rrggbb, #rgb, rgb(), rgba()), written the way each style format wants it. */
public record Colour(int red, int green, int blue, double alpha) {
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*(?:,\\s*([0-9.]+)\\s*)?\\)");

    /** The colour a CSS text names, or null when it is not one of the forms above. */
    public static Colour parse(String css) {
        if (css == null) return null;
        String t = css.strip();
        Matcher h = HEX.matcher(t);
        if (h.matches()) {
            String hex = h.group(1);
            if (hex.length() == 3) hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
            return new Colour(Integer.parseInt(hex.substring(0, 2), 16), Integer.parseInt(hex.substring(2, 4), 16),
                    Integer.parseInt(hex.substring(4, 6), 16), 1);
        }
        Matcher m = RGB.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double a = m.group(4) == null ? 1 : Math.max(0, Math.min(1, Double.parseDouble(m.group(4))));
            return new Colour(clamp(m.group(1)), clamp(m.group(2)), clamp(m.group(3)), a);
        }
        return null;
    }

    public Colour withAlpha(double a) {
        return new Colour(red, green, blue, a);
    }

    /** #rrggbb, without the alpha (SLD and Mapbox take opacity separately). */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** QGIS's "r,g,b,a" with alpha 0–255. */
    public String qgis() {
        return red + "," + green + "," + blue + "," + Math.round(alpha * 255);
    }

    private static int clamp(String v) {
        return Math.min(255, Integer.parseInt(v));
    }
}
