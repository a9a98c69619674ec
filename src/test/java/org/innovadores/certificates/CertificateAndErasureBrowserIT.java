package org.innovadores.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import java.time.Duration;
import java.util.Map;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.Keyboard;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Walked in Chromium by keyboard alone, as the people would: a participant who met the criteria goes
 * from the course home to their certificate and opens its public check; then their LMS administrator
 * goes from the administration page to the erasure, checks what will happen and erases them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateAndErasureBrowserIT {

    private static final String ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void aCertificateTakenAndAPersonErasedByKeyboard() {
        Tenant tenant = CoursePerson.registered("keys-certificate");
        long n = System.nanoTime();
        String course = "keys-certificate-" + n;
        CoursePerson teacher = CoursePerson.launch(tenant, "kc-irene", "Irene Instructora", INSTRUCTOR, course);
        teacher.page("/course");
        String subject = "kc-ana-" + n;
        CoursePerson ana = CoursePerson.launch(tenant, subject, "Ana Keyboard " + n, LEARNER, course);
        ana.page("/course");
        String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Teclado"))), "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", subject)));
        CoursePerson.location(teacher.post("/course/certificate/rule", Map.of("modules", "1", "exercises", "0", "hours", "12")));
        CoursePerson.location(ana.post("/course/modules/bienvenida/read", Map.of()));
        ana.page("/course");

        ChromeDriver driver = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            Keyboard keys = new Keyboard(driver);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(ToolHttp.baseUrl() + "/course?s=" + ana.token());
            keys.activate(By.id("certificate-home-link"));
            wait.until(d -> d.findElements(By.id("issue-certificate")).size() == 1);
            keys.activate(By.id("issue-certificate"));
            wait.until(d -> d.findElements(By.id("verify-link")).size() == 1);
            assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("Su certificado está listo.");
            String verify = driver.findElement(By.id("verify-link")).getAttribute("href");
            driver.get(verify);
            // The public page speaks the visitor's language (this browser asks for English).
            assertThat(driver.findElement(By.id("state")).getText()).isIn("Certificado válido.", "Valid certificate.");

            CoursePerson admin = CoursePerson.launch(tenant, "kc-admin-" + n, "Ada Administradora", ADMIN, course);
            driver.get(ToolHttp.baseUrl() + "/admin?s=" + admin.token());
            keys.activate(By.id("people-link"));
            wait.until(d -> d.findElements(By.id("subject")).size() == 1);
            keys.type(By.id("subject"), subject, true);
            keys.activate(By.id("check-erasure"));
            wait.until(d -> d.findElements(By.id("confirm-erasure")).size() == 1);
            assertThat(driver.findElement(By.id("person")).getText()).contains("Ana Keyboard " + n);
            assertThat(driver.findElement(By.id("removed")).getText()).contains("Certificados: 1");
            keys.activate(By.id("confirm-erasure"));
            wait.until(d -> d.findElements(By.id("notice")).size() == 1);
            assertThat(driver.findElement(By.id("notice")).getText()).contains("Ex participante");
            driver.get(verify);
            assertThat(driver.findElement(By.id("unknown")).getText()).as("the certificate went with her").isNotBlank();
        } finally {
            driver.quit();
        }
        assertThat(ana.get("/course").statusCode()).isIn(401, 403);
    }
}
