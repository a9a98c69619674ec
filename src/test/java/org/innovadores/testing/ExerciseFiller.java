package org.innovadores.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fills an exercise's form as a diligent team would, whatever its template: every text, the first
 * option of every choice and link, and five rows in every table (between the shipped templates'
 * minimum and maximum), each cell by its type. For tests that need an exercise that may be handed in.
 */
public final class ExerciseFiller {

    private static final Pattern CELL = Pattern.compile("(f\\.[a-z0-9-]+)\\.0\\.([a-z0-9-]+)");
    private static final int ROWS = 5;

    private ExerciseFiller() {
    }

    public static Map<String, String> filled(Document page) {
        Element form = page.getElementById("exercise-form");
        if (form == null) throw new AssertionError("No exercise form on " + page.location());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", form.selectFirst("input[name=version]").attr("value"));
        for (Element input : form.select("input[name^=f.], textarea[name^=f.], select[name^=f.]")) {
            String name = input.attr("name");
            Matcher cell = CELL.matcher(name);
            if (name.matches("f\\.[a-z0-9-]+\\.[1-9]\\d*\\..*")) continue; // rows after the first are written below
            if (cell.matches()) {
                // a yes/no cell is a checkbox followed by a hidden empty value of the same name: the first one counts
                for (int r = 0; r < ROWS; r++) fields.putIfAbsent(cell.group(1) + "." + r + "." + cell.group(2), value(input, r));
            } else if (name.endsWith("._")) {
                fields.put(name, "1");
            } else {
                fields.putIfAbsent(name, value(input, 0));
            }
        }
        return fields;
    }

    private static String value(Element input, int row) {
        String name = input.attr("name");
        if (name.endsWith(".x") || name.endsWith(".y")) return String.valueOf(1 + row % 5);
        if (input.tagName().equals("select")) {
            return input.select("option").stream().map(o -> o.attr("value")).filter(v -> !v.isEmpty()).findFirst().orElse("");
        }
        return switch (input.attr("type")) {
            case "checkbox" -> input.attr("value");
            case "hidden" -> "";
            case "date" -> "2027-03-1" + row;
            default -> input.attr("inputmode").equals("decimal") ? String.valueOf(row + 1) : "Texto de prueba " + (row + 1);
        };
    }

    /** Each template of the shipped program with the first module that offers it. */
    public static Map<String, String> templatesByModule() throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        try (InputStream in = ExerciseFiller.class.getResourceAsStream("/program/default/program.json")) {
            JsonObject program = Json.createReader(in).readObject();
            for (JsonValue module : program.getJsonArray("modules")) {
                for (JsonValue exercise : module.asJsonObject().getJsonArray("exercises")) {
                    found.putIfAbsent(exercise.asJsonObject().getString("template"), module.asJsonObject().getString("key"));
                }
            }
        }
        return found;
    }

}
