package org.innovadores.program;

/**
 * How far a participant is in a module, by the module's completion rules: its content read, its
 * recordings watched, its required exercises submitted by their team. A rule with nothing to do
 * (no recordings yet, no required exercise) is met.
 */
public record Completion(boolean started, boolean contentRead, int recordingsWatched, int recordings,
                         int exercisesSubmitted, int exercisesRequired) {

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

    static Completion of(ModuleContent content, Progress.Entry entry, ModuleMedia.Watched recordings) {
        // Submissions arrive with the team exercises; until then no exercise counts as submitted.
        ModuleMedia.Watched watched = recordings == null ? new ModuleMedia.Watched(0, 0) : recordings;
        return new Completion(entry != null, entry != null && entry.contentRead() != null, watched.watched(),
                watched.recordings(), 0, (int) content.requiredExercises());
    }
}
