package org.innovadores.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * Teams, members, mentors, self-enrolment, the people of a course and mentoring logs, over plain
 * JDBC. Every lookup names the course's program, so a team of another course is simply not found.
 */
@ApplicationScoped
public class Teams {

    @Inject
    Sql db;

    /** Someone of the course (who has launched into it, or whom the LMS roster lists), and their e-mail when known. */
    public record Person(String subject, String name, String role, UUID team, String email) {
        public Person(String subject, String name, String role, UUID team) {
            this(subject, name, role, team, null);
        }
    }

    /** Self-enrolment as opened: team sizes and until when. */
    public record Enrolment(int minSize, int maxSize, Instant deadline) {
        public boolean open() {
            return Now.instant().isBefore(deadline);
        }
    }

    public record LogEntry(UUID id, LocalDate metOn, String attended, String notes, String agreements, String nextSteps,
                           String author, Instant createdAt) {
    }


    public void seen(UUID program, String subject, String name, String role) {
        OffsetDateTime now = Now.utc();
        if (update("UPDATE course_member SET display_name = ?, role = ?, last_seen = ? WHERE program_id = ? AND subject = ?",
                name, role, now, program, subject) == 0) {
            try {
                update("INSERT INTO course_member (program_id, subject, display_name, role, last_seen) VALUES (?, ?, ?, ?, ?)",
                        program, subject, name, role, now);
            } catch (IllegalStateException raced) {
                // Two first pages at once: the other one wrote it.
            }
        }
    }

    /** People in alphabetical order of their names (the database orders bytes: "Ñ" after "Z"), then by LMS id. */
    private static final java.util.Comparator<Person> BY_NAME = java.util.Comparator
            .comparing(Person::name, org.innovadores.web.Texts.ALPHABETICAL).thenComparing(Person::subject);

    public List<Person> people(UUID program) {
        List<Person> people = new ArrayList<>();
        query("SELECT c.subject, c.display_name, c.role, m.team_id, r.email FROM course_member c LEFT JOIN team_member m "
                + "ON m.program_id = c.program_id AND m.subject = c.subject LEFT JOIN roster_member r ON r.program_id = c.program_id "
                + "AND r.user_id = c.subject WHERE c.program_id = ? ORDER BY c.display_name, c.subject",
                row -> people.add(new Person(row.getString(1), row.getString(2), row.getString(3), Sql.uuid(row, 4),
                        row.getString(5))), program);
        people.sort(BY_NAME);
        return people;
    }

    public Team create(UUID program, String name, String institutions, String challenge, String sponsorName, String sponsorRole) {
        Team team = new Team(UUID.randomUUID(), program, name, institutions, challenge, sponsorName, sponsorRole);
        update("INSERT INTO team (id, program_id, name, institutions, challenge, sponsor_name, sponsor_role, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", team.id(), program, name, institutions, challenge, sponsorName, sponsorRole,
                Now.utc());
        return team;
    }

    public void edit(Team team, String name, String institutions, String challenge, String sponsorName, String sponsorRole) {
        update("UPDATE team SET name = ?, institutions = ?, challenge = ?, sponsor_name = ?, sponsor_role = ? WHERE id = ? "
                + "AND program_id = ?", name, institutions, challenge, sponsorName, sponsorRole, team.id(), team.programId());
    }

    public List<Team> of(UUID program) {
        List<Team> teams = new ArrayList<>();
        query("SELECT id, program_id, name, institutions, challenge, sponsor_name, sponsor_role FROM team WHERE program_id = ? "
                + "ORDER BY name", row -> teams.add(team(row)), program);
        teams.sort(java.util.Comparator.comparing(Team::name, org.innovadores.web.Texts.ALPHABETICAL));
        return teams;
    }

    public Optional<Team> find(UUID program, UUID id) {
        List<Team> teams = new ArrayList<>();
        query("SELECT id, program_id, name, institutions, challenge, sponsor_name, sponsor_role FROM team WHERE id = ? "
                + "AND program_id = ?", row -> teams.add(team(row)), id, program);
        return teams.stream().findFirst();
    }

    public Optional<UUID> teamOf(UUID program, String subject) {
        List<UUID> found = new ArrayList<>();
        query("SELECT team_id FROM team_member WHERE program_id = ? AND subject = ?", row -> found.add(Sql.uuid(row, 1)),
                program, subject);
        return found.stream().findFirst();
    }

    public List<Person> members(Team team) {
        List<Person> members = new ArrayList<>();
        query("SELECT m.subject, c.display_name, c.role, m.team_id FROM team_member m LEFT JOIN course_member c "
                + "ON c.program_id = m.program_id AND c.subject = m.subject WHERE m.team_id = ? ORDER BY c.display_name, m.subject",
                row -> members.add(new Person(row.getString(1), row.getString(2), row.getString(3), team.id())), team.id());
        members.sort(BY_NAME);
        return members;
    }

    /** Puts a person in a team, out of any other of the course (an instructor moving them). */
    public void place(Team team, String subject) {
        update("DELETE FROM team_member WHERE program_id = ? AND subject = ?", team.programId(), subject);
        update("INSERT INTO team_member (program_id, subject, team_id, joined_at) VALUES (?, ?, ?, ?)", team.programId(), subject,
                team.id(), Now.utc());
    }

    public void remove(UUID program, String subject) {
        update("DELETE FROM team_member WHERE program_id = ? AND subject = ?", program, subject);
    }

    /**
     * Self-enrolment: joins if the person is in no team and the team has room. The insert is the
     * check that a person is in one team only (the primary key), so two clicks cannot make two.
     */
    public boolean join(Team team, String subject, Enrolment enrolment) {
        if (!enrolment.open() || members(team).size() >= enrolment.maxSize()) return false;
        try {
            update("INSERT INTO team_member (program_id, subject, team_id, joined_at) VALUES (?, ?, ?, ?)", team.programId(), subject,
                    team.id(), Now.utc());
        } catch (IllegalStateException alreadyInATeam) {
            return false;
        }
        if (members(team).size() > enrolment.maxSize()) {
            // Someone else took the last place at the same moment.
            update("DELETE FROM team_member WHERE program_id = ? AND subject = ?", team.programId(), subject);
            return false;
        }
        return true;
    }

    public List<String> mentors(Team team) {
        List<String> mentors = new ArrayList<>();
        query("SELECT subject FROM team_mentor WHERE team_id = ? ORDER BY subject", row -> mentors.add(row.getString(1)), team.id());
        return mentors;
    }

    public boolean mentors(Team team, String subject) {
        return mentors(team).contains(subject);
    }

    public void assignMentor(Team team, String subject) {
        if (!mentors(team, subject)) update("INSERT INTO team_mentor (team_id, subject) VALUES (?, ?)", team.id(), subject);
    }

    public void unassignMentor(Team team, String subject) {
        update("DELETE FROM team_mentor WHERE team_id = ? AND subject = ?", team.id(), subject);
    }

    public Optional<Enrolment> enrolment(UUID program) {
        List<Enrolment> found = new ArrayList<>();
        query("SELECT min_size, max_size, deadline FROM team_enrolment WHERE program_id = ?", row -> found.add(new Enrolment(
                row.getInt(1), row.getInt(2), Sql.time(row, 3).toInstant())), program);
        return found.stream().findFirst();
    }

    public void openEnrolment(UUID program, int min, int max, Instant deadline) {
        update("DELETE FROM team_enrolment WHERE program_id = ?", program);
        update("INSERT INTO team_enrolment (program_id, min_size, max_size, deadline) VALUES (?, ?, ?, ?)", program, min, max,
                OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC));
    }

    public void closeEnrolment(UUID program) {
        update("DELETE FROM team_enrolment WHERE program_id = ?", program);
    }

    public void log(Team team, LocalDate metOn, String attended, String notes, String agreements, String nextSteps, String author) {
        update("INSERT INTO mentoring_log (id, team_id, met_on, attended, notes, agreements, next_steps, author, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), team.id(), metOn, attended, notes, agreements, nextSteps,
                author, Now.utc());
    }

    public List<LogEntry> log(Team team) {
        List<LogEntry> entries = new ArrayList<>();
        query("SELECT id, met_on, attended, notes, agreements, next_steps, author, created_at FROM mentoring_log WHERE team_id = ? "
                + "ORDER BY met_on DESC, created_at DESC", row -> entries.add(new LogEntry(Sql.uuid(row, 1),
                Sql.date(row, 2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), Sql.time(row, 8).toInstant())), team.id());
        return entries;
    }

    private static Team team(ResultSet row) throws SQLException {
        return new Team(Sql.uuid(row, 1), Sql.uuid(row, 2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7));
    }


    private void query(String sql, Sql.Rows reader, Object... values) {
        db.query(sql, reader, values);
    }

    private int update(String sql, Object... values) {
        return db.update(sql, values);
    }
}
