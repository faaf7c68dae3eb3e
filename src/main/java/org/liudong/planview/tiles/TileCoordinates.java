package org.liudong.planview.tiles;

/** The WebMercatorQuad tile holding a longitude/latitude point. */
final class TileCoordinates {
    private TileCoordinates() {
    }

    /** {x, y} at zoom z, clamped to the matrix. */
    static int[] of(double lon, double lat, int z) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180.0) / 360.0 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1.0 - Math.log(Math.tan(r) + 1.0 / Math.cos(r)) / Math.PI) / 2.0 * n);
        return new int[] {Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))};
    }
}
