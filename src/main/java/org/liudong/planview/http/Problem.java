package org.liudong.planview.http;

/**
 * An RFC 9457 problem: thrown anywhere a request cannot be served, answered as
 * application/problem+json by {@link ErrorHandling}.
 */
public class Problem extends RuntimeException {
    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
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
}
