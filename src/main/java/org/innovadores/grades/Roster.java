package org.innovadores.grades;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.innovadores.lti.NamesRoles;
import org.innovadores.lti.ServiceTokens;
import org.innovadores.participants.Role;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;
import org.innovadores.teams.Teams;

/**
 * The course roster from the LMS (NRPS): fetched whole, page by page, on an instructor's request and
 * every hour; its people join the course's people list, so instructors form teams from it and see
 * who has not joined one yet.
 */
@Singleton
public class Roster {

    /** Whose turn it is across the cluster: one instance runs this per period. */
    @jakarta.inject.Inject
    org.innovadores.runtime.ClusterTasks tasks;

    private static final Logger LOG = Logger.getLogger(Roster.class.getName());

    @Inject
    NamesRoles nrps;

    @Inject
    CourseServices services;

    @Inject
    Teams teams;

    @Inject
    Sql db;

    /** Answers how many members the LMS listed. */
    public int refresh(UUID program) throws ServiceTokens.Unavailable {
        CourseServices.Services course = services.services(program)
                .orElseThrow(() -> new ServiceTokens.Unavailable(404, "no roster service for this course"));
        if (course.memberships() == null) throw new ServiceTokens.Unavailable(404, "no roster service for this course");
        List<NamesRoles.Member> members = nrps.members(course.platform(), course.memberships());
        OffsetDateTime now = Now.utc();
        for (NamesRoles.Member member : members) {
            String role = Role.fromLti(member.roles()).name();
            if (db.update("UPDATE roster_member SET name = ?, email = ?, role = ?, status = ?, refreshed_at = ? WHERE program_id = ? "
                    + "AND user_id = ?", member.name(), member.email(), role, member.status(), now, program, member.userId()) == 0) {
                db.update("INSERT INTO roster_member (program_id, user_id, name, email, role, status, refreshed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", program, member.userId(), member.name(), member.email(), role, member.status(), now);
            }
            if ("Active".equalsIgnoreCase(member.status())) teams.seen(program, member.userId(), member.name(), role);
        }
        return members.size();
    }

    // Each claim and outcome commits on its own, never held across a call to the LMS: another instance sees
    // them at once, and a killed instance leaves nothing rolled back that the LMS already has.
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    @Schedule(hour = "*", minute = "41", persistent = false)
    void hourly() {
        if (!tasks.turn("roster", java.time.Duration.ofHours(1))) return; // another instance refreshes them this hour
        for (CourseServices.Services course : services.all()) {
            if (course.memberships() == null) continue;
            try {
                refresh(course.program());
            } catch (ServiceTokens.Unavailable | RuntimeException e) {
                LOG.warning(() -> "Roster of program " + course.program() + " not refreshed: " + e.getMessage());
            }
        }
    }
}
