package org.liudong.planview.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.liudong.planview.config.AuthSettings;

/**
 * Bounds password guessing: past a number of failed sign-ins of one account, or from one client
 * address, within a window, further attempts are refused without checking the password. Counted
 * in the database, so that every server behind a load balancer counts the same attempts.
 */
public final class LoginThrottle {
    private final DataSource ds;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    public LoginThrottle(DataSource ds, AuthSettings settings) {
        this.ds = ds;
        this.perAccount = settings.maxFailuresPerAccount();
        this.perAddress = settings.maxFailuresPerAddress();
        this.window = settings.failureWindow();
    }

    /** Whether another attempt for this account from this address may be checked now. */
    public boolean allows(String accountName, String address) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE account_name = ?), count(*) FILTER (WHERE client_address = ?)
                FROM login_attempt
                WHERE NOT succeeded AND attempted_at > now() - make_interval(secs => ?) AND (account_name = ? OR client_address = ?)""")) {
            ps.setString(1, accountName);
            ps.setString(2, address);
            ps.setDouble(3, window.toSeconds());
            ps.setString(4, accountName);
            ps.setString(5, address);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) < perAccount && rs.getLong(2) < perAddress;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sign-in attempts", e);
        }
    }

    public void record(String accountName, String address, boolean succeeded) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO login_attempt (account_name, client_address, succeeded) VALUES (?, ?, ?)")) {
                ps.setString(1, accountName.length() > 200 ? accountName.substring(0, 200) : accountName);
                ps.setString(2, address);
                ps.setBoolean(3, succeeded);
                ps.executeUpdate();
            }
            if (succeeded) {
                // Attempts older than a day can no longer count; keep the table small.
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_attempt WHERE attempted_at < now() - interval '1 day'")) {
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the sign-in attempt", e);
        }
    }

    /** How long a refused caller should wait before trying again. */
    public Duration window() {
        return window;
    }
}
