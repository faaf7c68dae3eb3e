package org.liudong.planview.http;

import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Every endpoint the server registered, with the roles it declared: what the tests walk to check access. */
public final class RouteList {
    public record Route(String method, String path, Set<String> roles) {
    }

    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

    public void listenTo(JavalinConfig config) {
        config.events.handlerAdded(this::add);
    }

    private void add(HandlerMetaInfo h) {
        if (!h.getHttpMethod().isHttpMethod() || h.getHttpMethod() == HandlerType.BEFORE) return;
        Set<String> roles = Set.copyOf(h.getRoles().stream().map(Object::toString).toList());
        routes.add(new Route(h.getHttpMethod().name(), h.getPath(), roles));
    }

    public List<Route> all() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }
}
