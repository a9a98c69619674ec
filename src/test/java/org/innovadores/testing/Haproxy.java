package org.innovadores.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's HAProxy in front of the tool's instances on loopback, as an operator would put it: round
 * robin, each instance health-checked on /health/ready every second (out after two failures, back
 * after two successes), a request that could not reach an instance sent to another.
 */
public final class Haproxy implements AutoCloseable {

    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Haproxy start(String name, List<Integer> instances) {
        return start(name, FreePort.any(), instances);
    }

    /** On a port chosen beforehand: the instances' public base URL names it. */
    public static Haproxy start(String name, int port, List<Integer> instances) {
        Path work = Path.of(System.getProperty("it.work.dir", "target/it")).toAbsolutePath();
        List<String> lines = new ArrayList<>(List.of(
                "global", "  maxconn 2000",
                "defaults", "  mode http", "  timeout connect 2s", "  timeout client 60s", "  timeout server 60s",
                "  option redispatch", "  retries 3", "  retry-on conn-failure empty-response response-timeout",
                "frontend tool", "  bind 127.0.0.1:" + port, "  default_backend instances",
                "backend instances", "  balance roundrobin", "  option httpchk GET /health/ready",
                "  default-server inter 1s fall 2 rise 2"));
        for (int i = 0; i < instances.size(); i++) lines.add("  server tool" + (i + 1) + " 127.0.0.1:" + instances.get(i) + " check");
        try {
            Path config = work.resolve("haproxy-" + name + ".cfg");
            Files.createDirectories(work);
            Files.writeString(config, String.join("\n", lines) + "\n");
            Process process = new ProcessBuilder("haproxy", "-f", config.toString(), "-db")
                    .redirectErrorStream(true).redirectOutput(work.resolve("haproxy-" + name + ".log").toFile()).start();
            Haproxy haproxy = new Haproxy(process, port);
            for (int i = 0; i < 80; i++) {
                if (!process.isAlive()) throw new IllegalStateException("HAProxy exited; see haproxy-" + name + ".log under target/it");
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    return haproxy;
                } catch (IOException notYet) {
                    Thread.sleep(250); // a process we do not control; nothing to synchronise on
                }
            }
            throw new IllegalStateException("HAProxy did not listen on " + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
