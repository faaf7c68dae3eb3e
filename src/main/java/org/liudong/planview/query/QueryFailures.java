package org.liudong.planview.query;

import java.sql.SQLException;
import org.liudong.planview.http.ConnectionFailures;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a caller is told when a query built from their request fails: in our words, never PostgreSQL's. */
public final class QueryFailures {
    private static final Logger log = LoggerFactory.getLogger(QueryFailures.class);
    private static final int TIMEOUT_RETRY_SECONDS = 30;

    private QueryFailures() {
    }

    /**
     * A failed query. A lost or refused connection is a 503 (the request was fine). Values reach
     * PostgreSQL only as bound parameters, so a caller can make it fail only through a value it
     * cannot convert (class 22: data exception, e.g. a forged cursor or an out-of-range geometry)
     * — that is their mistake, a 400. A timeout is a 503; the rest is ours.
     */
    public static RuntimeException problem(SQLException e, String what) {
        var database = ConnectionFailures.of(e);
        if (database.isPresent()) {
            log.warn("query for {}: {}", what, database.get().detail());
            return Problem.unavailable(database.get().detail(), ErrorHandling.DATABASE_RETRY_SECONDS);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22") || state.equals("XX000") && String.valueOf(e.getMessage()).contains("transform")) {
            log.info("query for {} refused a value (SQLState {}): {}", what, state, e.getMessage());
            return Problem.badRequest("a value in the request cannot be used for " + what + ": " + dataProblem(state));
        }
        if (QueryLimit.cancelled(e)) {
            return Problem.unavailable("the query for " + what + " took too long; narrow it with bbox or filter", TIMEOUT_RETRY_SECONDS);
        }
        log.error("query for {} failed (SQLState {})", what, state, e);
        return new IllegalStateException("query for " + what + " failed", e);
    }

    /** SQLState class 22 in the caller's terms. */
    private static String dataProblem(String state) {
        return switch (state) {
            case "22003" -> "a number is out of range";
            case "22P02", "22007", "22008" -> "a value is not of the type it is compared with (e.g. text where a number belongs)";
            case "22023" -> "a coordinate or parameter is outside what it may be";
            case "XX000" -> "the coordinates cannot be transformed into the requested coordinate reference system";
            default -> "a value is out of range or malformed";
        };
    }
}
