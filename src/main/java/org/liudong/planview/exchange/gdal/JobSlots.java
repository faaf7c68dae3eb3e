package org.liudong.planview.exchange.gdal;

import java.util.Optional;
import java.util.concurrent.Semaphore;

/** At most N exports at once: the rest are told to come back later instead of queueing threads and disk. */
public final class JobSlots {
    private final Semaphore permits;

    public JobSlots(int max) {
        this.permits = new Semaphore(max);
    }

    public Optional<Slot> tryAcquire() {
        return permits.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
    }

    public final class Slot implements AutoCloseable {
        private boolean released;

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                permits.release();
            }
        }
    }
}
