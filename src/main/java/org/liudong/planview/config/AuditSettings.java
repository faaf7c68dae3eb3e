package org.liudong.planview.config;

/**
 * What the audit trail records beyond the actions it always records (sign-ins, imports, exports,
 * changes of users, permissions and versions).
 *
 * @param logPublicReads also record each read of a public collection (items, features, tiles):
 *                       off by default, as it would record every tile of every map view
 */
public record AuditSettings(boolean logPublicReads) {
    static AuditSettings from(SettingSource s) {
        return new AuditSettings(s.bool("PLANVIEW_AUDIT_PUBLIC_READS", false));
    }
}
