package org.liudong.planview.query;

import org.liudong.planview.crs.SupportedCrs;

/**
 * A {@code bbox} condition: the box in {@code crs}, already in x = east order (PostGIS's), whatever
 * the axis order it was given in.
 *
 * @param box {minX, minY, maxX, maxY}; minX &gt; maxX only for a box that crosses the antimeridian
 */
public record Bbox(double[] box, SupportedCrs crs) {
    public Bbox {
        box = box.clone();
    }

    @Override
    public double[] box() {
        return box.clone();
    }
}
