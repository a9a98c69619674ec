package org.innovadores.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.innovadores.runtime.Drain;

/** Counts the requests being answered, body streaming included, so a stopping instance can wait for them. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InFlight extends HttpFilter {

    @Inject
    Drain drain;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        drain.enter();
        try {
            chain.doFilter(request, response);
        } finally {
            drain.leave();
        }
    }
}
