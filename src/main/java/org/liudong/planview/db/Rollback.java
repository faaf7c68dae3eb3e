package org.liudong.planview.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rolling back without losing the reason. When a statement failed because the connection broke,
 * the rollback that follows fails too ("connection is closed"); thrown from a catch or finally
 * block it would replace the first failure, and a lost database would look like our bug (500).
 */
public final class Rollback {
    private Rollback() {
    }

    /** Rolls back after {@code failure}; a failure to do so is attached to it, never thrown instead of it. */
    public static void after(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Ends a read-only transaction, whatever happened in it: there is nothing to undo, and a
     * broken connection is the pool's to discard, so a failure here is not worth an answer.
     */
    public static void endRead(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone; what the reads saw (or the exception they threw) stands
        }
    }
}
