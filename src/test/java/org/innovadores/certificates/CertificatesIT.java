package org.innovadores.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.innovadores.web.PdfUa;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The certificate from criteria to revocation: refused before the criteria exist and before they
 * are met, issued once when they are, a PDF/UA document with its verification URL, a public page
 * that shows what the certificate shows, and a revocation the page then states.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificatesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void fromCriteriaToAVerifiedAndThenRevokedCertificate() throws Exception {
        Tenant tenant = CoursePerson.registered("certificates");
        String course = "certificates-" + System.nanoTime();
        CoursePerson teacher = CoursePerson.launch(tenant, "ce-irene", "Irene Instructora", INSTRUCTOR, course);
        teacher.page("/course");
        CoursePerson ana = CoursePerson.launch(tenant, "ce-ana", "Ana Ñandutí Acosta", LEARNER, course);
        ana.page("/course");
        String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Tajy"))), "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", "ce-ana")));

        assertThat(ana.page("/course/certificate").getElementById("no-rule")).isNotNull();
        assertThat(ana.post("/course/certificate", Map.of()).statusCode()).as("no criteria yet").isEqualTo(409);

        // Criteria: a bad form is refused with each problem and nothing saved; then one module, one accepted exercise, 40 hours.
        HttpResponse<String> bad = teacher.post("/course/certificate/rule", Map.of("modules", "99", "exercises", "x", "hours", "0"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).getElementById("problems").select("li")).hasSize(3);
        assertThat(ana.page("/course/certificate").getElementById("no-rule")).isNotNull();
        CoursePerson.location(teacher.post("/course/certificate/rule", Map.of("modules", "1", "exercises", "1", "hours", "40")));
        assertThat(ana.page("/course/certificate").getElementById("not-yet")).isNotNull();
        assertThat(ana.post("/course/certificate", Map.of()).statusCode()).as("not met yet").isEqualTo(409);

        // Ana reads the welcome module; her team's first exercise is accepted.
        CoursePerson.location(ana.post("/course/modules/bienvenida/read", Map.of()));
        ana.page("/course");
        String exercise = "/course/teams/" + team + "/exercises/" + CoursePerson.idAfter(CoursePerson.location(ana.post(
                "/course/teams/" + team + "/exercises", Map.of("module", "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        CoursePerson.location(ana.handIn(exercise));
        CoursePerson.location(teacher.post(exercise + "/status", Map.of("status", "ACCEPTED")));
        Document ready = ana.page("/course/certificate");
        assertThat(ready.getElementById("mine").text()).contains("Módulos completados: 1 de 1", "Ejercicios aceptados de su equipo: 1 de 1");
        CoursePerson.location(ana.submit(ready, "#issue-form", Map.of(), null));
        assertThat(ana.post("/course/certificate", Map.of()).statusCode()).as("once").isEqualTo(409);
        Document mine = ana.page("/course/certificate");
        String verify = mine.getElementById("verify-link").attr("href");
        assertThat(verify).startsWith(ToolHttp.baseUrl() + "/certificates/");
        String code = verify.substring(verify.lastIndexOf('/') + 1);

        // The PDF: her name, the program, the hours and where to check it; PDF/UA-1.
        HttpResponse<byte[]> pdf = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/course/certificate/pdf?s="
                + ana.token())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("Ana Ñandutí Acosta", "40 horas", verify, code);
        }
        assertThat(PdfUa.failures(pdf.body())).isEmpty();

        // The public page, without a session: what the certificate shows, valid.
        HttpResponse<String> check = ToolHttp.get("/certificates/" + code);
        assertThat(check.statusCode()).isEqualTo(200);
        Document checked = Jsoup.parse(check.body());
        assertThat(checked.getElementById("state").text()).isEqualTo("Certificado válido.");
        assertThat(checked.getElementById("certificate").text()).contains("Ana Ñandutí Acosta", "40").doesNotContain("ce-ana");
        assertThat(ToolHttp.get("/certificates/AAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(ToolHttp.get("/certificates/../../etc").statusCode()).isIn(400, 404);
        assertThat(ToolHttp.get("/certificates/abc%3Cscript%3E").statusCode()).isEqualTo(404);

        // The teaching team sees who meets the criteria, and revokes: a reason is needed; then the page says so.
        Document lead = teacher.page("/course/certificate");
        assertThat(lead.getElementById("people").text()).contains("Ana Ñandutí Acosta", "Emitido");
        assertThat(ana.post("/course/certificate/" + code + "/revoke", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        assertThat(teacher.post("/course/certificate/" + code + "/revoke", Map.of("reason", " ")).statusCode()).isEqualTo(400);
        assertThat(teacher.post("/course/certificate/BBBBBBBBBBBBBBBBBBBB/revoke", Map.of("reason", "x")).statusCode()).isEqualTo(404);
        CoursePerson.location(teacher.post("/course/certificate/" + code + "/revoke", Map.of("reason", "Entrega duplicada")));
        assertThat(teacher.post("/course/certificate/" + code + "/revoke", Map.of("reason", "otra vez")).statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(ToolHttp.get("/certificates/" + code).body()).getElementById("state").text()).startsWith("Este certificado fue revocado el");
        assertThat(ana.page("/course/certificate").getElementById("revoked")).isNotNull();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("participant", "/course/certificate?s=" + ana.token());
        pages.put("lead", "/course/certificate?s=" + teacher.token());
        pages.put("verify", "/certificates/" + code);
        org.openqa.selenium.chrome.ChromeDriver driver = org.innovadores.testing.Browser.chromium(org.innovadores.testing.Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            org.innovadores.testing.PageChecks.atPhoneAndLaptopWidths(driver, "certificate-", pages);
        } finally {
            driver.quit();
        }
    }
}
