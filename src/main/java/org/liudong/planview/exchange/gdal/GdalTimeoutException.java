package org.liudong.planview.exchange.gdal;

/** A GDAL tool ran past its time limit and was killed. */
public final class GdalTimeoutException extends GdalException {
    public GdalTimeoutException(String message) {
        super(message);
    }
}
