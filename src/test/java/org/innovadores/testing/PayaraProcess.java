package org.innovadores.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged tool in a Payara Micro of its own, started the way deploy/run starts it, for the
 * tests and benchmarks that need more than the one Arquillian instance (a second node, a load).
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts an instance on the test PostgreSQL with these extra system properties. */
    public static PayaraProcess start(int port, Map<String, String> properties) {
        Path work = Path.of(System.getProperty("it.work.dir", "target/it"));
        Path log = work.resolve("payara-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(properties.getOrDefault("jvm.heap", "-Xmx512m"));
        // Extra JVM flags for a measured run, e.g. -Dbenchmark.jvm="-XX:StartFlightRecording=filename=target/tool.jfr".
        String extra = System.getProperty("benchmark.jvm", "");
        if (!extra.isBlank()) command.addAll(List.of(extra.strip().split("\\s+")));
        // As deploy/run starts it: a single-threaded boot, readiness DOWN until the application is deployed, no WADL.
        command.addAll(List.of("-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS", "-Dmp.health.default.readiness.empty.response=DOWN",
                "-Djersey.config.allowSystemPropertiesProvider=true", "-Djersey.config.server.wadl.disableWadl=true"));
        Map<String, String> defaults = Map.of(
                "db.url", TestDatabase.jdbcUrl(),
                "db.user", "postgres",
                "db.password", "trusted-locally",
                "db.datasource-class", "org.postgresql.ds.PGSimpleDataSource",
                "data.dir", work.resolve("data-" + port).toString(),
                "lti.tool.base-url", "http://localhost:" + port,
                "lti.config.dir", work.resolve("lti-config").toString(),
                "admin.token", "it-admin-token-0123456789abcdef",
                // No balancer to wait for in tests: on SIGTERM, finish what is in flight and stop.
                "shutdown.drain-delay", "PT0.2S");
        defaults.forEach((k, v) -> command.add("-D" + k + "=" + properties.getOrDefault(k, v)));
        properties.forEach((k, v) -> { if (!defaults.containsKey(k) && !k.startsWith("jvm.")) command.add("-D" + k + "=" + v); });
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("tool.war", "target/innovadores.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast", "--interfaces", "127.0.0.1", "--disablephonehome",
                "--prebootcommandfile", Path.of(System.getProperty("project.dir", "."), "src", "test", "resources",
                        "pre-boot.asadmin").toString()));
        try {
            Files.createDirectories(work);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PayaraProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts an instance and waits until it is ready. Payara Micro 7 now and then stops part-way
     * through its boot on a loaded two-core machine (the log ends right after the HTTP listener
     * starts and nothing follows); such a start is killed and tried once more rather than failing
     * the run.
     */
    public static PayaraProcess startReady(int port, Map<String, String> properties) {
        awaitPortFree(port);
        PayaraProcess first = start(port, properties);
        try {
            return first.awaitReady(Duration.ofSeconds(120));
        } catch (IllegalStateException stuck) {
            System.err.println("Payara Micro on port " + port + " did not become ready (" + stuck.getMessage() + "); starting it again");
            first.close();
            awaitPortFree(port);
            return start(port, properties).awaitReady(Duration.ofMinutes(3));
        }
    }

    /** Waits (up to a minute) until nothing listens on the port: the previous test's server may still be stopping. */
    static void awaitPortFree(int port) {
        for (int i = 0; i < 120; i++) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                Thread.sleep(500); // still listening; nothing to synchronise on but the port
            } catch (IOException free) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until /health/ready answers 200; fails with the log's path when it never does. */
    public PayaraProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Payara Micro exited; see " + log);
            try {
                HttpResponse<Void> ready = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) return this;
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250); // polling a process we do not control; nothing to synchronise on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout + "; see " + log);
    }

    /** CPU seconds the process has used (user + system), from /proc. */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as an orchestrator stops a pod; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; answers its exit code, or -1 when it is still running. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL: the process ends at once, without shutdown hooks, flushes or goodbyes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

}
