package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.innovadores.runtime.Sql;

/**
 * Re-evaluates people's completion of a module whenever something it depends on changes (content
 * read, a recording watched, an exercise handed in or sent back, a change of team) and reports a
 * change of state to the LMS: InProgress while partial, Completed with 100 when complete. The state
 * last reported is kept with the person's progress and claimed by a conditional update, so each
 * change is reported once, however many events or instances see it.
 */
@ApplicationScoped
public class ModuleStandings {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    @Inject
    Programs programs;

    @Inject
    ModuleMedia media;

    @Inject
    TeamProgress teams;

    @Inject
    Sql db;

    @Inject
    Event<Outcome> outcomes;

    /** In the caller's transaction when it has one, so the report is written with the change. */
    @Transactional
    public void reevaluate(Program program, String moduleKey, Collection<String> subjects) {
        for (String subject : subjects) {
            for (Programs.Listed listed : programs.listing(program, false, subject)) {
                if (listed.module().key().equals(moduleKey)) report(program, listed, subject);
            }
        }
    }

    /** Every module of the course for one person: after they joined, left or changed team. */
    @Transactional
    public void reevaluateAll(Program program, String subject) {
        for (Programs.Listed listed : programs.listing(program, false, subject)) report(program, listed, subject);
    }

    public static Completion of(Programs.Listed listed, Map<String, ModuleMedia.Watched> watched,
                                Optional<Map<String, Set<String>>> team) {
        return Completion.of(listed.module().content(), listed.progress(), watched.get(listed.module().key()), team,
                listed.module().key());
    }

    private void report(Program program, Programs.Listed listed, String subject) {
        if (listed.progress() == null) return; // never opened: nothing to report yet
        Completion completion = of(listed, media.watched(program, subject), teams.handedIn(program, subject));
        String state = completion.complete() ? COMPLETED : IN_PROGRESS;
        java.time.OffsetDateTime completedAt = completion.complete() ? org.innovadores.runtime.Now.utc() : null;
        if (db.update("UPDATE module_progress SET reported_state = ?, completed_at = ? WHERE module_id = ? AND subject = ? "
                + "AND (reported_state IS NULL OR reported_state <> ?)", state, completedAt, listed.module().id(), subject, state) == 0) {
            return;
        }
        String item = ProgramItems.module(listed.module());
        double points = listed.module().content().points();
        outcomes.fire(completion.complete()
                ? new Outcome(program, item, List.of(subject), "Completed", "FullyGraded", points, points, null)
                : new Outcome(program, item, List.of(subject), "InProgress", "NotReady", null, points, null));
    }
}
