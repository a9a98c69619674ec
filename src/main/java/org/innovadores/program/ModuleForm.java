package org.innovadores.program;

import jakarta.ws.rs.core.MultivaluedMap;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The module editor's form, read back into a module document. Sections and workshops come as
 * numbered groups of fields ("section.3.body_es"); each group has a position field (reordering
 * without dragging) and a remove box. What is wrong is collected as message keys, so the editor
 * can be shown again with the author's text intact.
 */
public final class ModuleForm {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 50_000;
    static final int MAX_GROUPS = 40;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The document the form describes, and what is wrong with it (message keys with an argument). */
    public record Result(ModuleContent content, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public record Problem(String key, String argument) {
    }

    private ModuleForm() {
    }

    /**
     * The form as a module document; the exercises the module already had keep their order (a save
     * of any text never re-sorts them), ones newly chosen come after them.
     */
    public static Result read(MultivaluedMap<String, String> form, Set<String> knownTemplates, List<ModuleContent.ExerciseUse> before) {
        List<Problem> problems = new ArrayList<>();
        Localized title = Localized.of(text(form, "title_es", MAX_TITLE, problems), text(form, "title_en", MAX_TITLE, problems));
        if (title.isBlank()) problems.add(new Problem("authoring.error.title", ""));
        Localized goals = Localized.of(text(form, "goals_es", MAX_TEXT, problems), text(form, "goals_en", MAX_TEXT, problems));

        Set<String> keys = new java.util.HashSet<>();
        List<Positioned<ModuleContent.Section>> sections = new ArrayList<>();
        for (int i = 0; i < MAX_GROUPS && form.containsKey("section." + i + ".key"); i++) {
            String p = "section." + i + ".";
            if (form.containsKey(p + "remove")) continue;
            Localized sectionTitle = Localized.of(text(form, p + "title_es", MAX_TITLE, problems), text(form, p + "title_en", MAX_TITLE, problems));
            Localized body = Localized.of(text(form, p + "body_es", MAX_TEXT, problems), text(form, p + "body_en", MAX_TEXT, problems));
            if (sectionTitle.isBlank() && body.isBlank()) continue;
            if (sectionTitle.isBlank()) problems.add(new Problem("authoring.error.sectionTitle", String.valueOf(i + 1)));
            sections.add(new Positioned<>(position(form, p, i, problems),
                    new ModuleContent.Section(key(form.getFirst(p + "key"), "s-", keys), sectionTitle, body)));
        }
        List<Positioned<ModuleContent.Workshop>> workshops = new ArrayList<>();
        for (int i = 0; i < MAX_GROUPS && form.containsKey("workshop." + i + ".key"); i++) {
            String p = "workshop." + i + ".";
            if (form.containsKey(p + "remove")) continue;
            Localized workshopTitle = Localized.of(text(form, p + "title_es", MAX_TITLE, problems), text(form, p + "title_en", MAX_TITLE, problems));
            Localized outline = Localized.of(text(form, p + "outline_es", MAX_TEXT, problems), text(form, p + "outline_en", MAX_TEXT, problems));
            String date = text(form, p + "date", 10, problems);
            String facilitators = text(form, p + "facilitators", MAX_TITLE, problems);
            String time = text(form, p + "time", 5, problems);
            String end = text(form, p + "end", 5, problems);
            String place = text(form, p + "place", MAX_TITLE, problems).strip();
            String link = text(form, p + "link", 500, problems).strip();
            Localized notes = Localized.of(text(form, p + "notes_es", MAX_TEXT, problems), text(form, p + "notes_en", MAX_TEXT, problems));
            if (workshopTitle.isBlank() && outline.isBlank() && date.isBlank() && facilitators.isBlank() && place.isBlank() && link.isBlank()
                    && notes.isBlank()) continue;
            if (workshopTitle.isBlank()) problems.add(new Problem("authoring.error.workshopTitle", String.valueOf(i + 1)));
            if (!date.isBlank()) {
                try {
                    LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem("authoring.error.date", date));
                }
            }
            java.time.LocalTime starts = clock(time, problems);
            java.time.LocalTime ends = clock(end, problems);
            if (ends != null && (starts == null || !ends.isAfter(starts))) problems.add(new Problem("authoring.error.end", end));
            // A meeting link people will follow: an absolute http(s) address, nothing else (no javascript:, no file:).
            if (!link.isBlank() && !link.matches("(?i)https?://[^\\s<>\"]+")) problems.add(new Problem("authoring.error.link", link));
            workshops.add(new Positioned<>(position(form, p, i, problems), new ModuleContent.Workshop(
                    key(form.getFirst(p + "key"), "taller-", keys), workshopTitle, outline, date, facilitators, time, end, place, link, notes)));
        }
        List<ModuleContent.ExerciseUse> exercises = new ArrayList<>();
        for (String name : form.keySet()) {
            if (!name.startsWith("exercise.")) continue;
            String template = name.substring("exercise.".length());
            String choice = form.getFirst(name);
            if (choice == null || choice.isBlank()) continue;
            if (!knownTemplates.contains(template)) {
                problems.add(new Problem("authoring.error.template", template));
            } else if (!"required".equals(choice) && !"optional".equals(choice)) {
                problems.add(new Problem("authoring.error.template", template));
            } else {
                exercises.add(new ModuleContent.ExerciseUse(template, "required".equals(choice)));
            }
        }
        // The order the author set (a position typed, or moved up or down); otherwise the order the module
        // had, so a save of any text never re-sorts them; ones newly chosen come after.
        List<String> order = before.stream().map(ModuleContent.ExerciseUse::template).toList();
        java.util.Map<String, Double> positions = new java.util.HashMap<>();
        for (ModuleContent.ExerciseUse e : exercises) {
            int previous = order.indexOf(e.template());
            double fallback = previous >= 0 ? previous + 1 : order.size() + 1 + 0.5;
            positions.put(e.template(), exercisePosition(form.getFirst("exercise-position." + e.template()), fallback, problems));
        }
        String move = form.getFirst("action");
        // On a tie, the exercise whose number was changed takes the place asked for; the others keep their order.
        exercises.sort(Comparator.comparingDouble((ModuleContent.ExerciseUse e) -> positions.get(e.template()))
                .thenComparingInt(e -> positions.get(e.template()) == order.indexOf(e.template()) + 1 ? 1 : 0)
                .thenComparingInt(e -> order.contains(e.template()) ? order.indexOf(e.template()) : order.size())
                .thenComparing(ModuleContent.ExerciseUse::template));
        if (move != null && (move.startsWith("exercise-up.") || move.startsWith("exercise-down."))) {
            String template = move.substring(move.indexOf('.') + 1);
            int at = java.util.stream.IntStream.range(0, exercises.size()).filter(i -> exercises.get(i).template().equals(template))
                    .findFirst().orElse(-1);
            int to = move.startsWith("exercise-up.") ? at - 1 : at + 1;
            if (at >= 0 && to >= 0 && to < exercises.size()) java.util.Collections.swap(exercises, at, to);
        }
        int points = ModuleContent.DEFAULT_POINTS;
        String pointsText = form.getFirst("points");
        if (pointsText != null && !pointsText.isBlank()) {
            try {
                points = Integer.parseInt(pointsText.strip());
                if (points < 1 || points > ModuleContent.MAX_POINTS) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add(new Problem("authoring.error.points", pointsText.strip()));
                points = ModuleContent.DEFAULT_POINTS;
            }
        }
        ModuleContent content = new ModuleContent(title, goals, ordered(sections), ordered(workshops), exercises, points);
        return new Result(content, problems);
    }

    /** A new, empty section or workshop key. */
    static String newKey(String prefix) {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private record Positioned<T>(double position, T item) {
    }

    private static <T> List<T> ordered(List<Positioned<T>> items) {
        return items.stream().sorted(Comparator.comparingDouble(Positioned::position)).map(Positioned::item).toList();
    }

    /** The position the author typed; ties keep the form's order. */
    private static double position(MultivaluedMap<String, String> form, String prefix, int index, List<Problem> problems) {
        String value = form.getFirst(prefix + "position");
        if (value == null || value.isBlank()) return index + 1;
        try {
            return Integer.parseInt(value.strip()) + index / 1000.0;
        } catch (NumberFormatException e) {
            problems.add(new Problem("authoring.error.position", value));
            return index + 1;
        }
    }

    /** A time of day as typed (HH:mm); null when blank, null and a problem when unreadable. */
    private static java.time.LocalTime clock(String value, List<Problem> problems) {
        if (value.isBlank()) return null;
        try {
            return java.time.LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("authoring.error.time", value));
            return null;
        }
    }

    /** A position typed beside an exercise; the fallback when none, the fallback and a problem when not a number. */
    private static double exercisePosition(String value, double fallback, List<Problem> problems) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem("authoring.error.position", value));
            return fallback;
        }
    }

    /** The group's key when well-formed and not used twice in the form; a fresh one otherwise. */
    private static String key(String given, String prefix, Set<String> seen) {
        String key = given != null && KEY.matcher(given).matches() && !seen.contains(given) ? given : newKey(prefix);
        seen.add(key);
        return key;
    }

    private static String text(MultivaluedMap<String, String> form, String name, int max, List<Problem> problems) {
        String value = form.getFirst(name);
        if (value == null) return "";
        if (value.length() > max) problems.add(new Problem("authoring.error.tooLong", String.valueOf(max)));
        return value;
    }
}
