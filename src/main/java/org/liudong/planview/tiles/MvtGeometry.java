package org.liudong.planview.tiles;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One feature's geometry as MVT commands, read straight from the WKB PostGIS returns for
 * {@link TileSql#tile} — in tile units (y down) or in Web Mercator metres, then scaled to them and
 * rounded to whole units and simplified here — without building geometry objects.
 * It follows the MVT 2.1 specification as ST_AsMVT does: exterior rings have a positive area by the
 * surveyor's formula in tile coordinates (clockwise on screen) and holes a negative one, rings that
 * snapped to no area are left out (with their holes, if it is the exterior), repeated points are
 * dropped, and a mixed collection keeps only its parts of the highest dimension.
 */
final class MvtGeometry {
    /** The MVT geometry types (the specification's GeomType); NONE: nothing of the geometry is left. */
    static final int NONE = 0;
    static final int POINT = 1;
    static final int LINESTRING = 2;
    static final int POLYGON = 3;

    private static final int MOVE_TO = 1;
    private static final int LINE_TO = 2;
    private static final int CLOSE_PATH = 7;

    private int[] commands = new int[1024];
    private int count;
    private int cursorX;
    private int cursorY;

    private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] wkb;
    private boolean littleEndian;
    private int pos;
    /** The parsed part's points (a ring, a line, or all the points of a multipoint). */
    private int[] xs = new int[256];
    private int[] ys = new int[256];
    private int points;

    /** Tile units from the WKB's coordinates: x' = a·x + b, y' = c·y + d. */
    private boolean simplify;
    private boolean[] keep = new boolean[256];
    private int[] stack = new int[64];
    private double a = 1;
    private double b;
    private double c = 1;
    private double d;

    /**
     * Encodes one geometry, in tile units already ({@code frame} null: clipped and simplified by
     * PostGIS) or in Web Mercator metres of the tile {@code frame} describes (then simplified here,
     * as ST_Simplify would at one tile unit, after rounding); the commands are then {@link #commands()} up to {@link #count()}.
     */
    int encode(byte[] bytes, TileSql.Frame frame) {
        simplify = frame != null;
        if (frame == null) {
            a = 1;
            b = 0;
            c = 1;
            d = 0;
        } else {
            a = frame.scale();
            b = -frame.xmin() * frame.scale();
            c = -frame.scale();
            d = frame.ymax() * frame.scale();
        }
        wkb = bytes;
        count = 0;
        cursorX = 0;
        cursorY = 0;
        points = 0;
        pos = 0;
        int dimension = highestDimension();
        if (dimension < 0) return NONE;
        pos = 0;
        geometry(dimension);
        if (dimension == 0 && points > 0) emitPoints();
        return count == 0 ? NONE : dimension + 1;
    }

    int[] commands() {
        return commands;
    }

    int count() {
        return count;
    }

    // ------------------------------------------------------------------ reading WKB

    /** A geometry's header: its base type (1–7) and how many ordinates each point has. */
    private int type;
    private int ordinates;

    private void header() {
        littleEndian = wkb[pos] != 0;
        pos++;
        int raw = readInt();
        // ISO WKB says Z/M by adding 1000/2000/3000, EWKB by flag bits; ST_AsBinary writes ISO.
        boolean z = (raw & 0x80000000) != 0;
        boolean m = (raw & 0x40000000) != 0;
        if ((raw & 0x20000000) != 0) pos += 4;  // an EWKB SRID
        int code = raw & 0x0FFFFFFF;
        int iso = code / 1000;
        z |= iso == 1 || iso == 3;
        m |= iso == 2 || iso == 3;
        type = code % 1000;
        if (type < 1 || type > 7) throw new IllegalStateException("PostGIS returned a WKB geometry type a tile cannot hold: " + code);
        ordinates = 2 + (z ? 1 : 0) + (m ? 1 : 0);
    }

    private int readInt() {
        int v = littleEndian ? (int) INT_LE.get(wkb, pos) : (int) INT_BE.get(wkb, pos);
        pos += 4;
        return v;
    }

    private double doubleAt(int at) {
        return littleEndian ? (double) DOUBLE_LE.get(wkb, at) : (double) DOUBLE_BE.get(wkb, at);
    }

    /** The highest dimension among the geometry's non-empty parts (-1: all empty); advances past it. */
    private int highestDimension() {
        header();
        int n;
        switch (type) {
            case 1 -> {
                boolean empty = Double.isNaN(doubleAt(pos));
                pos += 8 * ordinates;
                return empty ? -1 : 0;
            }
            case 2 -> {
                n = readInt();
                pos += 8 * ordinates * n;
                return n > 0 ? 1 : -1;
            }
            case 3 -> {
                int rings = readInt();
                int total = 0;
                for (int r = 0; r < rings; r++) {
                    n = readInt();
                    total += n;
                    pos += 8 * ordinates * n;
                }
                return total > 0 ? 2 : -1;
            }
            default -> {
                int parts = readInt();
                int highest = -1;
                for (int i = 0; i < parts; i++) highest = Math.max(highest, highestDimension());
                return highest;
            }
        }
    }

    /** Encodes the parts of the given dimension, skipping the others. */
    private void geometry(int dimension) {
        int start = pos;
        header();
        if (type <= 3 && type - 1 != dimension) {
            pos = start;
            highestDimension();  // skips it
            return;
        }
        switch (type) {
            case 1 -> {
                double raw = doubleAt(pos);
                int x = x();
                int y = y();
                pos += 8 * ordinates;
                if (!Double.isNaN(raw)) addPoint(x, y);
            }
            case 2 -> {
                readPoints();
                if (simplify) simplify();
                if (points >= 2) emitPath(false, false);
                points = 0;
            }
            case 3 -> polygon();
            default -> {
                int parts = readInt();
                for (int i = 0; i < parts; i++) geometry(dimension);
            }
        }
    }

    private void polygon() {
        int rings = readInt();
        boolean exteriorKept = false;
        for (int r = 0; r < rings; r++) {
            readPoints();
            if (simplify) simplify();
            if (points > 1 && xs[0] == xs[points - 1] && ys[0] == ys[points - 1]) points--;
            long area = points >= 3 ? doubleArea() : 0;
            boolean exterior = r == 0;
            if (exterior) exteriorKept = area != 0;
            if (exteriorKept && area != 0) {
                // Exterior: positive area; a hole: negative (MVT 2.1, 4.3.4.4).
                emitPath(true, exterior ? area < 0 : area > 0);
            }
            points = 0;
        }
    }

    /** The ring's points, rounded to whole tile units, with repeated points dropped. */
    private void readPoints() {
        int n = readInt();
        points = 0;
        for (int i = 0; i < n; i++) {
            int x = x();
            int y = y();
            pos += 8 * ordinates;
            if (points > 0 && xs[points - 1] == x && ys[points - 1] == y) continue;
            addPoint(x, y);
        }
    }

    private int x() {
        return (int) Math.round(a * doubleAt(pos) + b);
    }

    private int y() {
        return (int) Math.round(c * doubleAt(pos + 8) + d);
    }

    private void addPoint(int x, int y) {
        if (points == xs.length) {
            xs = Arrays.copyOf(xs, points * 2);
            ys = Arrays.copyOf(ys, points * 2);
        }
        xs[points] = x;
        ys[points] = y;
        points++;
    }

    /**
     * Douglas–Peucker with a tolerance of one tile unit, as ST_Simplify(geom, one unit) did in the
     * query: a point stays when it is more than a unit from the segment between the points kept on
     * either side; the first and last stay (a ring's first and closing point). Iterative, so a
     * line of any length cannot exhaust the stack.
     */
    private void simplify() {
        if (points < 3) return;
        if (keep.length < points) keep = new boolean[Math.max(points, keep.length * 2)];
        Arrays.fill(keep, 0, points, false);
        keep[0] = true;
        keep[points - 1] = true;
        int top = 0;
        stack = push(stack, top, 0, points - 1);
        top += 2;
        while (top > 0) {
            top -= 2;
            int from = stack[top];
            int to = stack[top + 1];
            if (to - from < 2) continue;
            double farthest = 1.0;  // squared tolerance: one unit
            int at = -1;
            for (int i = from + 1; i < to; i++) {
                double d = segmentDistanceSquared(xs[i], ys[i], xs[from], ys[from], xs[to], ys[to]);
                if (d > farthest) {
                    farthest = d;
                    at = i;
                }
            }
            if (at < 0) continue;
            keep[at] = true;
            stack = push(stack, top, from, at);
            top += 2;
            stack = push(stack, top, at, to);
            top += 2;
        }
        int kept = 0;
        for (int i = 0; i < points; i++) {
            if (!keep[i]) continue;
            xs[kept] = xs[i];
            ys[kept] = ys[i];
            kept++;
        }
        points = kept;
    }

    private static int[] push(int[] stack, int top, int from, int to) {
        int[] s = top + 2 > stack.length ? Arrays.copyOf(stack, stack.length * 2) : stack;
        s[top] = from;
        s[top + 1] = to;
        return s;
    }

    private static double segmentDistanceSquared(int px, int py, int ax, int ay, int bx, int by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
        double ex = ax + t * dx - px;
        double ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }

    /** Twice the ring's area by the surveyor's formula, in tile coordinates (y down). */
    private long doubleArea() {
        long sum = 0;
        for (int i = 0, j = points - 1; i < points; j = i++) sum += (long) xs[j] * ys[i] - (long) xs[i] * ys[j];
        return sum;
    }

    // ------------------------------------------------------------------ writing commands

    private void emitPoints() {
        ensure(1 + 2 * points);
        commands[count++] = command(MOVE_TO, points);
        for (int i = 0; i < points; i++) moveCursor(xs[i], ys[i]);
    }

    private void emitPath(boolean ring, boolean reversed) {
        ensure(4 + 2 * points);
        int first = reversed ? points - 1 : 0;
        commands[count++] = command(MOVE_TO, 1);
        moveCursor(xs[first], ys[first]);
        commands[count++] = command(LINE_TO, points - 1);
        for (int k = 1; k < points; k++) {
            int i = reversed ? points - 1 - k : k;
            moveCursor(xs[i], ys[i]);
        }
        if (ring) commands[count++] = command(CLOSE_PATH, 1);
    }

    private void moveCursor(int x, int y) {
        commands[count++] = (int) ProtoWriter.zigzag(x - cursorX);
        commands[count++] = (int) ProtoWriter.zigzag(y - cursorY);
        cursorX = x;
        cursorY = y;
    }

    private static int command(int id, int repeat) {
        return (repeat << 3) | id;
    }

    private void ensure(int more) {
        if (count + more > commands.length) commands = Arrays.copyOf(commands, Math.max(commands.length * 2, count + more));
    }
}
