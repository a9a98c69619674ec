package org.innovadores.program;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far a participant is in a module, by the module's completion rules: its content read, its
 * recordings watched, its required exercises handed in by their team (submitted, in review or
 * accepted). A rule with nothing to do (no recordings yet, no required exercise) is met; required
 * exercises cannot be met without a team, and the page says so.
 */
public record Completion(boolean started, boolean contentRead, int recordingsWatched, int recordings,
                         int exercisesSubmitted, int exercisesRequired, boolean inTeam) {

    public enum State { NOT_STARTED, IN_PROGRESS, COMPLETED }

    public boolean recordingsDone() {
        return recordingsWatched >= recordings;
    }

    public boolean exercisesDone() {
        return exercisesSubmitted >= exercisesRequired;
    }

    public boolean complete() {
        return contentRead && recordingsDone() && exercisesDone();
    }

    public State state() {
        if (complete()) return State.COMPLETED;
        return started || contentRead ? State.IN_PROGRESS : State.NOT_STARTED;
    }

    /** Rules met out of three, for a short progress figure. */
    public int rulesMet() {
        return (contentRead ? 1 : 0) + (recordingsDone() ? 1 : 0) + (exercisesDone() ? 1 : 0);
    }

    /** One person's standing in one module, from their progress, their recordings and their team's exercises. */
    public static Completion of(ModuleContent content, Progress.Entry entry, ModuleMedia.Watched recordings,
                                Optional<Map<String, Set<String>>> team, String moduleKey) {
        ModuleMedia.Watched watched = recordings == null ? new ModuleMedia.Watched(0, 0) : recordings;
        Set<String> handedIn = team.map(t -> t.getOrDefault(moduleKey, Set.of())).orElse(Set.of());
        int submitted = (int) content.exercises().stream()
                .filter(use -> use.required() && handedIn.contains(use.template())).map(ModuleContent.ExerciseUse::template)
                .distinct().count();
        return new Completion(entry != null, entry != null && entry.contentRead() != null, watched.watched(),
                watched.recordings(), submitted, (int) content.requiredExercises(), team.isPresent());
    }
}
