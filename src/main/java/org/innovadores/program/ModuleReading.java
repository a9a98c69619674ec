package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Marks a module's content read and reports the module's new standing, in one transaction. */
@ApplicationScoped
public class ModuleReading {

    @Inject
    Progress progress;

    @Inject
    Event<Outcome> outcomes;

    @Transactional
    public void read(Program program, ProgramModule module, String subject, Completion before) {
        progress.contentRead(module, subject);
        Completion after = new Completion(true, true, before.recordingsWatched(), before.recordings(), before.exercisesSubmitted(),
                before.exercisesRequired());
        outcomes.fire(after.complete()
                ? new Outcome(program, ProgramItems.module(module), List.of(subject), "Completed", "FullyGraded", 100.0, null)
                : new Outcome(program, ProgramItems.module(module), List.of(subject), "InProgress", "NotReady", null, null));
    }
}
