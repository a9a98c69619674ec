package org.innovadores.cohort;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The same rows as the CSV ({@link CohortRows}) as an .xlsx workbook: a bold header, booleans as
 * booleans and times as spreadsheet dates in the course's time zone. Written straight to the
 * response as it is made.
 */
final class CohortXlsx {

    private CohortXlsx() {
    }

    static void write(Cohort.Snapshot snapshot, String lang, ZoneId zone, String sheetName, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Innovadores Publicos", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        List<String> header = CohortRows.HEADER;
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
            sheet.width(c, c == 3 || c == 8 ? 32 : 18);
        }
        int r = 1;
        for (CohortRows.Row row : CohortRows.of(snapshot, lang)) {
            List<Object> cells = row.cells();
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell instanceof Instant instant) {
                    sheet.value(r, c, LocalDateTime.ofInstant(instant, zone));
                    sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
                } else if (cell instanceof Boolean b) {
                    sheet.value(r, c, b);
                } else if (cell != null) {
                    sheet.value(r, c, String.valueOf(cell));
                }
            }
            r++;
        }
        workbook.finish();
    }
}
