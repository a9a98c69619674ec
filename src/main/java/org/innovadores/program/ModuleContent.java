package org.innovadores.program;

import java.util.List;
import java.util.Optional;

/**
 * Everything an instructor edits in a module, as one document: a revision is a copy of it, restoring
 * puts a copy back, and copying a program for a course copies these documents.
 *
 * @param goals     the learning goals, Markdown
 * @param sections  the content, in reading order
 * @param workshops the live sessions of the module (the recordings attach to them)
 * @param exercises the exercise templates the module asks teams to complete
 */
public record ModuleContent(Localized title, Localized goals, List<Section> sections, List<Workshop> workshops,
                            List<ExerciseUse> exercises) {

    public ModuleContent {
        title = title == null ? Localized.empty() : title;
        goals = goals == null ? Localized.empty() : goals;
        sections = sections == null ? List.of() : List.copyOf(sections);
        workshops = workshops == null ? List.of() : List.copyOf(workshops);
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
    }

    /** A section of content; {@code key} stays the same across edits, reorders and course copies. */
    public record Section(String key, Localized title, Localized body) {
    }

    /**
     * A workshop: a live session with its outline; {@code date} is ISO (yyyy-mm-dd) or blank until the
     * course sets it.
     */
    public record Workshop(String key, Localized title, Localized outline, String date, String facilitators) {
    }

    /** An exercise template the module uses; a required one counts toward the module's completion. */
    public record ExerciseUse(String template, boolean required) {
    }

    public Optional<Workshop> workshop(String key) {
        return workshops.stream().filter(w -> w.key().equals(key)).findFirst();
    }

    public Optional<ExerciseUse> exercise(String template) {
        return exercises.stream().filter(e -> e.template().equals(template)).findFirst();
    }

    public long requiredExercises() {
        return exercises.stream().filter(ExerciseUse::required).count();
    }
}
