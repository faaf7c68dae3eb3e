package org.liudong.planview.exchange.gdal;

import java.sql.SQLNonTransientConnectionException;

/** A GDAL tool failed; the message carries the tool's own last words (never credentials: those are in its environment). */
public class GdalException extends RuntimeException {
    public GdalException(String message) {
        super(message);
    }

    private GdalException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The tool failed because PostgreSQL refused or dropped its connection: not the data's fault
     * nor ours. It carries a connection failure (SQLState 08006) as its cause, which the error
     * handling answers with a 503 like any other lost connection.
     */
    static GdalException lostDatabase(String tool) {
        return new GdalException(tool + " lost its database connection",
                new SQLNonTransientConnectionException(tool + " could not reach the database", "08006"));
    }
}
