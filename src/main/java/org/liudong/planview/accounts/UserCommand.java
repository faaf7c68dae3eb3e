package org.liudong.planview.accounts;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Account;
import org.liudong.planview.auth.Accounts;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.auth.Role;
import org.liudong.planview.auth.Secrets;
import org.liudong.planview.config.ConfigException;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.Database;
import org.liudong.planview.http.Problem;

/**
 * {@code ./planview user …}: accounts from the command line, for the first admin and for a
 * forgotten password. It works on the server's database directly (the same settings), so it
 * lives in the server jar beside the stores it uses, rather than in the benchmark's project.
 * Every change is in the audit trail as done by {@code cli:<operating-system user>}.
 */
public final class UserCommand {
    private static final String USAGE = """
            usage: ./planview user COMMAND
              add NAME ROLE [--generate]   a new account; ROLE is viewer, editor or admin
              reset NAME [--generate]      a new password (ends the account's sessions)
              role NAME ROLE               change the role
              disable NAME | enable NAME   stop or allow signing in (disabling ends sessions and API tokens)
              list                         the accounts
            The password is asked for twice (or read as one line from standard input);
            --generate makes one and prints it once.""";

    private final Accounts accounts;
    private final AuditLog audit;
    private final PrintStream out;
    private final Caller operator;

    UserCommand(Accounts accounts, AuditLog audit, PrintStream out) {
        this.accounts = accounts;
        this.audit = audit;
        this.out = out;
        this.operator = new Caller("cli:" + System.getProperty("user.name", "unknown"), Role.ADMIN, null, Caller.Credential.NONE,
                "local", null);
    }

    public static void main(String[] args) {
        if (args.length == 0 || !java.util.Set.of("add", "reset", "role", "disable", "enable", "list").contains(args[0])) fail(USAGE);
        Settings settings;
        try {
            settings = Settings.fromEnvironment();
        } catch (ConfigException e) {
            fail("planview: " + e.getMessage());
            return;
        }
        try (HikariDataSource pool = Database.pool(settings.database(), 2)) {
            Database.migrate(pool);
            new UserCommand(new Accounts(pool), new AuditLog(pool, false), System.out).run(args);
        } catch (Problem e) {
            fail("planview user: " + e.detail());
        }
    }

    void run(String[] args) {
        String command = args[0];
        boolean generate = Arrays.asList(args).contains("--generate");
        String[] a = Arrays.stream(args).filter(s -> !s.equals("--generate")).toArray(String[]::new);
        switch (command) {
            case "add" -> {
                need(a, 3);
                Role role = UserRoutes.role(a[2]);
                Accounts.checkName(a[1]);
                Account created = accounts.create(a[1], role, password(generate));
                audit.record(AuditEvent.by(operator, AuditAction.USER_CREATE).with("account", created.name()).with("role", role.code()));
                out.println("account " + created.name() + " (" + role.code() + ") created");
            }
            case "reset" -> {
                need(a, 2);
                exists(a[1]);
                accounts.setPassword(a[1], password(generate));
                audit.record(AuditEvent.by(operator, AuditAction.USER_PASSWORD).with("account", a[1]));
                out.println("password of " + a[1] + " changed; its sessions are ended");
            }
            case "role" -> {
                need(a, 3);
                Role role = UserRoutes.role(a[2]);
                accounts.setRole(a[1], role);
                audit.record(AuditEvent.by(operator, AuditAction.USER_ROLE).with("account", a[1]).with("role", role.code()));
                out.println(a[1] + " is now " + role.code());
            }
            case "disable", "enable" -> {
                need(a, 2);
                boolean active = command.equals("enable");
                accounts.setActive(a[1], active);
                audit.record(AuditEvent.by(operator, AuditAction.USER_ACTIVE).with("account", a[1]).with("active", active));
                out.println(a[1] + (active ? " may sign in" : " is disabled"));
            }
            case "list" -> {
                for (Account acc : accounts.list()) {
                    out.printf("%-24s %-7s %s%n", acc.name(), acc.role().code(), acc.active() ? "active" : "disabled");
                }
            }
            default -> fail(USAGE);
        }
    }

    private void exists(String name) {
        if (accounts.find(name).isEmpty()) throw Problem.notFound("no account named '" + name + "'");
    }

    private String password(boolean generate) {
        if (generate) {
            String p = Secrets.newToken().substring(0, 20);
            out.println("password (shown once): " + p);
            return p;
        }
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("password: ");
            char[] second = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, second)) throw Problem.badRequest("the two passwords differ");
            String p = new String(first);
            Accounts.checkPassword(p);
            return p;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            Accounts.checkPassword(line);
            return line;
        } catch (IOException e) {
            throw Problem.badRequest("cannot read the password from standard input");
        }
    }

    private static void need(String[] args, int n) {
        if (args.length != n) fail(USAGE);
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
