package org.liudong.planview.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which failures mean "the database is not there" (503), wherever they are wrapped, and which do not. */
class ConnectionFailuresTest {
    @Test
    void connectionStatesAndServerShutdownAreUnreachable() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300"}) {
            assertEquals(Optional.of(ConnectionFailures.Reason.UNREACHABLE), ConnectionFailures.of(new SQLException("x", state)), state);
        }
        PSQLException io = new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE);
        assertTrue(ConnectionFailures.unreachable(new IllegalStateException("query failed", new RuntimeException(io))));
    }

    @Test
    void thePoolsTimeoutIsUnreachableWithAFailedAttemptAndBusyWithout() {
        SQLException refused = new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        SQLTransientConnectionException afterFailure = new SQLTransientConnectionException("timed out", "08001", refused);
        assertEquals(Optional.of(ConnectionFailures.Reason.UNREACHABLE), ConnectionFailures.of(afterFailure));
        SQLTransientConnectionException allBusy = new SQLTransientConnectionException("timed out");
        assertEquals(Optional.of(ConnectionFailures.Reason.BUSY), ConnectionFailures.of(new IllegalStateException(allBusy)));
    }

    @Test
    void statementFailuresAreNot() {
        assertEquals(Optional.empty(), ConnectionFailures.of(new SQLException("syntax", "42601")));
        assertEquals(Optional.empty(), ConnectionFailures.of(new SQLException("cancelled", "57014")));
        assertEquals(Optional.empty(), ConnectionFailures.of(new SQLException("no state")));
        assertEquals(Optional.empty(), ConnectionFailures.of(new IllegalArgumentException("x")));
    }
}
