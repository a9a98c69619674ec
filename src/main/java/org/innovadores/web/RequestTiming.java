package org.innovadores.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.innovadores.runtime.Metrics;

/** Times every answered request for the metrics, named by method and path template ("GET /course/teams/{team}"). */
@Provider
public class RequestTiming implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestTiming.class.getName() + ".started";

    @Inject
    Metrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long t)) return;
        metrics.answered(request.getMethod() + " " + template(), System.nanoTime() - t);
    }

    /** Templates by resource method: read from the annotations once, not on every request. */
    private static final java.util.Map<Method, String> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    private String template() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) return "(no endpoint)";
        Class<?> type = resource.getResourceClass();
        return TEMPLATES.computeIfAbsent(method, m -> template(type, m));
    }

    private static String template(Class<?> resourceClass, Method method) {
        Path type = resourceClass.getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String path = "/" + (type == null ? "" : strip(type.value())) + (own == null ? "" : "/" + strip(own.value()));
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
