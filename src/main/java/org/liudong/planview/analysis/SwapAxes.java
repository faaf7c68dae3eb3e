package org.liudong.planview.analysis;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;

/** Swaps x and y in place: coordinates given northing/latitude first become x = east, as PostGIS and JTS count. */
final class SwapAxes implements CoordinateSequenceFilter {
    static final SwapAxes INSTANCE = new SwapAxes();

    @Override
    public void filter(CoordinateSequence seq, int i) {
        double x = seq.getX(i);
        seq.setOrdinate(i, 0, seq.getY(i));
        seq.setOrdinate(i, 1, x);
    }

    @Override
    public boolean isDone() {
        return false;
    }

    @Override
    public boolean isGeometryChanged() {
        return true;
    }
}
