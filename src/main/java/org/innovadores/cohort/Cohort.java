package org.innovadores.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.innovadores.program.Completion;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.ModuleMedia;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.program.Progress;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * The whole course at a glance, read for instructors: every participant's standing in every module
 * (by the same rules their own pages use), each team's required exercises, what waits for review,
 * who has no team and who has not come back for two weeks. A fixed number of queries whatever the
 * course's size: one per kind of thing, never one per team or per person.
 */
@ApplicationScoped
public class Cohort {

    static final Duration INACTIVE_AFTER = Duration.ofDays(14);

    @Inject
    Programs programs;

    @Inject
    Sql db;

    @Inject
    ModuleMedia media;

    public record Person(String subject, String name, String role, UUID team, Instant lastSeen) {
        public String shown() {
            return name == null || name.isBlank() ? subject : name;
        }

        public boolean participant() {
            return "PARTICIPANT".equals(role);
        }
    }

    public record Team(UUID id, String name, List<String> mentors) {
    }

    public record Exercise(UUID id, UUID team, String moduleKey, String templateKey, String title, String status, Instant updatedAt) {
    }

    /** One participant in one module. */
    public record Standing(Person person, ProgramModule module, Completion completion, Instant contentRead) {
    }

    /** A team in a module: members who completed it, and its required exercises handed in. */
    public record Cell(int completed, int members, int handedIn, int required) {
    }

    public record TeamRow(Team team, List<Cell> cells) {
    }

    /** How many participants are in each state of a module, for the chart and its table. */
    public record ModuleCount(ProgramModule module, int notStarted, int inProgress, int completed) {
        public int total() {
            return notStarted + inProgress + completed;
        }
    }

    public record Waiting(Exercise exercise, Team team, Duration waited) {
    }

    /** One week of the cohort (starting Monday, in the course's time zone): modules completed so far, reviews waiting at its end. */
    public record Week(java.time.LocalDate start, int completedSoFar, int reviewsWaiting) {
    }

    /** A workshop and how many participants watched its recordings. */
    public record WorkshopViews(ProgramModule module, org.innovadores.program.ModuleContent.Workshop workshop, int viewers) {
    }

    public record Snapshot(List<ProgramModule> modules, List<Person> people, List<TeamRow> teams, List<ModuleCount> counts,
                           List<Waiting> reviewQueue, List<Person> withoutTeam, List<Person> inactive,
                           List<Standing> standings, List<Exercise> exercises, Map<UUID, Team> teamsById,
                           List<Week> weeks, List<WorkshopViews> workshopViews, Map<UUID, int[]> sessionsByTeamAndWeek,
                           int participants) {
        public int[] sessions(UUID team) {
            return sessionsByTeamAndWeek.getOrDefault(team, new int[weeks.size()]);
        }
    }

    /** How many weeks the charts and the mentoring table look back, this one included. */
    static final int WEEKS = 12;



    /** The course as exports and other views read it: standings, teams, queue; no weeks. */
    public Snapshot of(Program program) {
        return of(program, null);
    }

    /**
     * The course; with a time zone, also its last {@value #WEEKS} weeks in that zone (modules completed
     * so far, reviews waiting, mentoring sessions per team) and each workshop's viewers, for the page.
     */
    public Snapshot of(Program program, java.time.ZoneId zone) {
        Instant now = Now.instant();
        // The listing reads the modules without their texts (parsed once per revision and shared).
        List<ProgramModule> modules = programs.listing(program, false, "").stream().map(Programs.Listed::module).toList();

        Map<String, Person> readPeople = new LinkedHashMap<>();
        db.query("SELECT c.subject, c.display_name, c.role, c.last_seen, m.team_id FROM course_member c LEFT JOIN team_member m "
                        + "ON m.program_id = c.program_id AND m.subject = c.subject WHERE c.program_id = ? ORDER BY c.display_name, c.subject",
                row -> readPeople.put(row.getString(1), new Person(row.getString(1), row.getString(2), row.getString(3),
                        Sql.uuid(row, 5), Sql.time(row, 4).toInstant())), program.id());

        Map<UUID, List<String>> mentors = new HashMap<>();
        db.query("SELECT tm.team_id, COALESCE(c.display_name, tm.subject) FROM team_mentor tm JOIN team t ON t.id = tm.team_id "
                        + "LEFT JOIN course_member c ON c.program_id = t.program_id AND c.subject = tm.subject WHERE t.program_id = ? "
                        + "ORDER BY 2", row -> mentors.computeIfAbsent(Sql.uuid(row, 1), k -> new ArrayList<>()).add(row.getString(2)),
                program.id());
        Map<UUID, Team> readTeams = new LinkedHashMap<>();
        db.query("SELECT id, name FROM team WHERE program_id = ? ORDER BY name", row -> {
            UUID id = Sql.uuid(row, 1);
            readTeams.put(id, new Team(id, row.getString(2), mentors.getOrDefault(id, List.of())));
        }, program.id());
        // Alphabetical as people read it (the database orders bytes: "Ñandutí" after "Yacyretá").
        Map<String, Person> people = sorted(readPeople, java.util.Comparator.comparing(Person::name, org.innovadores.web.Texts.ALPHABETICAL)
                .thenComparing(Person::subject));
        Map<UUID, Team> teams = sorted(readTeams, java.util.Comparator.comparing(Team::name, org.innovadores.web.Texts.ALPHABETICAL));

        Map<String, Progress.Entry> progress = new HashMap<>(); // module id + subject
        db.query("SELECT p.module_id, p.subject, p.first_visit_at, p.last_visit_at, p.content_read_at FROM module_progress p "
                        + "JOIN program_module m ON m.id = p.module_id WHERE m.program_id = ?", row -> {
                    OffsetDateTime read = Sql.time(row, 5);
                    UUID module = Sql.uuid(row, 1);
                    progress.put(module + "\n" + row.getString(2), new Progress.Entry(module,
                            Sql.time(row, 3).toInstant(), Sql.time(row, 4).toInstant(),
                            read == null ? null : read.toInstant()));
                }, program.id());

        ModuleMedia.CourseWatched watched = media.watchedByEveryone(program);

        List<Exercise> exercises = new ArrayList<>();
        Map<UUID, Map<String, Set<String>>> handedIn = new HashMap<>();
        db.query("SELECT e.id, e.team_id, e.module_key, e.template_key, e.title, e.status, e.updated_at FROM exercise e "
                + "JOIN team t ON t.id = e.team_id WHERE t.program_id = ? AND e.status <> 'DELETED' ORDER BY e.updated_at", row -> {
            Exercise exercise = new Exercise(Sql.uuid(row, 1), Sql.uuid(row, 2), row.getString(3), row.getString(4),
                    row.getString(5), row.getString(6), Sql.time(row, 7).toInstant());
            exercises.add(exercise);
            if (exercise.status().equals("SUBMITTED") || exercise.status().equals("ACCEPTED")) {
                handedIn.computeIfAbsent(exercise.team(), k -> new HashMap<>())
                        .computeIfAbsent(exercise.moduleKey(), k -> new HashSet<>()).add(exercise.templateKey());
            }
        }, program.id());

        List<Person> participants = people.values().stream().filter(Person::participant).toList();
        List<Standing> standings = new ArrayList<>();
        List<ModuleCount> counts = new ArrayList<>();
        Map<String, Integer> completedByTeam = new HashMap<>(); // team id + module key
        for (ProgramModule module : modules) {
            ModuleContent content = module.content();
            int[] states = new int[3];
            for (Person person : participants) {
                Progress.Entry entry = progress.get(module.id() + "\n" + person.subject());
                ModuleMedia.Watched seen = watched.of(module.key(), person.subject());
                Optional<Map<String, Set<String>>> team = person.team() == null ? Optional.empty()
                        : Optional.of(handedIn.getOrDefault(person.team(), Map.of()));
                Completion completion = Completion.of(content, entry, seen, team, module.key());
                standings.add(new Standing(person, module, completion, entry == null ? null : entry.contentRead()));
                states[completion.state().ordinal()]++;
                if (completion.complete() && person.team() != null) completedByTeam.merge(person.team() + "\n" + module.key(), 1, Integer::sum);
            }
            counts.add(new ModuleCount(module, states[0], states[1], states[2]));
        }

        Map<String, List<String>> requiredByModule = new HashMap<>();
        for (ProgramModule module : modules) {
            requiredByModule.put(module.key(), module.content().exercises().stream().filter(ModuleContent.ExerciseUse::required)
                    .map(ModuleContent.ExerciseUse::template).distinct().toList());
        }
        Map<UUID, Integer> teamSizes = new HashMap<>();
        participants.stream().filter(p -> p.team() != null).forEach(p -> teamSizes.merge(p.team(), 1, Integer::sum));
        List<TeamRow> rows = new ArrayList<>();
        for (Team team : teams.values()) {
            List<Cell> cells = new ArrayList<>();
            for (ProgramModule module : modules) {
                Set<String> done = handedIn.getOrDefault(team.id(), Map.of()).getOrDefault(module.key(), Set.of());
                List<String> required = requiredByModule.get(module.key());
                cells.add(new Cell(completedByTeam.getOrDefault(team.id() + "\n" + module.key(), 0), teamSizes.getOrDefault(team.id(), 0),
                        (int) required.stream().filter(done::contains).count(), required.size()));
            }
            rows.add(new TeamRow(team, cells));
        }

        List<Waiting> queue = exercises.stream().filter(e -> e.status().equals("SUBMITTED"))
                .sorted(Comparator.comparing(Exercise::updatedAt))
                .map(e -> new Waiting(e, teams.get(e.team()), Duration.between(e.updatedAt(), now))).toList();
        List<Person> withoutTeam = participants.stream().filter(p -> p.team() == null).toList();
        List<Person> inactive = participants.stream().filter(p -> p.lastSeen().isBefore(now.minus(INACTIVE_AFTER))).toList();

        if (zone == null) {
            return new Snapshot(modules, new ArrayList<>(people.values()), rows, counts, queue, withoutTeam, inactive, standings,
                    exercises, teams, List.of(), List.of(), Map.of(), participants.size());
        }
        // The weeks, Monday to Sunday in the course's time zone, oldest first, ending with this one.
        java.time.LocalDate thisWeek = java.time.LocalDate.ofInstant(now, zone)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        List<java.time.LocalDate> starts = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) starts.add(thisWeek.minusWeeks(i));
        Instant[] ends = starts.stream().map(d -> d.plusWeeks(1).atStartOfDay(zone).toInstant()).map(i -> i.isAfter(now) ? now : i)
                .toArray(Instant[]::new);

        // Modules completed by participants, counted by the end of each week.
        Set<String> participantSubjects = new HashSet<>();
        participants.forEach(p -> participantSubjects.add(p.subject()));
        int[] completedBy = new int[WEEKS];
        db.query("SELECT p.subject, p.completed_at FROM module_progress p JOIN program_module m ON m.id = p.module_id "
                + "WHERE m.program_id = ? AND p.completed_at IS NOT NULL", row -> {
            if (!participantSubjects.contains(row.getString(1))) return;
            Instant at = Sql.time(row, 2).toInstant();
            for (int i = 0; i < WEEKS; i++) if (!at.isAfter(ends[i])) completedBy[i]++;
        }, program.id());

        // Reviews waiting at the end of each week, from the exercises' changes of status (the revisions a
        // change of status wrote; an exercise starts as a draft).
        Map<UUID, List<Object[]>> changes = new HashMap<>();
        db.query("SELECT r.exercise_id, r.status, r.created_at FROM exercise_revision r JOIN exercise e ON e.id = r.exercise_id "
                + "JOIN team t ON t.id = e.team_id WHERE t.program_id = ? AND r.changed = 'status' ORDER BY r.created_at",
                row -> changes.computeIfAbsent(
                Sql.uuid(row, 1), k -> new ArrayList<>()).add(new Object[]{row.getString(2),
                Sql.time(row, 3).toInstant()}), program.id());
        int[] waitingAt = new int[WEEKS];
        for (List<Object[]> history : changes.values()) {
            for (int i = 0; i < WEEKS; i++) {
                String status = null;
                for (Object[] change : history) {
                    if (((Instant) change[1]).isAfter(ends[i])) break;
                    status = (String) change[0];
                }
                if ("SUBMITTED".equals(status)) waitingAt[i]++;
            }
        }
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) weeks.add(new Week(starts.get(i), completedBy[i], waitingAt[i]));

        // Mentoring sessions logged per team in each of those weeks.
        Map<UUID, int[]> sessions = new HashMap<>();
        db.query("SELECT l.team_id, l.met_on FROM mentoring_log l JOIN team t ON t.id = l.team_id WHERE t.program_id = ? AND l.met_on >= ?",
                row -> {
                    java.time.LocalDate met = Sql.date(row, 2);
                    int index = (int) java.time.temporal.ChronoUnit.WEEKS.between(starts.getFirst(),
                            met.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
                    if (index >= 0 && index < WEEKS) sessions.computeIfAbsent(Sql.uuid(row, 1), k -> new int[WEEKS])[index]++;
                }, program.id(), starts.getFirst());

        List<WorkshopViews> views = new ArrayList<>();
        for (ProgramModule module : modules) {
            for (var workshop : module.content().workshops()) {
                views.add(new WorkshopViews(module, workshop, watched.viewers(module.key(), workshop.key())));
            }
        }
        return new Snapshot(modules, new ArrayList<>(people.values()), rows, counts, queue, withoutTeam, inactive, standings,
                exercises, teams, weeks, views, sessions, participants.size());
    }

    private static <K, V> Map<K, V> sorted(Map<K, V> map, java.util.Comparator<V> order) {
        Map<K, V> sorted = new LinkedHashMap<>();
        map.entrySet().stream().sorted(Map.Entry.comparingByValue(order)).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
