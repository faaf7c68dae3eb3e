package org.liudong.planview.http;

/**
 * An RFC 9457 problem: thrown anywhere a request cannot be served, answered as
 * application/problem+json by {@link ErrorHandling}.
 */
public class Problem extends RuntimeException {
    private final int status;
    private final String title;
    private final Integer retryAfterSeconds;

    public Problem(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    private Problem(int status, String title, String detail, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 503: the server cannot answer now; the caller may try again after {@code retryAfterSeconds}. */
    public static Problem unavailable(String detail, int retryAfterSeconds) {
        return new Problem(503, "Service Unavailable", detail, retryAfterSeconds);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Seconds for the Retry-After header, or null for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
