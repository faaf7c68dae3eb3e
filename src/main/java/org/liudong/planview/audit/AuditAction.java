package org.liudong.planview.audit;

import java.util.Locale;
import java.util.Optional;

/** What the audit trail records. A new audited action is a new constant here. */
public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGOUT,
    /** a new collection from an upload */
    IMPORT,
    /** a collection's data replaced by an upload */
    REPLACE,
    /** a collection's data set back to an earlier version */
    ROLLBACK,
    EXPORT,
    /** a read of a collection's data; public ones only when PLANVIEW_AUDIT_PUBLIC_READS asks */
    READ,
    USER_CREATE, USER_ROLE, USER_PASSWORD, USER_ACTIVE,
    /** a collection made public or internal */
    COLLECTION_ACCESS,
    TOKEN_ISSUE, TOKEN_REVOKE,
    /** a red-line (选址) report */
    REPORT,
    /** a layer flagged as a constraint (or no longer) */
    CONSTRAINT,
    /** a print layout or parcel sheet made */
    PRINT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditAction> parse(String text) {
        for (AuditAction a : values()) if (a.code().equals(text)) return Optional.of(a);
        return Optional.empty();
    }
}
