package org.liudong.planview.bench;

import java.util.function.IntConsumer;

/** A one-line percentage display on stderr, redrawn only when the percentage changes. */
final class ConsoleProgress implements IntConsumer {
    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    private int last = -1;

    ConsoleProgress(String what, int total) {
        this.what = what;
        this.total = total;
    }

    @Override
    public void accept(int percent) {
        if (percent == last) return;
        last = percent;
        double s = (System.nanoTime() - started) / 1e9;
        System.err.printf("\r%s: %,d … %3d%%  %6.1f s", what, total, percent, s);
        System.err.flush();
    }

    void done() {
        System.err.println();
    }
}
