package org.innovadores.program;

import java.util.List;

/**
 * Something that changes people's standing in one of the course's items (a module read, an exercise
 * submitted or reviewed), fired inside the transaction that records it, so whatever reports it to the
 * LMS is written in that same transaction.
 *
 * @param item     the item's name as LMS links carry it ({@link ProgramItems})
 * @param activity AGS activityProgress: Started, InProgress, Submitted, Completed
 * @param grading  AGS gradingProgress: NotReady, Pending, PendingManual, FullyGraded
 * @param score    out of {@code maximum}, or null when there is none yet
 * @param maximum  what a full score is: 100, or the points the instructor gave a module
 */
public record Outcome(Program program, String item, List<String> users, String activity, String grading, Double score,
                      Double maximum, String comment) {

    /** An outcome scored out of 100. */
    public Outcome(Program program, String item, List<String> users, String activity, String grading, Double score, String comment) {
        this(program, item, users, activity, grading, score, 100.0, comment);
    }
}
