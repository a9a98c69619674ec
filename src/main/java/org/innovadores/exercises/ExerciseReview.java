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
            case DRAFT -> null;
        };
        if (outcome != null && !members.isEmpty()) outcomes.fire(outcome);
        // Handed in, or sent back: the module's completion of every member may have changed.
        standings.reevaluate(program, exercise.moduleKey(), members);
    }
}
