package org.innovadores.teams;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A course's team composition as a CSV an instructor keeps in a spreadsheet: one row per member or
 * mentor of a team (and per participant without one). Read back, every row is checked against the
 * course before anything changes: each person is found by their LMS id, else their LMS e-mail, else
 * their exact name; members must be participants and mentors mentors; every problem is named with
 * its line.
 */
public final class TeamComposition {

    static final List<String> HEADER_ES = List.of("equipo", "rol", "nombre", "correo", "id_lms");
    static final List<String> HEADER_EN = List.of("team", "role", "name", "email", "lms_id");
    static final int MAX_ROWS = 5000;
    static final int MAX_TEAM_NAME = 200;

    /** A refusal, for the instructor: the line of the file, what is wrong (a text key) and the value. */
    public record Problem(int line, String key, String value) {
    }

    /** A participant's team after the import (empty: none), or a mentor's teams. */
    public record Placement(Teams.Person person, Optional<String> team) {
    }

    public record MentorTeams(Teams.Person person, Set<String> teams) {
    }

    /** What the file asks for: placements and mentoring, the teams it names that do not exist yet, and its problems. */
    public record Plan(List<Placement> placements, List<MentorTeams> mentors, List<String> newTeams, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private TeamComposition() {
    }

    /** The composition now, in the reader's language: with a BOM so spreadsheets read it as UTF-8. */
    static String write(List<Team> teams, List<Teams.Person> people, Map<UUID, List<String>> mentorsOf, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder out = new StringBuilder("\uFEFF");
        Map<String, Teams.Person> bySubject = new HashMap<>();
        people.forEach(p -> bySubject.put(p.subject(), p));
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader((en ? HEADER_EN : HEADER_ES).toArray(String[]::new)).get())) {
            for (Team team : teams) {
                for (String mentor : mentorsOf.getOrDefault(team.id(), List.of())) {
                    Teams.Person p = bySubject.get(mentor);
                    if (p != null) csv.printRecord(team.name(), en ? "mentor" : "mentor", name(p), email(p), p.subject());
                }
                for (Teams.Person p : people) {
                    if (team.id().equals(p.team())) csv.printRecord(team.name(), en ? "member" : "miembro", name(p), email(p), p.subject());
                }
            }
            for (Teams.Person p : people) {
                if (p.team() == null && "PARTICIPANT".equals(p.role())) csv.printRecord("", en ? "member" : "miembro", name(p), email(p), p.subject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String name(Teams.Person p) {
        return p.name() == null ? "" : p.name();
    }

    private static String email(Teams.Person p) {
        return p.email() == null ? "" : p.email();
    }

    /** Reads a composition against the course's people and teams; nothing is changed here. */
    static Plan read(String text, List<Teams.Person> people, Set<String> teamNames) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Placement> placements = new LinkedHashMap<>();
        Map<String, MentorTeams> mentors = new LinkedHashMap<>();
        Set<String> newTeams = new LinkedHashSet<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        // A spreadsheet in a Spanish locale saves with semicolons.
        char delimiter = firstLine(body).contains(";") && !firstLine(body).contains(",") ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            int teamColumn = column(header, "equipo", "team");
            int roleColumn = column(header, "rol", "role");
            int nameColumn = column(header, "nombre", "name");
            int emailColumn = column(header, "correo", "email");
            int idColumn = column(header, "id_lms", "lms_id");
            if (teamColumn < 0 || (nameColumn < 0 && emailColumn < 0 && idColumn < 0)) {
                problems.add(new Problem(1, "teams.import.error.header", String.join(", ", HEADER_ES)));
                return new Plan(List.of(), List.of(), List.of(), problems);
            }
            for (CSVRecord row : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (row.getRecordNumber() > MAX_ROWS) {
                    problems.add(new Problem(line, "teams.import.error.tooMany", String.valueOf(MAX_ROWS)));
                    break;
                }
                String team = cell(row, teamColumn);
                String role = cell(row, roleColumn).toLowerCase(Locale.ROOT);
                boolean mentor = role.equals("mentor") || role.equals("mentora");
                if (!mentor && !role.isEmpty() && !List.of("miembro", "member", "integrante", "participante", "participant").contains(role)) {
                    problems.add(new Problem(line, "teams.import.error.role", role));
                    continue;
                }
                if (team.length() > MAX_TEAM_NAME) {
                    problems.add(new Problem(line, "teams.import.error.teamName", team.substring(0, 40) + "…"));
                    continue;
                }
                Optional<Teams.Person> found = find(people, cell(row, idColumn), cell(row, emailColumn), cell(row, nameColumn), line, problems);
                if (found.isEmpty()) continue;
                Teams.Person person = found.get();
                if (!team.isEmpty() && teamNames.stream().noneMatch(team::equals)) newTeams.add(team);
                if (mentor) {
                    if (!"MENTOR".equals(person.role())) {
                        problems.add(new Problem(line, "teams.import.error.notMentor", name(person)));
                        continue;
                    }
                    MentorTeams teams = mentors.computeIfAbsent(person.subject(), s -> new MentorTeams(person, new LinkedHashSet<>()));
                    if (!team.isEmpty()) teams.teams().add(team);
                } else {
                    if (!"PARTICIPANT".equals(person.role())) {
                        problems.add(new Problem(line, "teams.import.error.notParticipant", name(person)));
                        continue;
                    }
                    Placement before = placements.get(person.subject());
                    Optional<String> wanted = team.isEmpty() ? Optional.empty() : Optional.of(team);
                    if (before != null && !before.team().equals(wanted)) {
                        problems.add(new Problem(line, "teams.import.error.twice", name(person)));
                        continue;
                    }
                    placements.put(person.subject(), new Placement(person, wanted));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            problems.add(new Problem(1, "teams.import.error.unreadable", ""));
        }
        return new Plan(List.copyOf(placements.values()), List.copyOf(mentors.values()), List.copyOf(newTeams), problems);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static int column(Map<String, Integer> header, String spanish, String english) {
        Integer at = header.getOrDefault(spanish, header.get(english));
        return at == null ? -1 : at;
    }

    private static String cell(CSVRecord row, int column) {
        return column < 0 || column >= row.size() ? "" : row.get(column).strip();
    }

    /** The person a row names: by LMS id, else e-mail, else the one person of that exact name. */
    private static Optional<Teams.Person> find(List<Teams.Person> people, String id, String email, String name, int line,
                                               List<Problem> problems) {
        if (!id.isEmpty()) {
            Optional<Teams.Person> byId = people.stream().filter(p -> p.subject().equals(id)).findFirst();
            if (byId.isPresent()) return byId;
        }
        if (!email.isEmpty()) {
            List<Teams.Person> byEmail = people.stream().filter(p -> p.email() != null && p.email().equalsIgnoreCase(email)).toList();
            if (byEmail.size() == 1) return Optional.of(byEmail.getFirst());
        }
        if (!name.isEmpty()) {
            List<Teams.Person> byName = people.stream().filter(p -> p.name() != null && p.name().strip().equalsIgnoreCase(name)).toList();
            if (byName.size() == 1) return Optional.of(byName.getFirst());
            if (byName.size() > 1) {
                problems.add(new Problem(line, "teams.import.error.sameName", name));
                return Optional.empty();
            }
        }
        problems.add(new Problem(line, "teams.import.error.unknown", !name.isEmpty() ? name : !email.isEmpty() ? email : id));
        return Optional.empty();
    }
}
