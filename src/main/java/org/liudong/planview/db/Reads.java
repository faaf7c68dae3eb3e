package org.liudong.planview.db;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read routes' database, chosen per request, and read-your-writes: a caller who has just
 * written (an import, a rollback …) is handed the primary's WAL position after that write — as a
 * cookie for the web map and a {@value #HEADER} header for scripts — and their reads go to the
 * primary until a replica has replayed past it. Other callers read from replicas at once.
 */
public final class Reads {
    public static final String COOKIE = "planview_lsn";
    public static final String HEADER = "Planview-Lsn";
    private static final Logger log = LoggerFactory.getLogger(Reads.class);
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    /** Long enough for any replica to catch up or be taken out of rotation; a stale cookie only sends reads to the primary. */
    private static final int COOKIE_SECONDS = 600;

    private final ReadRouting routing;
    private final boolean secureCookies;

    public Reads(ReadRouting routing, boolean secureCookies) {
        this.routing = routing;
        this.secureCookies = secureCookies;
    }

    /** Every read to {@code primary}: a server, or a test, without replicas. */
    public static Reads primaryOnly(DataSource primary) {
        return new Reads(ReadRouting.primaryOnly(primary), false);
    }

    /** The database this request's reads go to. */
    public DataSource of(Context ctx) {
        if (!routing.hasReplicas()) return routing.primary();
        return routing.forReading(mustSee(ctx).orElse(null));
    }

    /**
     * The replica this request's reads may go to, itself: for a read that must stay on one
     * database throughout (an export). Empty: read from the primary (no replica in rotation, or
     * none has replayed the caller's own write yet).
     */
    public Optional<Replica> replicaOf(Context ctx) {
        if (!routing.hasReplicas()) return Optional.empty();
        return routing.replicaFor(mustSee(ctx).orElse(null));
    }

    /** The primary: for a read the chosen replica cannot serve yet (a collection it has not replayed). */
    public DataSource primary() {
        return routing.primary();
    }

    /** The write position the caller says they must see: their header, else their cookie. */
    static Optional<Lsn> mustSee(Context ctx) {
        Optional<Lsn> header = Lsn.parse(ctx.header(HEADER));
        return header.isPresent() ? header : Lsn.parse(ctx.cookie(COOKIE));
    }

    /** After every successful write, tell the caller how far the primary's log had come. */
    public void install(Javalin app) {
        if (!routing.hasReplicas()) return;
        app.after(this::afterWrite);
    }

    private void afterWrite(Context ctx) {
        if (!WRITES.contains(ctx.method()) || ctx.statusCode() >= 400 || ctx.res().isCommitted()) return;
        try {
            routing.currentPrimaryPosition().ifPresent(lsn -> {
                ctx.header(HEADER, lsn.toString());
                ctx.cookie(new Cookie(COOKIE, lsn.toString(), "/", COOKIE_SECONDS, secureCookies, 0, true, null, null, SameSite.LAX));
            });
        } catch (SQLException e) {
            // The write itself succeeded; without the position the caller's next reads may lag behind it.
            log.warn("could not read the primary's WAL position after a write: {}", e.getMessage());
        }
    }
}
