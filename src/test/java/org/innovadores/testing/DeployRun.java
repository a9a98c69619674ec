package org.innovadores.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** deploy/run started as a newcomer starts it, on a port and DATA_DIR of the test's, with its output in a file. */
public final class DeployRun implements AutoCloseable {

    public final Process process;
    public final Path log;

    private DeployRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static DeployRun start(int port, Path dataDir) throws IOException {
        return start(port, dataDir, Map.of());
    }

    /** With more environment (DEMO, HTTP_ADDRESS, ...) on top of the port, data and platform files. */
    public static DeployRun start(int port, Path dataDir, Map<String, String> environment) throws IOException {
        Path project = Path.of(System.getProperty("project.dir", "."));
        Path log = Files.createTempFile("deploy-run", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", project.resolve("deploy/run").toString())
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("LTI_CONFIG_DIR", Path.of(System.getProperty("it.work.dir", "target/it"), "lti-config").toString());
        builder.environment().remove("DB_URL");
        builder.environment().remove("DEMO");
        builder.environment().remove("HTTP_ADDRESS");
        builder.environment().putAll(environment);
        return new DeployRun(builder.start(), log);
    }

    public void awaitReady(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains("ready at ")) return;
            if (!process.isAlive()) throw new IllegalStateException("deploy/run exited: " + Files.readString(log));
            Thread.sleep(250); // polling a process's output; nothing to synchronise on
        }
        throw new IllegalStateException("deploy/run not ready: see " + log);
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // deploy/run execs Java: this is the server itself
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
