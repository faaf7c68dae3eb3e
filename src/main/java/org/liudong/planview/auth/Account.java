package org.liudong.planview.auth;

/**
 * An account as stored (the password hash stays inside this package's stores); times in ISO 8601, UTC+8.
 */
public record Account(long id, String name, Role role, boolean active, String createdAt, String passwordChangedAt) {
}
