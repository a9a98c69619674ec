package org.innovadores.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready: the database answers and the data directory can be written; /health/live. */
@ApplicationScoped
public class ReadinessChecks {

    @Resource(lookup = "java:app/jdbc/innovadores")
    DataSource dataSource;

    @Inject
    DataDirectory dataDirectory;

    @jakarta.enterprise.inject.Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(2);
                return HealthCheckResponse.named("database")
                        .status(valid)
                        .withData("product", connection.getMetaData().getDatabaseProductName())
                        .build();
            } catch (SQLException e) {
                // The message names the failure, never the credentials.
                return HealthCheckResponse.named("database").down()
                        .withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @jakarta.enterprise.inject.Produces
    @Readiness
    HealthCheck storage() {
        return () -> HealthCheckResponse.named("storage").status(dataDirectory.writable()).build();
    }

    @jakarta.enterprise.inject.Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("alive");
    }
}
