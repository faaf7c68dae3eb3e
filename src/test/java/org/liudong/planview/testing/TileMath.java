package org.liudong.planview.testing;

/** WebMercatorQuad tile addresses for test points. */
public final class TileMath {
    private TileMath() {
    }

    /** The z/y/x path of the tile that holds a point. */
    public static String tileOf(double lon, double lat, int z) {
        double n = Math.pow(2, z);
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return z + "/" + y + "/" + x;
    }
}
