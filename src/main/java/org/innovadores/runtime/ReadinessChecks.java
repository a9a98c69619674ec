package org.innovadores.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @Inject
    Drain drain;

    /** DOWN from the moment SIGTERM arrives, so balancers stop sending while requests in flight finish. */
    @jakarta.enterprise.inject.Produces
    @Readiness
    HealthCheck accepting() {
        return () -> HealthCheckResponse.named("accepting").status(!drain.stopping()).withData("in_flight", drain.inFlight()).build();
    }

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

    /** Below this much free space where data and media are kept, the instance says it is not ready. */
    @Inject
    @ConfigProperty(name = "storage.min-free-bytes", defaultValue = "104857600")
    long minFreeBytes;

    @Inject
    @ConfigProperty(name = "media.dir")
    Optional<String> mediaDir;

    @jakarta.enterprise.inject.Produces
    @Readiness
    HealthCheck storage() {
        return () -> {
            long free = Math.min(usable(dataDirectory.root()),
                    usable(mediaDir.filter(d -> !d.isBlank()).map(Path::of).orElse(dataDirectory.root())));
            return HealthCheckResponse.named("storage").status(dataDirectory.writable() && free >= minFreeBytes)
                    .withData("freeBytes", free).withData("minFreeBytes", minFreeBytes).build();
        };
    }

    private static long usable(Path folder) {
        try {
            return Files.getFileStore(Files.exists(folder) ? folder : folder.toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @jakarta.enterprise.inject.Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("alive");
    }
}
