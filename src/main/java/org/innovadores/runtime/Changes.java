package org.innovadores.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance at once that something it keeps in memory changed (a platform registered,
 * disabled or removed), so no instance goes on acting on what another has just changed. On
 * PostgreSQL this is {@code NOTIFY}: sent with the transaction that made the change and delivered
 * when it commits, to every instance that LISTENs (this one included), over one connection each
 * instance keeps for it. When that connection is lost (the database restarted), the instance
 * forgets everything announceable on reconnecting, since it may have missed news meanwhile. On the
 * embedded H2 there is one instance, and the news goes straight to it. Observers of {@link Changed}
 * must be quick and thread-safe: they run on the listening thread.
 */
@ApplicationScoped
public class Changes {

    private static final Logger LOG = Logger.getLogger(Changes.class.getName());
    static final String CHANNEL = "innovadores_changes";

    /** What changed ("platforms"), or {@link #EVERYTHING} after news may have been missed. */
    public record Changed(String topic) {
        public boolean concerns(String what) {
            return topic.equals(what) || topic.equals(EVERYTHING);
        }
    }

    public static final String EVERYTHING = "*";

    @Resource(lookup = "java:app/jdbc/innovadores")
    DataSource dataSource;

    @Inject
    Event<Changed> events;

    @Inject
    Sql db;

    private volatile boolean postgres;
    private volatile boolean stopped;
    private volatile Thread listener;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            // The database is away at start: assume PostgreSQL (H2 is a file, always there) and let the listener retry.
            postgres = true;
        }
        if (postgres) listener = Thread.ofPlatform().daemon().name("changes-listener").start(this::listen);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Thread t = listener;
        if (t != null) t.interrupt();
    }

    /** Announces a change; call it inside the transaction that makes it, so the news leaves when it commits. */
    public void announce(String topic) {
        if (postgres) {
            db.query("SELECT pg_notify(?, ?)", row -> { }, CHANNEL, topic);
        } else {
            events.fire(new Changed(topic));
        }
    }

    private void listen() {
        long pause = 1000;
        while (!stopped) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                events.fire(new Changed(EVERYTHING)); // what happened while nobody listened
                pause = 1000;
                while (!stopped) {
                    PGNotification[] news = pg.getNotifications(5000);
                    if (news != null) {
                        for (PGNotification n : news) events.fire(new Changed(n.getParameter()));
                    } else if (!connection.isValid(2)) {
                        break;
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (stopped) return;
                LOG.warning(() -> "Listening for other instances' changes stopped (" + lost.getMessage() + "); trying again");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(30_000, pause * 2);
        }
    }
}
