package org.innovadores.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.innovadores.exercises.ExerciseEvent;
import org.innovadores.runtime.Sql;
import org.innovadores.teams.Team;
import org.innovadores.teams.Teams;

/**
 * Who hears of what happens to a team's exercise: its mentors (or, without one, the course's
 * instructors) when it is handed in; the team when changes are asked for, when it is accepted and
 * when a mentor or instructor comments; the author of a comment when someone answers it. Written
 * in the transaction of the event.
 */
@ApplicationScoped
public class TeamNotices {

    @Inject
    Notifications notifications;

    @Inject
    Teams teams;

    @Inject
    Sql db;

    void heard(@Observes ExerciseEvent event) {
        Team team = teams.find(event.program().id(), event.team()).orElse(null);
        if (team == null) return;
        Set<String> to = new LinkedHashSet<>();
        Notifications.Kind kind;
        String actor = event.authorName();
        switch (event.kind()) {
            case SUBMITTED -> {
                kind = Notifications.Kind.SUBMITTED;
                actor = team.name();
                to.addAll(reviewers(team));
            }
            case CHANGES_REQUESTED -> {
                kind = Notifications.Kind.CHANGES_REQUESTED;
                to.addAll(event.members());
            }
            case ACCEPTED -> {
                kind = Notifications.Kind.ACCEPTED;
                to.addAll(event.members());
            }
            case COMMENTED -> {
                kind = Notifications.Kind.COMMENTED;
                if (event.replyTo() != null) to.add(event.replyTo());
                if (!event.byMember()) to.addAll(event.members());
                else if (event.replyTo() == null) to.addAll(reviewers(team));
            }
            default -> throw new IllegalArgumentException(event.kind().name());
        }
        to.remove(event.author());
        if (to.isEmpty()) return;
        notifications.notify(event.program(), to, kind, actor, event.title(), event.text(), event.path(), null);
    }

    /** The team's mentors; without one, the course's instructors, so a hand-in never goes unseen. */
    private List<String> reviewers(Team team) {
        List<String> mentors = teams.mentors(team);
        if (!mentors.isEmpty()) return mentors;
        List<String> instructors = new ArrayList<>();
        db.query("SELECT subject FROM course_member WHERE program_id = ? AND role = 'INSTRUCTOR'", row -> instructors.add(row.getString(1)),
                team.programId());
        return instructors;
    }
}
