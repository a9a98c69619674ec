package org.innovadores.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** A module document as stored: points and workshop times, and documents written before they existed. */
class ModuleContentTest {

    private static final ZoneId ASUNCION = ZoneId.of("America/Asuncion");

    @Test
    void aDocumentSavedBeforePointsAndTimesExistedReadsAsWorthOneHundredWithUntimedWorkshops() {
        String old = "{\"title\":{\"es\":\"Descubrimiento\"},\"workshops\":[{\"key\":\"taller-1\",\"title\":{\"es\":\"Taller\"},"
                + "\"date\":\"2027-03-15\",\"facilitators\":\"\"}],\"exercises\":[]}";
        ModuleContent content = Documents.read(old, ModuleContent.class);
        assertThat(content.points()).isEqualTo(100);
        assertThat(content.workshops().getFirst().time()).isEmpty();
        assertThat(content.workshops().getFirst().timed()).isFalse();
        assertThat(content.workshops().getFirst().start(ASUNCION)).contains(ZonedDateTime.of(2027, 3, 15, 0, 0, 0, 0, ASUNCION));
    }

    @Test
    void pointsAndTimeSurviveAWriteAndARead() {
        ModuleContent content = new ModuleContent(Localized.of("Módulo", "Module"), Localized.empty(), java.util.List.of(),
                java.util.List.of(new ModuleContent.Workshop("taller-1", Localized.of("Taller", null), Localized.empty(), "2027-03-15",
                        "Ana", "18:30")), java.util.List.of(), 40);
        ModuleContent back = Documents.read(Documents.write(content), ModuleContent.class);
        assertThat(back).isEqualTo(content);
        assertThat(back.workshops().getFirst().start(ASUNCION)).contains(ZonedDateTime.of(2027, 3, 15, 18, 30, 0, 0, ASUNCION));
    }

    @Test
    void pointsOutsideOneToAThousandAndUnreadableDatesFallBack() {
        assertThat(new ModuleContent(null, null, null, null, null, 0).points()).isEqualTo(100);
        assertThat(new ModuleContent(null, null, null, null, null, 5000).points()).isEqualTo(100);
        assertThat(new ModuleContent(null, null, null, null, null, 1000).points()).isEqualTo(1000);
        var workshop = new ModuleContent.Workshop("k", Localized.empty(), Localized.empty(), "15/03/2027", "", "18:30");
        assertThat(workshop.start(ASUNCION)).isEmpty();
        assertThat(new ModuleContent.Workshop("k", Localized.empty(), Localized.empty(), "", "", null).start(ASUNCION)).isEmpty();
    }
}
