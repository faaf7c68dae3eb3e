package org.liudong.planview.exchange.gdal;

/** A GDAL tool failed; the message carries the tool's own last words (never credentials: those are in its environment). */
public class GdalException extends RuntimeException {
    public GdalException(String message) {
        super(message);
    }
}
