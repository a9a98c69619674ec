package org.innovadores.program;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of program items as LMS links carry them (custom parameter {@code item}): "program",
 * "module/{key}", "workshop/{module}/{workshop}", "exercise/{module}/{template}". Keys, not database
 * ids, so a link keeps working in the course's copy of the program and after a course copy.
 */
public final class ProgramItems {

    public static final String CUSTOM_PARAMETER = "item";
    private static final Pattern ITEM = Pattern.compile(
            "program|module/([a-z0-9-]{1,100})|(workshop|exercise)/([a-z0-9-]{1,100})/([a-z0-9-]{1,100})");

    private ProgramItems() {
    }

    /** The tool page an item opens, when the name is well-formed. */
    public static Optional<String> path(String item) {
        if (item == null) return Optional.empty();
        Matcher m = ITEM.matcher(item);
        if (!m.matches()) return Optional.empty();
        if (item.equals("program")) return Optional.of("/course");
        if (m.group(1) != null) return Optional.of("/course/modules/" + m.group(1));
        String kind = m.group(2).equals("workshop") ? "workshops" : "exercises";
        return Optional.of("/course/modules/" + m.group(3) + "/" + kind + "/" + m.group(4));
    }

    public static String module(ProgramModule module) {
        return "module/" + module.key();
    }

    public static String workshop(ProgramModule module, ModuleContent.Workshop workshop) {
        return "workshop/" + module.key() + "/" + workshop.key();
    }

    public static String exercise(ProgramModule module, ModuleContent.ExerciseUse exercise) {
        return exercise(module.key(), exercise.template());
    }

    public static String exercise(String moduleKey, String template) {
        return "exercise/" + moduleKey + "/" + template;
    }
}
