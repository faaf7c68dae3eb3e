package org.liudong.planview.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.liudong.planview.auth.Caller;

/**
 * One row of the audit trail. Start from {@link #by} and add what applies.
 *
 * @param userName     who (an account, a configured editor token's fingerprint, the name a failed sign-in gave); null: anonymous
 * @param parameters   what was asked (query parameters, file name, target …), as JSON
 * @param resultSize   features written or read, bytes, rows: what the action's size is, or null
 */
public record AuditEvent(String userName, String userRole, String address, AuditAction action, String collectionId,
                         Map<String, Object> parameters, Long resultSize, Outcome outcome) {

    public enum Outcome { SUCCESS, FAILURE, REFUSED }

    public AuditEvent {
        parameters = Map.copyOf(parameters);
    }

    public static AuditEvent by(Caller caller, AuditAction action) {
        return new AuditEvent(caller.name(), caller.role() == null ? null : caller.role().code(), caller.address(), action, null,
                Map.of(), null, Outcome.SUCCESS);
    }

    public AuditEvent user(String name) {
        return new AuditEvent(name, userRole, address, action, collectionId, parameters, resultSize, outcome);
    }

    public AuditEvent collection(String id) {
        return new AuditEvent(userName, userRole, address, action, id, parameters, resultSize, outcome);
    }

    public AuditEvent with(String key, Object value) {
        if (value == null) return this;
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put(key, value);
        return new AuditEvent(userName, userRole, address, action, collectionId, p, resultSize, outcome);
    }

    public AuditEvent withAll(Map<String, ?> values) {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        values.forEach((k, v) -> { if (v != null) p.put(k, v); });
        return new AuditEvent(userName, userRole, address, action, collectionId, p, resultSize, outcome);
    }

    public AuditEvent size(long n) {
        return new AuditEvent(userName, userRole, address, action, collectionId, parameters, n, outcome);
    }

    public AuditEvent outcome(Outcome o) {
        return new AuditEvent(userName, userRole, address, action, collectionId, parameters, resultSize, o);
    }
}
