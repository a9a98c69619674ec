package org.innovadores.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API on loopback: S3Proxy (built by the project's Maven run into target/s3proxy.jar) on a
 * filesystem backend, in a process of its own, as an operator's object store would be.
 */
public final class S3Server implements AutoCloseable {

    public static final String IDENTITY = "innovadores-test";
    public static final String CREDENTIAL = "innovadores-test-credential-0123456789";

    private final Process process;
    private final int port;
    private final Path data;

    private S3Server(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    public static S3Server start(String name) {
        int port = FreePort.any();
        Path work = Path.of(System.getProperty("it.work.dir", "target/it")).toAbsolutePath();
        Path data = work.resolve("s3-" + name);
        try {
            if (Files.exists(data)) {
                try (var walk = Files.walk(data)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            Files.createDirectories(data);
            Path properties = work.resolve("s3-" + name + ".properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data) + "\n");
            Path jar = Path.of(System.getProperty("project.dir", "."), "target", "s3proxy.jar");
            Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", jar.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(work.resolve("s3-" + name + ".log").toFile()).start();
            S3Server server = new S3Server(process, port, data);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        for (int i = 0; i < 240; i++) {
            if (!process.isAlive()) throw new IllegalStateException("S3Proxy exited; see its log under target/it");
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(250); // a process we do not control; nothing to synchronise on
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("S3Proxy did not listen on " + port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the filesystem backend keeps the buckets' objects. */
    public Path data() {
        return data;
    }

    /** The tool's settings for this store and bucket. */
    public Map<String, String> settings(String bucket) {
        return Map.of("media.store", "s3", "media.s3.endpoint", endpoint(), "media.s3.bucket", bucket, "media.s3.path-style", "true",
                "media.s3.access-key", IDENTITY, "media.s3.secret-key", CREDENTIAL);
    }

    /** A client of the store, for a test to look at what the tool put there. */
    public S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
