package org.innovadores.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM, started before any test (see {@link TestSession}) on the
 * loopback port the integration tests hand to Payara Micro.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPort(Integer.getInteger("it.postgres.port", 15432))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    /** A fresh, empty database on the shared server, for tests that must start from nothing. */
    public static DataSource freshDatabase(String name) {
        EmbeddedPostgres pg = postgres();
        try (var connection = pg.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getDatabase("postgres", name);
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres().getPort() + "/postgres";
    }

    static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // The JVM is ending; its temporary folder goes with it.
            }
            postgres = null;
        }
    }
}
