package org.innovadores.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.NodeList;

/**
 * A course's program leaves as a package and arrives in another course the same (export → import →
 * export gives the same manifest), recording files included; damaged, hostile or newer packages are
 * refused with every problem named and nothing changed; the next cohort starts from an earlier
 * course of the same instructor without its people's work; and the Common Cartridge names every
 * published module, workshop and exercise with the tool's launch URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContinuityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void aProgramTravelsAsAPackageAndTheNextCohortStartsFromIt() throws Exception {
        Tenant tenant = CoursePerson.registered("continuity");
        long n = System.nanoTime();
        CoursePerson irene = CoursePerson.launch(tenant, "co-irene", "Irene Instructora", INSTRUCTOR, "cohorte-2026-" + n);
        CoursePerson ana = CoursePerson.launch(tenant, "co-ana-" + n, "Ana Acosta", LEARNER, "cohorte-2026-" + n);
        irene.page("/course");
        ana.page("/course");
        String team = CoursePerson.idAfter(CoursePerson.location(irene.post("/course/teams", Map.of("name", "Equipo Mburucuyá"))), "/course/teams/");
        CoursePerson.location(irene.post("/course/teams/" + team + "/members", Map.of("subject", "co-ana-" + n)));
        byte[] pdf = "%PDF-1.4\n% guía de entrevistas\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(multipart(irene, "/course/authoring/modules/descubrimiento/attachments", "Guía de entrevistas.pdf", "application/pdf", pdf)
                .statusCode()).isEqualTo(303);
        byte[] video = new byte[300_000];
        new java.util.Random(7).nextBytes(video);
        System.arraycopy("\0\0\0\u0018ftypisom\0\0\0\u0001".getBytes(StandardCharsets.ISO_8859_1), 0, video, 0, 16);
        String upload = irene.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "workshop", "taller-3", "kind", "VIDEO",
                "title", "Taller 3 grabado", "file_name", "taller3.mp4", "size", String.valueOf(video.length))).headers().firstValue("Location").orElseThrow();
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + upload)).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0").method("PATCH", HttpRequest.BodyPublishers.ofByteArray(video)).build()).statusCode()).isEqualTo(201);
        CoursePerson.location(irene.post("/course/authoring/recordings/link", Map.of("module", "descubrimiento", "workshop", "taller-3",
                "kind", "VIDEO", "title", "Versión en YouTube", "url", "https://youtu.be/dQw4w9WgXcQ")));

        // Out, without and with the recordings' files.
        Map<String, byte[]> light = unzip(bytes(irene, "/course/continuity/package").body());
        assertThat(light).containsKeys("manifest.json", "program.json", "attachments.json", "recordings.json", "templates/persona.json",
                "modules/00-bienvenida.es.md", "modules/00-bienvenida.en.md");
        assertThat(light.keySet().stream().filter(k -> k.startsWith("templates/"))).hasSize(19);
        assertThat(light.keySet().stream().filter(k -> k.startsWith("recordings/"))).isEmpty();
        assertThat(new String(light.get("program.json"), StandardCharsets.UTF_8)).doesNotContain("Mburucuyá").doesNotContain("co-ana");
        byte[] full = bytes(irene, "/course/continuity/package?recordings=1").body();
        Map<String, byte[]> entries = unzip(full);
        byte[] packed = entries.entrySet().stream().filter(e -> e.getKey().startsWith("recordings/")).findFirst().orElseThrow().getValue();
        assertThat(packed).isEqualTo(video);
        JsonObject manifest = json(entries.get("manifest.json"));
        assertThat(manifest.getString("format")).isEqualTo("innovadores-program-package");
        assertThat(manifest.getInt("formatVersion")).isEqualTo(1);

        // In, to a new course: then out again, the same manifest.
        CoursePerson irene2 = CoursePerson.launch(tenant, "co-irene", "Irene Instructora", INSTRUCTOR, "cohorte-2027-" + n);
        irene2.page("/course");
        HttpResponse<String> loaded = multipart(irene2, "/course/continuity/package", "programa.zip", "application/zip", full);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(303);
        Document done = irene2.page(CoursePerson.location(loaded).replaceAll("^.*?(/course/continuity)", "$1"));
        assertThat(done.getElementById("done").text()).contains("Se cargó el paquete", "Un archivo nuevo", "2 grabaciones o enlaces nuevos");
        byte[] again = bytes(irene2, "/course/continuity/package?recordings=1").body();
        assertThat(json(unzip(again).get("manifest.json"))).isEqualTo(manifest);
        assertThat(multipart(irene2, "/course/continuity/package", "programa.zip", "application/zip", full).statusCode())
                .as("the same package twice changes nothing more").isEqualTo(303);
        assertThat(json(unzip(bytes(irene2, "/course/continuity/package?recordings=1").body()).get("manifest.json"))).isEqualTo(manifest);

        // Refused, each with its reason, and nothing changed.
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no es un paquete .zip legible", "none");
        bad.put("nombre no permitido: «../../etc/passwd»", "slip");
        bad.put("no tiene el tamaño o la suma de control", "tampered");
        bad.put("versión 2 del formato", "newer");
        bad.put("que el manifiesto no nombra: «extra.txt»", "unlisted");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            byte[] body = switch (b.getValue()) {
                case "none" -> "esto no es un zip".getBytes(StandardCharsets.UTF_8);
                case "slip" -> rezip(entries, (name, data) -> data, "../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8));
                case "tampered" -> rezip(entries, (name, data) -> name.equals("program.json")
                        ? new String(data, StandardCharsets.UTF_8).replace("Bienvenida", "Bienvenidx").getBytes(StandardCharsets.UTF_8) : data, null, null);
                case "newer" -> rezip(entries, (name, data) -> name.equals("manifest.json")
                        ? new String(data, StandardCharsets.UTF_8).replace("\"formatVersion\":1", "\"formatVersion\":2").getBytes(StandardCharsets.UTF_8) : data, null, null);
                default -> rezip(entries, (name, data) -> data, "extra.txt", "hola".getBytes(StandardCharsets.UTF_8));
            };
            HttpResponse<String> refused = multipart(irene2, "/course/continuity/package", "programa.zip", "application/zip", body);
            assertThat(refused.statusCode()).as(b.getValue()).isEqualTo(400);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.getElementById("problems").text()).as(b.getValue()).contains("No se cambió nada").contains(b.getKey());
        }
        assertThat(json(unzip(bytes(irene2, "/course/continuity/package?recordings=1").body()).get("manifest.json"))).isEqualTo(manifest);

        // The next cohort, from the instructor's first course: the program, never the people or their work.
        CoursePerson irene3 = CoursePerson.launch(tenant, "co-irene", "Irene Instructora", INSTRUCTOR, "cohorte-2028-" + n);
        Document continuity = irene3.page("/course/continuity");
        String first = continuity.select("#copy-form input[name=source]").stream().filter(i -> continuity.select("label[for=" + i.id() + "]")
                .text().contains("cohorte-2026-" + n)).findFirst().orElseThrow().val();
        assertThat(continuity.select("#copy-form input[name=source]")).hasSize(2);
        HttpResponse<String> copied = irene3.post("/course/continuity/copy", Map.of("source", first, "templates", "1", "settings", "1", "recordings", "1"));
        assertThat(copied.statusCode()).as(copied.body()).isEqualTo(303);
        assertThat(irene3.page("/course/teams").text()).doesNotContain("Mburucuyá");
        assertThat(irene3.page("/course/modules/descubrimiento/workshops/taller-3").select("#media a").eachText())
                .contains("Taller 3 grabado", "Versión en YouTube");
        CoursePerson other = CoursePerson.launch(tenant, "co-otro-" + n, "Otro Docente", INSTRUCTOR, "ajeno-" + n);
        HttpResponse<String> notTheirs = other.post("/course/continuity/copy", Map.of("source", first));
        assertThat(notTheirs.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(notTheirs.body()).getElementById("problems").text()).contains("Elija uno de sus cursos");
        assertThat(ana.get("/course/continuity").statusCode()).isEqualTo(403);
        assertThat(ana.get("/course/continuity/package").statusCode()).isEqualTo(403);

        // The Common Cartridge: one LTI link per published module, workshop and exercise.
        Map<String, byte[]> cartridge = unzip(bytes(irene, "/course/continuity/cartridge").body());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document cc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(cartridge.get("imsmanifest.xml")));
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("/*[local-name()='manifest']/*[local-name()='metadata']/*[local-name()='schemaversion']", cc)).isEqualTo("1.3.0");
        NodeList resources = (NodeList) xpath.evaluate("//*[local-name()='resource'][@type='imsbasiclti_xmlv1p3']", cc, XPathConstants.NODESET);
        JsonObject program = json(light.get("program.json"));
        int expected = 0;
        for (var m : program.getJsonArray("modules")) {
            var content = m.asJsonObject().getJsonObject("content");
            expected += 1 + content.getJsonArray("workshops").size() + content.getJsonArray("exercises").size();
        }
        assertThat(resources.getLength()).isEqualTo(expected);
        String link = new String(cartridge.get("R1.xml"), StandardCharsets.UTF_8);
        assertThat(link).contains("http://www.imsglobal.org/xsd/imslticc_v1p3", ToolHttp.baseUrl() + "/lti/launch</blti:launch_url>",
                "<lticm:property name=\"item\">module/bienvenida</lticm:property>");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("continuity", "/course/continuity?s=" + irene3.token());
        org.openqa.selenium.chrome.ChromeDriver driver = org.innovadores.testing.Browser.chromium(org.innovadores.testing.Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            org.innovadores.testing.PageChecks.atPhoneAndLaptopWidths(driver, "continuity-", pages);
        } finally {
            driver.quit();
        }
    }

    static JsonObject json(byte[] bytes) {
        return Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readObject();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    /** The package again, each entry through {@code change}, plus one extra entry when named. */
    static byte[] rezip(Map<String, byte[]> entries, BiFunction<String, byte[], byte[]> change, String extra, byte[] extraBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(change.apply(e.getKey(), e.getValue()));
                zip.closeEntry();
            }
            if (extra != null) {
                zip.putNextEntry(new ZipEntry(extra));
                zip.write(extraBytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static HttpResponse<byte[]> bytes(CoursePerson person, String path) throws Exception {
        return ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path + (path.contains("?") ? "&" : "?") + "s="
                + person.token())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A file posted as an upload form posts it: multipart, the session in the URL for the gate. */
    static HttpResponse<String> multipart(CoursePerson person, String path, String fileName, String type, byte[] file) throws Exception {
        String boundary = "----package" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"s\"\r\n\r\n" + person.token() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + person.csrf() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path + "?s=" + person.token()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
