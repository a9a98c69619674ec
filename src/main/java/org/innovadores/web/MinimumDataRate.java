package org.innovadores.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A request body must keep arriving at a minimum rate. Reading a body holds a worker thread, so a
 * few hundred clients each sending a byte every few seconds would hold them all and the tool would
 * stop answering anyone. After a grace period, a body slower than {@link #MIN_BYTES_PER_SECOND}
 * ends its request (a client that sends nothing at all meets the listener's read timeout instead).
 * Real uploads, even over a poor mobile link, are hundreds of times faster.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MinimumDataRate extends HttpFilter {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(MinimumDataRate.class.getName());

    static final long GRACE_NANOS = 10_000_000_000L;
    static final long MIN_BYTES_PER_SECOND = 512;

    /** A body that arrived too slowly: the request is over, nothing of it is kept. */
    public static class TooSlow extends IOException {
        public TooSlow(String message) {
            super(message);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                private ServletInputStream wrapped;

                @Override
                public ServletInputStream getInputStream() throws IOException {
                    if (wrapped == null) wrapped = new Timed(super.getInputStream());
                    return wrapped;
                }
            }, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!tooSlow(failure)) throw failure;
            // Ended on purpose, by the rate above or the listener's read timeout: one line, no stack.
            LOG.info(() -> "Request body too slow, request ended: " + request.getMethod() + " " + request.getRequestURI());
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
                response.setHeader("Connection", "close");
            }
        }
    }

    /** The failure is a body that came too slowly, or not at all before the listener's read timeout. */
    public static boolean tooSlow(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooSlow || t instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    static final class Timed extends ServletInputStream {
        private final ServletInputStream in;
        private final long started = System.nanoTime();
        private long read;

        Timed(ServletInputStream in) {
            this.in = in;
        }

        private void check(int n) throws TooSlow {
            if (n > 0) read += n;
            long elapsed = System.nanoTime() - started;
            if (elapsed > GRACE_NANOS && read * 1_000_000_000L / elapsed < MIN_BYTES_PER_SECOND) {
                throw new TooSlow("request body slower than " + MIN_BYTES_PER_SECOND + " bytes/s (" + read + " bytes in "
                        + elapsed / 1_000_000_000L + " s)");
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            check(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            check(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
