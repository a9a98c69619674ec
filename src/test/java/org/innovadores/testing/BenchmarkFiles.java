package org.innovadores.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.innovadores.lti.LtiClient;

/** What the benchmarks share: big files made once, uploads by the resumable protocol, a process's resident memory. */
public final class BenchmarkFiles {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchmarkFiles() {
    }

    /** A file of the given size that starts like an MP4, written once and reused by later runs. */
    public static Path file(Path path, long size) throws IOException {
        if (Files.exists(path) && Files.size(path) == size) return path;
        byte[] block = new byte[4 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(block);
        byte[] head = "\0\0\0\u0018ftypisom\0\0\0\u0001".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, block, 0, head.length);
        try (OutputStream out = Files.newOutputStream(path)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
                block[100] ^= 1;
            }
        }
        return path;
    }

    /** Uploads the first {@code size} bytes of a file by the resumable protocol in chunks, as the page's script does. */
    public static String upload(String base, String token, String name, Path file, long size, long chunk) throws Exception {
        String csrf = org.jsoup.Jsoup.parse(ToolHttp.get(base + "/course/profile?s=" + token).body())
                .selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/course/authoring/uploads"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("s", token, "csrf", csrf, "module",
                        "descubrimiento", "kind", "VIDEO", "title", name, "file_name", name, "size", String.valueOf(size))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = base + created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> last = null;
        for (long offset = 0; offset < size; offset += chunk) {
            long length = Math.min(chunk, size - offset);
            long from = offset;
            last = http.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", String.valueOf(offset))
                    .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> slice(file, from, length)), length)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(last.statusCode()).as(last.body()).isIn(201, 204);
        }
        return last.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(from);
            return new java.io.FilterInputStream(in) {
                long left = length;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) return -1;
                    int read = super.read(b, off, (int) Math.min(len, left));
                    if (read > 0) left -= read;
                    return read;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException gone) {
            return 0;
        }
        return 0;
    }

}
