package org.innovadores.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.innovadores.web.Texts;
import org.junit.jupiter.api.Test;

/** The parts of notices that need no server: addresses from a launch, the words of a notice, dates of reminders. */
class NotificationsTest {

    @Test
    void theAddressComesFromTheLaunchOnlyWhenItIsOne() {
        assertThat(Notifications.email("{\"email\":\"ana@example.gov.py\"}")).isEqualTo("ana@example.gov.py");
        assertThat(Notifications.email("{\"name\":\"Ana\"}")).isNull();
        assertThat(Notifications.email("{\"email\":42}")).isNull();
        assertThat(Notifications.email("{\"email\":\"ana@example.gov.py\\r\\nBcc: all@example.org\"}")).as("no header injection").isNull();
        assertThat(Notifications.email("{\"email\":\"not an address\"}")).isNull();
        assertThat(Notifications.email("not json")).isNull();
        assertThat(Notifications.email(null)).isNull();
        assertThat(Mail.deliverable("ana@example.gov.py")).isTrue();
        assertThat(Mail.deliverable("ana@")).isFalse();
        assertThat(Mail.deliverable(null)).isFalse();
    }

    @Test
    void aNoticeReadsTheSameOnThePageAndInTheMailInEachLanguage() {
        Texts es = Texts.forTag("es");
        Texts en = Texts.forTag("en");
        assertThat(NoticeTexts.line(es, Notifications.Kind.CHANGES_REQUESTED, "Marta", "Árbol de problemas"))
                .isEqualTo("Marta pidió cambios en «Árbol de problemas»");
        assertThat(NoticeTexts.line(en, Notifications.Kind.SUBMITTED, "Equipo Salud", "Problem tree"))
                .isEqualTo("Equipo Salud handed in \"Problem tree\" for review");
        assertThat(NoticeTexts.line(es, Notifications.Kind.COMMENTED, null, "Mapa")).startsWith("Alguien comentó");
        for (Notifications.Kind kind : Notifications.Kind.values()) {
            assertThat(es.has("notice." + kind.name())).as(kind.name()).isTrue();
            assertThat(en.has("notice." + kind.name())).as(kind.name()).isTrue();
        }
        String body = NoticeTexts.mailBody(es, Notifications.Kind.CHANGES_REQUESTED, "Marta", "Árbol", "Falta evidencia", "Innovadores 2026");
        assertThat(body).contains("Falta evidencia").contains("«Innovadores 2026»").contains("Avisos");
    }

    @Test
    void aReminderSaysTheDayAndTheTimeInTheCoursesZone() {
        ZonedDateTime start = ZonedDateTime.of(2027, 3, 16, 18, 30, 0, 0, ZoneId.of("America/Asuncion"));
        assertThat(Reminders.when(start, true, "es")).contains("martes").contains("16 de marzo de 2027").contains("18:30")
                .contains("America/Asuncion");
        assertThat(Reminders.when(start, false, "en")).isEqualTo("Tuesday, March 16, 2027");
    }
}
