package org.innovadores.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.innovadores.program.Outcome;

/** Turns each outcome into queued scores, inside the transaction that fired it. */
@ApplicationScoped
public class OutcomeRecorder {

    @Inject
    ScoreOutbox outbox;

    void record(@Observes Outcome outcome) {
        outbox.enqueue(outcome.program().id(), outcome.item(), outcome.users().stream()
                .map(user -> new ScoreOutbox.Score(user, outcome.score(), outcome.score() == null ? null : outcome.maximum(), outcome.activity(),
                        outcome.grading(), outcome.comment()))
                .toList());
    }
}
