package org.liudong.planview.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends to the audit trail ({@code audit.event}, V61). An audited action does not happen
 * without its row: writes record in their own transaction (the row commits with the data or not
 * at all), other actions record before they answer, and a failure to record fails the request.
 */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper json = new ObjectMapper();
    static final String INSERT = """
            INSERT INTO audit.event (user_name, user_role, client_address, action, collection_id, parameters, result_size, outcome)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";

    private final DataSource ds;
    private final boolean logPublicReads;

    public AuditLog(DataSource ds, boolean logPublicReads) {
        this.ds = ds;
        this.logPublicReads = logPublicReads;
    }

    public void record(AuditEvent e) {
        try (Connection c = ds.getConnection()) {
            record(c, e);
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot write to the audit trail", ex);
        }
    }

    /** In the caller's transaction: the row commits or rolls back with the action's own writes. */
    public void record(Connection inTransaction, AuditEvent e) throws SQLException {
        try (PreparedStatement ps = inTransaction.prepareStatement(INSERT)) {
            ps.setString(1, e.userName());
            ps.setString(2, e.userRole());
            ps.setString(3, e.address());
            ps.setString(4, e.action().code());
            ps.setString(5, e.collectionId());
            ps.setString(6, json.writeValueAsString(e.parameters()));
            if (e.resultSize() == null) ps.setNull(7, java.sql.Types.BIGINT);
            else ps.setLong(7, e.resultSize());
            ps.setString(8, e.outcome().name().toLowerCase(Locale.ROOT));
            ps.executeUpdate();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the audit parameters", ex);
        }
    }

    /** Reads of internal collections are always recorded; reads of public ones when the setting asks. */
    public boolean recordsReads(boolean internal) {
        return internal || logPublicReads;
    }

    /** Warns at start when the trail is not owned by a role of its own (see V61__audit_trail.sql). */
    public void checkSealed() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tableowner = current_user FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'event'");
             var rs = ps.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) {
                log.warn("the audit trail audit.event belongs to this server's own database role: it cannot update or delete rows "
                        + "(privileges revoked, and a trigger), but as the owner it could grant itself the right again. Have the "
                        + "database superuser run src/main/resources/db/superuser/seal-audit-trail.sql in this database "
                        + "(./planview does when it provisions the database).");
            }
        } catch (SQLException e) {
            log.warn("cannot check who owns the audit trail: {}", e.getMessage());
        }
    }
}
