package org.innovadores.cohort;

import java.time.Instant;
import java.util.List;

/**
 * People × modules × exercises as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, quotes doubled), UTF-8 with a byte-order mark so
 * spreadsheet programs read accents right; the rows are {@link CohortRows}.
 */
final class CohortCsv {

    private CohortCsv() {
    }

    static String write(Cohort.Snapshot snapshot, String lang) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, CohortRows.HEADER);
        for (CohortRows.Row row : CohortRows.of(snapshot, lang)) {
            line(out, row.cells().stream().map(CohortCsv::text).toList());
        }
        return out.toString();
    }

    private static String text(Object cell) {
        if (cell == null) return "";
        return cell instanceof Instant instant ? instant.toString() : String.valueOf(cell);
    }

    static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        // A leading =, +, - or @ would make a spreadsheet run it as a formula: kept as text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

}
