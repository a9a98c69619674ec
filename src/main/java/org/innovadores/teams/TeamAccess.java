package org.innovadores.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import org.innovadores.participants.Role;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseVisited;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;

/**
 * Who may do what with a team, decided from the session alone: participants their own team,
 * mentors the teams assigned to them, instructors (and LMS administrators) every team of their
 * course. A team of another course, or one the person may not see, is "not found".
 */
@ApplicationScoped
public class TeamAccess {

    @Inject
    Teams teams;

    /** A person's relation to one team. */
    public record Seat(Visit visit, Team team, boolean member, boolean mentor) {
        public boolean instructor() {
            return visit.canAuthor();
        }

        /** Members write the team's work. */
        public boolean canWrite() {
            return member;
        }

        /** Mentors of the team and instructors review and comment. */
        public boolean canReview() {
            return mentor || instructor();
        }

        public String subject() {
            return visit.session().subject();
        }

        public String name() {
            return visit.session().displayName();
        }
    }

    /** Every overview page fires the visit, and once an hour per person is enough. */
    private final org.innovadores.runtime.Recently recorded = new org.innovadores.runtime.Recently(java.time.Duration.ofHours(1));

    void remember(@Observes CourseVisited visit) {
        ToolSession session = visit.session();
        if (!recorded.due(visit.program().id() + "|" + session.subject() + "|" + session.role() + "|" + session.displayName())) return;
        teams.seen(visit.program().id(), session.subject(), session.displayName(), session.role().name());
    }

    public Seat seat(Visit visit, String teamId) {
        UUID id = Ids.uuid(teamId);
        Team team = teams.find(visit.requireProgram().id(), id).orElseThrow(() -> ClientError.notFound("error.notFound"));
        String subject = visit.session().subject();
        boolean member = teams.teamOf(team.programId(), subject).map(team.id()::equals).orElse(false);
        boolean mentor = visit.session().role() == Role.MENTOR && teams.mentors(team, subject);
        Seat seat = new Seat(visit, team, member, mentor);
        if (!member && !mentor && !CourseProgram.canAuthor(visit.session())) throw ClientError.notFound("error.notFound");
        return seat;
    }
}
