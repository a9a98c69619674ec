package org.innovadores.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.innovadores.program.Program;
import org.innovadores.program.Programs;
import org.innovadores.runtime.Sql;

/**
 * The program's cohorts side by side, for the deployment's administrators and the program's owner
 * (its researcher monitors cohorts): every course of one deployment with the same indicators the
 * cohort page shows. Only courses of that deployment; never another tenant's.
 */
@ApplicationScoped
public class Monitoring {

    @Inject
    Cohort cohort;

    @Inject
    Programs programs;

    @Inject
    Sql db;

    /** One course's indicators; {@code completedShare} is per module, the share of participants who completed it. */
    public record Course(Program program, String contextId, int participants, int teams, int withoutTeam, int inactive,
                         int reviewsWaiting, long oldestWaitDays, int completed, int possible, List<Integer> completedShare) {
        public int percent() {
            return possible == 0 ? 0 : (int) Math.round(100.0 * completed / possible);
        }
    }

    public List<Course> of(UUID deployment) {
        List<UUID> ids = new ArrayList<>();
        db.query("SELECT id FROM program WHERE deployment_id = ? ORDER BY created_at", row -> ids.add(Sql.uuid(row, 1)),
                deployment);
        List<Course> courses = new ArrayList<>();
        for (UUID id : ids) {
            Program program = programs.find(id).orElse(null);
            if (program == null) continue;
            Cohort.Snapshot s = cohort.of(program);
            int completed = s.counts().stream().mapToInt(Cohort.ModuleCount::completed).sum();
            int possible = s.counts().stream().mapToInt(Cohort.ModuleCount::total).sum();
            List<Integer> shares = s.counts().stream()
                    .map(c -> c.total() == 0 ? 0 : (int) Math.round(100.0 * c.completed() / c.total())).toList();
            long oldest = s.reviewQueue().isEmpty() ? 0 : s.reviewQueue().getFirst().waited().toDays();
            courses.add(new Course(program, program.contextId(), s.participants(), s.teams().size(), s.withoutTeam().size(),
                    s.inactive().size(), s.reviewQueue().size(), oldest, completed, possible, shares));
        }
        return courses;
    }
}
