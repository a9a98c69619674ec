package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpResponse;
import org.innovadores.audit.AuditEvent;
import org.innovadores.audit.AuditLog;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged WAR deploys on Payara Micro with PostgreSQL, migrates, answers health and pages. */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.toolWar(FoundationIT.class, ToolHttp.class);
    }

    @Inject
    AuditLog auditLog;

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Test
    void jpaRoundTripThroughTheMigratedSchema() {
        // Runs inside Payara: only JUnit's own assertions travel with the test.
        AuditEvent written = auditLog.record("test", "foundation.check", "round trip");
        em.clear();
        AuditEvent read = em.find(AuditEvent.class, written.id());
        Assertions.assertNotNull(read);
        Assertions.assertEquals("foundation.check", read.action());
        Assertions.assertEquals("round trip", read.detail());
        Assertions.assertEquals(written.occurredAt().toEpochMilli(), read.occurredAt().toEpochMilli());
        Assertions.assertTrue(auditLog.latest(10).stream().anyMatch(e -> e.id().equals(written.id())));
    }

    @Test
    void theWarsOwnNimbusJoseJwtIsTheOneLoaded() {
        // Payara carries its own copy for MP-JWT; the LTI layer must use the one the WAR bundles.
        String location = com.nimbusds.jwt.SignedJWT.class.getProtectionDomain().getCodeSource().getLocation().toString();
        Assertions.assertTrue(location.contains("WEB-INF/lib/nimbus-jose-jwt-10.10.jar"), location);
        Assertions.assertSame(AuditLog.class.getClassLoader(), com.nimbusds.jwt.SignedJWT.class.getClassLoader());
    }

    @Test
    @RunAsClient
    void readinessChecksDatabaseAndStorage() {
        HttpResponse<String> ready = ToolHttp.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"").contains("PostgreSQL").contains("\"storage\"");
        assertThat(ToolHttp.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    @RunAsClient
    @SuppressWarnings("unchecked")
    void metricsOnlyWithTheAdminTokenAndOpenApiWithoutWadl() {
        assertThat(ToolHttp.get("/metrics").statusCode()).as("the server's own metrics are not public").isIn(403, 404);
        assertThat(ToolHttp.get("/admin/api/metrics").statusCode()).isEqualTo(401);
        assertThat(ToolHttp.get("/lti/jwks").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = ToolHttp.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ToolHttp.baseUrl() + "/admin/api/metrics"))
                .header("Authorization", "Bearer it-admin-token-0123456789abcdef").build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_heap_used_bytes").contains("innovadores_sessions_open")
                .contains("innovadores_outbox_waiting").contains("innovadores_outbox_oldest_age_seconds")
                .contains("innovadores_jobs_waiting").contains("innovadores_mails_waiting")
                .as("the key set asked for just before, timed under its template")
                .contains("innovadores_http_request_duration_seconds_bucket{endpoint=\"GET /lti/jwks\",le=\"0.1\"}");
        // Every series the example alerts use is one the tool writes (probe_success is the blackbox exporter's).
        java.util.Set<String> written = new java.util.HashSet<>();
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("(?m)^# TYPE (\\w+) (\\w+)").matcher(metrics.body());
        while (name.find()) {
            written.add(name.group(1));
            if (name.group(2).equals("histogram")) written.add(name.group(1) + "_bucket");
            if (name.group(2).equals("counter")) written.add(name.group(1) + "_total");
        }
        String alerts;
        try {
            alerts = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("project.dir", "."), "deploy", "prometheus", "alerts.yml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.List<java.util.Map<String, Object>> groups = (java.util.List<java.util.Map<String, Object>>)
                ((java.util.Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(alerts)).get("groups");
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (var group : groups) {
            for (var rule : (java.util.List<java.util.Map<String, Object>>) group.get("rules")) {
                java.util.regex.Matcher series = java.util.regex.Pattern.compile("innovadores_\\w+").matcher(String.valueOf(rule.get("expr")));
                while (series.find()) used.add(series.group());
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(written).as("series the alerts name").containsAll(used);
        assertThat(ToolHttp.get("/openapi/application.wadl").statusCode()).isEqualTo(404);
        assertThat(ToolHttp.get("/application.wadl").statusCode()).isEqualTo(404);
        HttpResponse<String> options = ToolHttp.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ToolHttp.baseUrl() + "/lti/login")).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(options.body()).doesNotContain("wadl").doesNotContain("<application");
        assertThat(options.headers().firstValue("Server")).as("no product header").isEmpty();
        HttpResponse<String> openapi = ToolHttp.get("/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("Innovadores").contains("/lti/jwks").contains("/admin/api/registration-links")
                .as("HTML pages are not JSON endpoints").doesNotContain("/static/").doesNotContain("/course");
    }

    @Test
    @RunAsClient
    void aFormPostWithoutContentTypeIsA415AndNothingInTheLog() {
        for (String path : List.of("/lti/login", "/lti/launch", "/course/profile")) {
            HttpResponse<String> refused = ToolHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ToolHttp.baseUrl() + path))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("iss=x")).build());
            assertThat(refused.statusCode()).as(path).isEqualTo(415);
            assertThat(refused.body()).contains("formato").doesNotContain("Exception");
        }
        // With its type but empty, the same post is plain bad input.
        HttpResponse<String> bogus = ToolHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ToolHttp.baseUrl() + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(bogus.statusCode()).isEqualTo(400);
    }

    @Test
    @RunAsClient
    void homePageIsSpanishByDefaultAndEnglishOnRequest() {
        HttpResponse<String> home = ToolHttp.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(home.body()).contains("<html lang=\"es\">").contains("Programa de Innovadores Públicos");
        assertThat(home.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'self' https:");
        assertThat(home.headers().firstValue("X-Frame-Options")).as("the LMS must be able to frame the tool").isEmpty();
        assertThat(ToolHttp.get("/", "Accept-Language", "en-GB,en;q=0.9").body())
                .contains("<html lang=\"en\">").contains("Public Innovators Program");
    }

    @Test
    @RunAsClient
    void unknownPathsAnswerAReadable404PageWithoutInternals() {
        HttpResponse<String> missing = ToolHttp.get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no existe").doesNotContain("Exception").doesNotContain("Payara");
        assertThat(ToolHttp.get("/static/../../etc/passwd").statusCode()).isBetween(400, 404);
        assertThat(ToolHttp.get("/static/%2e%2e%2fpom.xml").statusCode()).isBetween(400, 404);
        assertThat(ToolHttp.get("/static/tool.css").statusCode()).isEqualTo(200);
    }
}
