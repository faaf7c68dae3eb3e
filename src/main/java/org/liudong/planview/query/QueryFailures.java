package org.liudong.planview.query;

import java.sql.SQLException;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a caller is told when a query built from their request fails. */
public final class QueryFailures {
    private static final Logger log = LoggerFactory.getLogger(QueryFailures.class);

    private QueryFailures() {
    }

    /**
     * A failed query. Values reach PostgreSQL only as bound parameters, so a caller can make it
     * fail only through a value it cannot convert (class 22: data exception, e.g. a forged cursor
     * or an out-of-range geometry) — that is their mistake, a 400. A timeout is a 503; the rest is ours.
     */
    public static RuntimeException problem(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22") || state.equals("XX000") && String.valueOf(e.getMessage()).contains("transform")) {
            return Problem.badRequest("a value in the request cannot be used for " + what + ": "
                    + firstLine(e.getMessage()));
        }
        if (QueryLimit.cancelled(e)) {
            return new Problem(503, "Service Unavailable", "the query for " + what + " took too long; narrow it with bbox or filter");
        }
        log.error("query for {} failed (SQLState {})", what, state, e);
        return new IllegalStateException("query for " + what + " failed", e);
    }

    private static String firstLine(String m) {
        if (m == null) return "invalid value";
        String line = m.lines().findFirst().orElse(m).replaceFirst("^ERROR: ", "");
        return Text.shorten(line);
    }
}
