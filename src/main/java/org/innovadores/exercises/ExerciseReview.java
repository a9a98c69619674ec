package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.innovadores.program.Outcome;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramItems;

/**
 * An exercise's status change and what it means for each member of the team in the gradebook
 * (Submitted; after review FullyGraded with the reviewer's score, or a completion score), written in
 * one transaction.
 */
@ApplicationScoped
public class ExerciseReview {

    @Inject
    Exercises exercises;

    @Inject
    Event<Outcome> outcomes;

    @Inject
    org.innovadores.program.ModuleStandings standings;

    @Inject
    Event<ExerciseEvent> events;

    @Transactional
    public void change(Program program, Exercise exercise, Exercise.Status status, Double score, String reason, List<String> members,
                       String author, String authorName) {
        exercises.setStatus(exercise.teamId(), exercise.id(), status, author, authorName);
        if (reason != null) exercises.comment(exercise.id(), null, null, reason, author, authorName);
        String item = ProgramItems.exercise(exercise.moduleKey(), exercise.templateKey());
        Outcome outcome = switch (status) {
            case SUBMITTED -> new Outcome(program, item, members, "Submitted", "PendingManual", null, null);
            case CHANGES_REQUESTED -> new Outcome(program, item, members, "InProgress", "Pending", null, reason);
            case ACCEPTED -> new Outcome(program, item, members, "Completed", "FullyGraded", score == null ? 100.0 : score, null);
            case DRAFT -> new Outcome(program, item, members, "InProgress", "NotReady", null, null); // taken back
            case DELETED -> throw new IllegalArgumentException("a draft is deleted through Exercises.deleteDraft");
        };
        if (outcome != null && !members.isEmpty()) outcomes.fire(outcome);
        ExerciseEvent.Kind kind = switch (status) {
            case SUBMITTED -> ExerciseEvent.Kind.SUBMITTED;
            case CHANGES_REQUESTED -> ExerciseEvent.Kind.CHANGES_REQUESTED;
            case ACCEPTED -> ExerciseEvent.Kind.ACCEPTED;
            case DRAFT, DELETED -> null;
        };
        if (kind != null) {
            events.fire(new ExerciseEvent(program, exercise.teamId(), exercise.id(), exercise.title(), kind, author, authorName,
                    members.contains(author), reason, null, members));
        }
        // Handed in, or sent back: the module's completion of every member may have changed.
        standings.reevaluate(program, exercise.moduleKey(), members);
    }

    /** A comment on the exercise (or an answer to one), and whoever it is addressed to hears of it. */
    @Transactional
    public void comment(Program program, Exercise exercise, String field, Exercises.Comment parent, String text, List<String> members,
                        String author, String authorName) {
        exercises.comment(exercise.id(), field, parent == null ? null : parent.id(), text, author, authorName);
        events.fire(new ExerciseEvent(program, exercise.teamId(), exercise.id(), exercise.title(), ExerciseEvent.Kind.COMMENTED, author,
                authorName, members.contains(author), text, parent == null ? null : parent.author(), members));
    }
}
