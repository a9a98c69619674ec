package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.ToolHttp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while an upload part is on its way: readiness says 503 at once while the part keeps
 * arriving, the part is answered 204 and kept (a new instance reports its bytes), and the process
 * then ends by itself.
 */
class GracefulShutdownIT {

    static final int PART = 8 * 1024 * 1024;

    @Test
    void aStoppingInstanceTurnsUnreadyAndFinishesTheRequestInFlight() throws Exception {
        int port = FreePort.any();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("data.dir", System.getProperty("it.work.dir", "target/it") + "/data-drain");
        settings.put("shutdown.drain-delay", "PT0.5S");
        Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
        String location;
        PayaraProcess tool = PayaraProcess.startReady(port, settings);
        try {
            String token = LtiClient.launchAt(tool.baseUrl(), moodle, claims -> claims.put(
                    "https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")));
            ToolHttp.get(tool.baseUrl() + "/course?s=" + token);
            String csrf = Jsoup.parse(ToolHttp.get(tool.baseUrl() + "/course/profile?s=" + token).body()).selectFirst("input[name=csrf]").attr("value");
            HttpResponse<String> created = ToolHttp.send(HttpRequest.newBuilder(URI.create(tool.baseUrl() + "/course/authoring/uploads"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("s", token, "csrf", csrf, "module", "descubrimiento",
                            "kind", "VIDEO", "title", "Taller", "file_name", "taller.mp4", "size", String.valueOf(2 * PART))))).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            location = created.headers().firstValue("Location").orElseThrow();

            byte[] part = new byte[PART];
            new java.util.Random(7).nextBytes(part);
            System.arraycopy("\0\0\0\u0018ftypisom\0\0\0\u0001".getBytes(StandardCharsets.ISO_8859_1), 0, part, 0, 16);
            URI uri = URI.create(tool.baseUrl() + location);
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("PATCH " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: " + PART
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(part, 0, PART / 8);
                out.flush();
                Thread.sleep(300);
                assertThat(ToolHttp.get(tool.baseUrl() + "/health/ready").body()).as("the part on its way is counted")
                        .containsPattern("\"in_flight\":\"[1-9]");

                tool.terminate();
                long signalled = System.nanoTime();
                int ready = 200;
                while (ready == 200 && System.nanoTime() - signalled < 400_000_000L) ready = ToolHttp.status(tool.baseUrl() + "/health/ready");
                assertThat(ready).as("readiness right after SIGTERM").isEqualTo(503);

                // The rest of the part, slowly: the request was in flight when the signal came.
                for (int sent = PART / 8; sent < PART; sent += PART / 8) {
                    out.write(part, sent, PART / 8);
                    out.flush();
                    Thread.sleep(400);
                }
                InputStream in = socket.getInputStream();
                StringBuilder status = new StringBuilder();
                for (int c; (c = in.read()) != -1 && c != '\n'; ) status.append((char) c);
                assertThat(status.toString()).as("the answer to the part in flight").startsWith("HTTP/1.1 204");
            }
            assertThat(tool.awaitExit(Duration.ofSeconds(30))).as("the instance ends by itself once drained").isNotEqualTo(-1);
        } finally {
            tool.close();
        }
        try (PayaraProcess again = PayaraProcess.startReady(port, settings)) {
            HttpResponse<String> head = ToolHttp.send(HttpRequest.newBuilder(URI.create(again.baseUrl() + location))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.headers().firstValue("Upload-Offset")).as("the part is kept").contains(String.valueOf(PART));
        }
    }
}
