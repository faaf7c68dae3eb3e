package org.liudong.planview.analysis;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.liudong.planview.http.Problem;
import org.liudong.planview.query.QueryFailures;

/** What a caller is told when an analysis query fails: as for items, and 503 while the database is away. */
final class AnalysisFailures {
    private AnalysisFailures() {
    }

    static RuntimeException problem(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08")) {
            return new Problem(503, "Service Unavailable", "the database is not reachable; try again in a moment");
        }
        return QueryFailures.problem(e, what);
    }
}
