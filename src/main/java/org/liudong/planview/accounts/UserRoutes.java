package org.liudong.planview.accounts;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Account;
import org.liudong.planview.auth.Accounts;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.auth.Role;
import org.liudong.planview.http.JsonBody;
import org.liudong.planview.http.Problem;

/**
 * Admins manage accounts: {@code GET /admin/users}, {@code POST /admin/users} (name, role,
 * password), and per account {@code PUT …/role}, {@code PUT …/password}, {@code PUT …/active}.
 * Each change is in the audit trail. The last active admin cannot be demoted or disabled.
 */
public final class UserRoutes {
    private final Accounts accounts;
    private final AuditLog audit;

    public UserRoutes(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public void register(Javalin app) {
        app.get("/admin/users", ctx -> ctx.json(Map.of("users", accounts.list())), Access.ADMIN);
        app.post("/admin/users", this::create, Access.ADMIN);
        app.put("/admin/users/{name}/role", this::role, Access.ADMIN);
        app.put("/admin/users/{name}/password", this::password, Access.ADMIN);
        app.put("/admin/users/{name}/active", this::active, Access.ADMIN);
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        Role role = role(body.required("role"));
        Account a = accounts.create(body.required("name").strip(), role, body.required("password"));
        audit.record(AuditEvent.by(Caller.of(ctx), AuditAction.USER_CREATE).with("account", a.name()).with("role", role.code()));
        ctx.status(201).json(a);
    }

    private void role(Context ctx) {
        String name = existing(ctx);
        Role role = role(JsonBody.of(ctx).required("role"));
        if (role != Role.ADMIN) keepAnAdmin(name);
        Account a = accounts.setRole(name, role);
        audit.record(AuditEvent.by(Caller.of(ctx), AuditAction.USER_ROLE).with("account", name).with("role", role.code()));
        ctx.json(a);
    }

    private void password(Context ctx) {
        String name = existing(ctx);
        Account a = accounts.setPassword(name, JsonBody.of(ctx).required("password"));
        audit.record(AuditEvent.by(Caller.of(ctx), AuditAction.USER_PASSWORD).with("account", name));
        ctx.json(a);
    }

    private void active(Context ctx) {
        String name = existing(ctx);
        boolean active = JsonBody.of(ctx).bool("active");
        if (!active) keepAnAdmin(name);
        Account a = accounts.setActive(name, active);
        audit.record(AuditEvent.by(Caller.of(ctx), AuditAction.USER_ACTIVE).with("account", name).with("active", active));
        ctx.json(a);
    }

    private String existing(Context ctx) {
        String name = ctx.pathParam("name");
        accounts.find(name).orElseThrow(() -> Problem.notFound("no account named '" + name.replaceAll("[^\\w.@-]", "?") + "'"));
        return name;
    }

    /** Someone must remain who can manage accounts from the web map. */
    private void keepAnAdmin(String name) {
        long otherAdmins = accounts.list().stream().filter(a -> a.active() && a.role() == Role.ADMIN && !a.name().equals(name)).count();
        boolean isAdmin = accounts.find(name).map(a -> a.active() && a.role() == Role.ADMIN).orElse(false);
        if (isAdmin && otherAdmins == 0) {
            throw new Problem(409, "Conflict", "'" + name + "' is the last active admin; make another account admin first");
        }
    }

    static Role role(String text) {
        return Role.parse(text).orElseThrow(() -> Problem.badRequest("role: one of viewer, editor, admin"));
    }
}
