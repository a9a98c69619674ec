package org.innovadores.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A graceful stop on SIGTERM (what an orchestrator sends): readiness turns DOWN at once so the
 * balancer stops sending new requests, the instance keeps answering for {@code shutdown.drain-delay}
 * while the balancer notices, then waits for the requests in flight to finish (at most
 * {@code shutdown.drain-timeout}), gives back the background work it holds (observers of
 * {@link Draining}), and only then lets the server stop. The JVM's own SIGTERM handling would stop
 * the server at once, cutting requests mid-way; this handler replaces it and exits when done.
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());

    /** The instance is stopping: give back claimed work. */
    public record Draining() {
    }

    @Inject
    @ConfigProperty(name = "shutdown.drain-delay", defaultValue = "PT5S")
    Duration delay;

    @Inject
    @ConfigProperty(name = "shutdown.drain-timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    Event<Draining> draining;

    // Per process, not per bean instance: the signal handler and the request filter must see the same counts.
    private static final AtomicInteger inFlight = new AtomicInteger();
    private static volatile boolean stopping;

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> Thread.ofPlatform().name("drain").start(this::drainThenExit));
        } catch (RuntimeException | LinkageError unsupported) {
            LOG.warning(() -> "SIGTERM stops the server at once on this JVM (no drain): " + unsupported);
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** Requests being answered now, this instance's readiness check included. */
    public int inFlight() {
        return inFlight.get();
    }

    public void enter() {
        inFlight.incrementAndGet();
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    void drainThenExit() {
        if (stopping) return;
        stopping = true;
        long started = System.nanoTime();
        LOG.info(() -> "SIGTERM: not ready any more; draining " + inFlight.get() + " requests in flight");
        try {
            draining.fire(new Draining());
        } catch (RuntimeException failed) {
            LOG.warning(() -> "Giving back claimed work failed: " + failed);
        }
        sleep(delay.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) sleep(50);
        int left = inFlight.get();
        LOG.info(() -> "Drained in " + (System.nanoTime() - started) / 1_000_000 + " ms" + (left > 0 ? ", " + left + " requests cut" : "")
                + "; stopping");
        System.exit(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
