package org.liudong.planview.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/** The accounts table: named users, their role and their Argon2id password hash. */
public final class Accounts {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final String COLUMNS = "id, name, role, active, created_at, password_changed_at";
    /** Verified against when the name is unknown, so that a wrong name costs as long as a wrong password. */
    private static final String DUMMY_HASH = PasswordHasher.hash("no-such-account-" + Secrets.newToken());

    private final DataSource ds;

    public Accounts(DataSource ds) {
        this.ds = ds;
    }

    public List<Account> list() {
        List<Account> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM account ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(read(rs));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the accounts", e);
        }
        return out;
    }

    public Optional<Account> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        return one("SELECT " + COLUMNS + " FROM account WHERE name = ?", name);
    }

    public Optional<Account> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM account WHERE id = ?", id);
    }

    /** The active account with this name and password, or empty; costs one Argon2 verification either way. */
    public Optional<Account> verify(String name, String password) {
        String stored = null;
        Account account = null;
        if (name != null && NAME.matcher(name).matches()) {
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", password_hash FROM account WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        account = read(rs);
                        stored = rs.getString("password_hash");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the accounts", e);
            }
        }
        boolean ok = PasswordHasher.verify(password == null ? "" : password, stored == null ? DUMMY_HASH : stored);
        return ok && account != null && account.active() ? Optional.of(account) : Optional.empty();
    }

    /** An active account with its stored hash, to tell whether a cached verification still holds. */
    record Stored(Account account, String passwordHash) {
    }

    Optional<Stored> stored(long accountId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", password_hash FROM account WHERE id = ? AND active")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(read(rs), rs.getString("password_hash"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the accounts", e);
        }
    }

    public Account create(String name, Role role, String password) {
        checkName(name);
        checkPassword(password);
        if (find(name).isPresent()) throw new Problem(409, "Conflict", "an account named '" + name + "' exists already");
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO account (name, role, password_hash) VALUES (?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setString(1, name);
            ps.setString(2, role.code());
            ps.setString(3, PasswordHasher.hash(password));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) throw new Problem(409, "Conflict", "an account named '" + name + "' exists already");
            throw new IllegalStateException("cannot create the account", e);
        }
    }

    public Account setRole(String name, Role role) {
        return update(name, "UPDATE account SET role = ? WHERE name = ? RETURNING " + COLUMNS, role.code());
    }

    /** A new password ends the account's sessions: whoever knew the old one is signed out. */
    public Account setPassword(String name, String password) {
        checkPassword(password);
        Account a = update(name, "UPDATE account SET password_hash = ?, password_changed_at = now() WHERE name = ? RETURNING " + COLUMNS,
                PasswordHasher.hash(password));
        endSessions(a.id());
        return a;
    }

    /** A disabled account cannot sign in, and its sessions and API tokens stop working at once. */
    public Account setActive(String name, boolean active) {
        Account a = update(name, "UPDATE account SET active = ? WHERE name = ? RETURNING " + COLUMNS, active);
        if (!active) endSessions(a.id());
        return a;
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Problem.badRequest("name: 2 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    public static void checkPassword(String password) {
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) throw Problem.badRequest("password: " + weakness);
    }

    private void endSessions(long accountId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM account_session WHERE account_id = ?")) {
            ps.setLong(1, accountId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the account's sessions", e);
        }
    }

    private Account update(String name, String sql, Object value) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw Problem.notFound("no account named '" + shorten(name) + "'");
                return read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the account", e);
        }
    }

    private Optional<Account> one(String sql, Object key) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the accounts", e);
        }
    }

    private static Account read(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("active"),
                Text.beijingTime(rs.getObject("created_at", OffsetDateTime.class)),
                Text.beijingTime(rs.getObject("password_changed_at", OffsetDateTime.class)));
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
