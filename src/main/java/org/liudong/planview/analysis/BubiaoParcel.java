package org.liudong.planview.analysis;

import java.util.List;

/**
 * One parcel of a 部标 coordinate file: its header row and its rings, in the file's CRS
 * (x = easting as written, y = northing).
 *
 * @param line         the header row's line number (1-based)
 * @param declaredHa   地块面积 as the file states it, in 公顷; null when left empty
 * @param rings        圈号 1 (the outer ring) first, then the holes, each closed
 */
record BubiaoParcel(int line, int declaredPoints, Double declaredHa, String number, String name, String shape,
                    String use, String landUseCode, List<Ring> rings) {

    /** A ring as written: 圈号, its points (x = easting, y = northing) and the line of each. */
    record Ring(int number, double[][] points, int[] lines) {
    }

    BubiaoParcel {
        rings = List.copyOf(rings);
    }

    /** "地块编号 地块名称", or the header line when both are empty: how messages and the report name it. */
    String label() {
        String l = ((number == null ? "" : number) + " " + (name == null ? "" : name)).strip();
        return l.isEmpty() ? "parcel at line " + line : l;
    }
}
