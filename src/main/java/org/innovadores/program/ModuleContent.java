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
 * @param points    what completing the module is worth in the LMS gradebook (100 unless the instructor chose)
 */
public record ModuleContent(Localized title, Localized goals, List<Section> sections, List<Workshop> workshops,
                            List<ExerciseUse> exercises, Integer points) {

    public static final int DEFAULT_POINTS = 100;
    public static final int MAX_POINTS = 1000;

    public ModuleContent(Localized title, Localized goals, List<Section> sections, List<Workshop> workshops, List<ExerciseUse> exercises) {
        this(title, goals, sections, workshops, exercises, DEFAULT_POINTS);
    }

    /** The constructor documents are read with (a module saved before points existed has none: 100). */
    @jakarta.json.bind.annotation.JsonbCreator
    public ModuleContent {
        points = points == null || points < 1 || points > MAX_POINTS ? DEFAULT_POINTS : points;
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
     * course sets it, {@code time} its start and {@code end} its end (HH:mm, in the course's time zone)
     * or blank; {@code place} where it meets and {@code link} its online meeting (an http(s) URL), either
     * or both or neither. {@code notes}: the facilitators' notes (goals, timing, materials, pitfalls),
     * shown to instructors only.
     */
    public record Workshop(String key, Localized title, Localized outline, String date, String facilitators, String time,
                           String end, String place, String link, Localized notes) {

        public Workshop(String key, Localized title, Localized outline, String date, String facilitators, String time,
                        String end, String place, String link) {
            this(key, title, outline, date, facilitators, time, end, place, link, Localized.empty());
        }

        public Workshop(String key, Localized title, Localized outline, String date, String facilitators) {
            this(key, title, outline, date, facilitators, "");
        }

        public Workshop(String key, Localized title, Localized outline, String date, String facilitators, String time) {
            this(key, title, outline, date, facilitators, time, "", "", "");
        }

        @jakarta.json.bind.annotation.JsonbCreator
        public Workshop {
            time = time == null ? "" : time;
            end = end == null ? "" : end;
            place = place == null ? "" : place;
            link = link == null ? "" : link;
            notes = notes == null ? Localized.empty() : notes;
        }

        /** When it ends in the given zone: its end time that day, when both are set. */
        public java.util.Optional<java.time.ZonedDateTime> finish(java.time.ZoneId zone) {
            if (end.isBlank()) return java.util.Optional.empty();
            return start(zone).flatMap(begin -> {
                try {
                    return java.util.Optional.of(begin.with(java.time.LocalTime.parse(end.strip())));
                } catch (java.time.format.DateTimeParseException unreadable) {
                    return java.util.Optional.empty();
                }
            });
        }

        /** When it starts in the given zone: its time, or the start of its day; empty without a readable date. */
        public java.util.Optional<java.time.ZonedDateTime> start(java.time.ZoneId zone) {
            if (date == null || date.isBlank()) return java.util.Optional.empty();
            try {
                java.time.LocalDate day = java.time.LocalDate.parse(date.strip());
                java.time.LocalTime at = time.isBlank() ? java.time.LocalTime.MIDNIGHT : java.time.LocalTime.parse(time.strip());
                return java.util.Optional.of(java.time.ZonedDateTime.of(day, at, zone));
            } catch (java.time.format.DateTimeParseException unreadable) {
                return java.util.Optional.empty();
            }
        }

        public boolean timed() {
            return !time.isBlank();
        }
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
