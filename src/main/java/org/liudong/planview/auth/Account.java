package org.liudong.planview.auth;

import java.time.OffsetDateTime;

/** An account as stored (the password hash stays inside this package's stores). */
public record Account(long id, String name, Role role, boolean active, OffsetDateTime createdAt, OffsetDateTime passwordChangedAt) {
}
