package org.liudong.planview.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, given when it is registered ({@code app.post(path, handler, Access.EDITOR)}).
 * A GET without one is {@link #READ}; any other method without one is refused to everyone, so that
 * a new write route is closed until it says who may use it.
 */
public enum Access implements RouteRole {
    /** anyone, signed in or not, even when anonymous reading is off (health, sign-in) */
    OPEN,
    /** readers: anyone when anonymous reading is on, else a signed-in account */
    READ,
    /** any signed-in account, on its own behalf (its password, its API tokens) */
    SELF,
    EDITOR,
    ADMIN
}
