package org.innovadores.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 fields, and cells a spreadsheet would otherwise run as formulas. */
class CohortCsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeAndFormulasStayText() {
        assertThat(CohortCsv.field("Equipo Salud")).isEqualTo("Equipo Salud");
        assertThat(CohortCsv.field("Salud, Tierras")).isEqualTo("\"Salud, Tierras\"");
        assertThat(CohortCsv.field("el \"árbol\"")).isEqualTo("\"el \"\"árbol\"\"\"");
        assertThat(CohortCsv.field("dos\nlíneas")).isEqualTo("\"dos\nlíneas\"");
        assertThat(CohortCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CohortCsv.field("+54")).isEqualTo("'+54");
        StringBuilder line = new StringBuilder();
        CohortCsv.line(line, List.of("a", "b,c", ""));
        assertThat(line.toString()).isEqualTo("a,\"b,c\",\r\n");
    }
}
