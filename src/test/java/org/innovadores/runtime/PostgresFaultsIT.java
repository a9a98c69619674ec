package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.AutosaveStorm;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.Reliability;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.Test;

/**
 * Faults on PostgreSQL, each against a database server of its own that the test can stop: the tool
 * killed with SIGKILL during an autosave storm keeps every acknowledged save; the database stopped
 * and started again under load, the tool serves again within seconds, without a restart.
 */
class PostgresFaultsIT {

    @Test
    void killedDuringAnAutosaveStormThenTheDatabaseRestartsUnderLoad() throws Exception {
        Path dataDirectory = Path.of(System.getProperty("it.work.dir", "target/it"), "pg-faults");
        deleteRecursively(dataDirectory);
        int pgPort = FreePort.any();
        EmbeddedPostgres postgres = startPostgres(dataDirectory, pgPort);
        int port = FreePort.any();
        Map<String, String> onItsOwnDatabase = Map.of("db.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "data.dir", System.getProperty("it.work.dir", "target/it") + "/data-pg-faults");
        Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
        try {
            AutosaveStorm storm;
            PayaraProcess first = PayaraProcess.startReady(port, onItsOwnDatabase);
            try {
                storm = new AutosaveStorm(first.baseUrl(), moodle, 5);
                storm.start(first.baseUrl(), Duration.ofMillis(50));
                Thread.sleep(4000); // the crash comes in the middle of the storm
                first.kill();
                storm.stop();
            } finally {
                first.close();
            }
            assertThat(storm.acknowledgedSaves()).isGreaterThan(50);

            try (PayaraProcess second = PayaraProcess.startReady(port, onItsOwnDatabase)) {
                String base = second.baseUrl();
                int lost = storm.lostAfterRestart(base, moodle);
                Reliability.record("postgres-crash", String.format("PostgreSQL, kill -9 during an autosave storm: %d saves acknowledged, "
                        + "%d members' last acknowledged save missing after the restart%n", storm.acknowledgedSaves(), lost));
                assertThat(lost).as("acknowledged saves lost").isZero();

                // Under load, the database goes away for a few seconds and comes back.
                String token = LtiClient.launchAt(base, moodle, claims -> { });
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicInteger failed = new AtomicInteger();
                AtomicLong lastFailure = new AtomicLong();
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    load.add(Thread.ofPlatform().daemon().start(() -> {
                        while (loading.get()) {
                            int status = ToolHttp.status(base + "/course/profile?s=" + token);
                            if (status != 200) {
                                failed.incrementAndGet();
                                lastFailure.set(System.nanoTime());
                            }
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }));
                }
                Thread.sleep(1000);
                postgres.close();
                Thread.sleep(3000);
                postgres = startPostgres(dataDirectory, pgPort);
                long back = System.nanoTime();
                long readyAfter = -1;
                while (System.nanoTime() - back < Duration.ofSeconds(90).toNanos()) {
                    if (ToolHttp.status(base + "/health/ready") == 200 && ToolHttp.status(base + "/lti/jwks") == 200
                            && ToolHttp.status(base + "/course/profile?s=" + token) == 200) {
                        readyAfter = System.nanoTime() - back;
                        break;
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(2000);
                loading.set(false);
                for (Thread thread : load) thread.join();
                long lastFailureAfterReturn = lastFailure.get() - back;
                String report = String.format("PostgreSQL stopped for 3 s under load (4 clients): %d failed requests; pages, login keys "
                        + "and readiness answered again %.1f s after the database was back; the last failure came %.1f s after it%n",
                        failed.get(), readyAfter / 1e9, Math.max(0, lastFailureAfterReturn) / 1e9);
                System.out.print(report);
                Reliability.record("postgres-restart", report);
                assertThat(readyAfter).as("serving again within 90 s of the database's return").isPositive();
                assertThat(ToolHttp.status(base + "/course/profile?s=" + token)).isEqualTo(200);
                assertThat(ToolHttp.status(base + "/lti/jwks")).isEqualTo(200);
                assertThat(lastFailureAfterReturn).as("no failure in the 2 s after it was serving again")
                        .isLessThan(readyAfter + Duration.ofMillis(500).toNanos());
            }
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }


    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
