package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates, times, numbers, plurals and alphabetical order as Paraguay writes them (CLDR es-PY), and English beside. */
class FormatsTest {

    private final Texts es = Texts.forTag("es-PY");
    private final Texts en = Texts.forTag("en");

    @Test
    void datesAndTimesInTheReadersWayAndTheCoursesZone() {
        assertThat(es.date(LocalDate.of(2026, 12, 1))).isEqualTo("01/12/2026");
        assertThat(en.date(LocalDate.of(2026, 12, 1))).isEqualTo("Dec 1, 2026");
        assertThat(es.time(LocalTime.of(14, 30))).isEqualTo("14:30");
        assertThat(en.time(LocalTime.of(14, 30))).isEqualTo("2:30\u202fPM");
        assertThat(es.longDate(LocalDate.of(2026, 12, 1))).isEqualTo("martes, 1 de diciembre de 2026");
        // 17:30 UTC is 14:30 in Asunción (UTC−3 all year since 2024).
        Instant at = Instant.parse("2026-12-01T17:30:00Z");
        assertThat(es.dateTime(at, ZoneId.of("America/Asuncion"))).isEqualTo("01/12/2026 14:30");
        assertThat(es.dateTime(at, ZoneId.of("America/Santiago"))).isEqualTo("01/12/2026 14:30");
        assertThat(es.dateTime(at, ZoneId.of("Europe/Madrid"))).isEqualTo("01/12/2026 18:30");
        assertThat(es.zoneName(ZoneId.of("America/Asuncion"))).isEqualTo("hora de Paraguay");
        Page page = new Page("t", es, null, null, Page.Nav.NONE, null);
        assertThat(page.zone()).as("a page without a course is in the program's home zone").isEqualTo(ZoneId.of("America/Asuncion"));
        assertThat(page.when(at)).isEqualTo("01/12/2026 14:30");
    }

    @Test
    void numbersWithTheDecimalCommaAndPluralsByCount() {
        assertThat(es.number(4096.5)).isEqualTo("4.096,5");
        assertThat(en.number(4096.5)).isEqualTo("4,096.5");
        assertThat(es.money(new java.math.BigDecimal("4500.5"))).isEqualTo("4.500,50");
        assertThat(es.money(new java.math.BigDecimal("15000.00"))).isEqualTo("15.000");
        assertThat(es.format("templates.error.size", 65536)).contains("65.536");
        assertThat(es.format("teams.size", 1)).isEqualTo("1 integrante");
        assertThat(es.format("teams.size", 2)).isEqualTo("2 integrantes");
        assertThat(es.format("teams.size", 0)).isEqualTo("sin integrantes");
        // Typed back as people write them.
        assertThat(es.parseNumber("15.000")).isEqualByComparingTo("15000");
        assertThat(es.parseNumber("4.500,50")).isEqualByComparingTo("4500.50");
        assertThat(es.parseNumber("4500.5")).isEqualByComparingTo("4500.5");
        assertThat(en.parseNumber("4,500.50")).isEqualByComparingTo("4500.50");
        assertThat(en.parseNumber("15,000")).isEqualByComparingTo("15000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> es.parseNumber("quince")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void namesInSpanishAlphabeticalOrder() {
        List<String> names = new ArrayList<>(List.of("Yacyretá", "Ñandutí", "Nube", "Oro", "Álvarez", "zeta", "Ana"));
        names.sort(Texts.ALPHABETICAL);
        assertThat(names).containsExactly("Álvarez", "Ana", "Nube", "Ñandutí", "Oro", "Yacyretá", "zeta");
    }
}
