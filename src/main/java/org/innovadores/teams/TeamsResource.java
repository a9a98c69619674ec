package org.innovadores.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Role;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.teams.TeamAccess.Seat;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * Teams pages: the course's teams (formed by the instructor, or joined by the participants while
 * self-enrolment is open), and each team's workspace with its challenge, people, exercises by module,
 * learning chain and mentoring log.
 */
@ApplicationScoped
@Path("course/teams")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TeamsResource {

    static final int MAX_TEXT = 5000;

    @Inject
    org.innovadores.program.ModuleStandings standings;

    @Inject
    org.innovadores.program.CourseZone zones;

    @Inject
    CourseProgram courses;

    @Inject
    Programs programs;

    @Inject
    Teams teams;

    @Inject
    TeamAccess access;

    @Inject
    TeamWork teamWork;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record TeamRow(Team team, List<Teams.Person> members, List<String> mentors) {
    }

    public record Overview(Page page, Visit visit, List<TeamRow> teams, List<Teams.Person> people, Optional<UUID> myTeam,
                           Optional<Teams.Enrolment> enrolment, String csrf, String notice, java.time.ZoneId zone) {
        /** The enrolment deadline as the course reads it: its time zone, the reader's language. */
        public String deadline() {
            return enrolment.map(e -> page.t().dateTime(e.deadline(), zone) + " (" + page.t().zoneName(zone) + ")").orElse("");
        }

        /** The deadline for the form's date and time field, in the course's time zone. */
        public String deadlineInput() {
            return enrolment.map(e -> java.time.LocalDateTime.ofInstant(e.deadline(), zone).withSecond(0).withNano(0).toString()).orElse("");
        }
        /** How many changes the people form just saved, when that is what the notice says. */
        public Integer assigned() {
            return notice != null && notice.matches("assigned-\\d{1,5}") ? Integer.valueOf(notice.substring("assigned-".length())) : null;
        }
    }

    public record ModuleWork(ProgramModule module, String title, List<ModuleContent.ExerciseUse> uses, List<TeamWork.Item> started) {
    }

    public record Workspace(Page page, Seat seat, List<Teams.Person> members, List<String> mentors, List<ModuleWork> modules,
                            Map<String, String> templateTitles, List<TeamWork.ChainLink> chain, List<Teams.LogEntry> log,
                            String csrf, List<TeamWork.Item> deleted, String notice) {
    }

    @GET
    @Operation(hidden = true)
    public String overview(@QueryParam("s") String token, @QueryParam("notice") String notice) {
        Visit visit = courses.visit(token, headers);
        Program program = visit.requireProgram();
        ToolSession session = visit.session();
        List<Team> all = teams.of(program.id());
        List<Team> shown = visit.canAuthor() ? all
                : session.role() == Role.MENTOR ? all.stream().filter(t -> teams.mentors(t, session.subject())).toList()
                : all;
        List<TeamRow> rows = shown.stream().map(t -> new TeamRow(t, teams.members(t), teams.mentors(t))).toList();
        return pages.render("teams/teams.jte", new Overview(signedIn.page(session, "teams.title"), visit, rows,
                visit.canAuthor() ? teams.people(program.id()) : List.of(), teams.teamOf(program.id(), session.subject()),
                teams.enrolment(program.id()), sessions.csrf(session), notice, zones.of(program)));
    }

    /** "My team": the participant's workspace, or the teams page when they have none. */
    @GET
    @Path("mine")
    @Operation(hidden = true)
    public Response mine(@QueryParam("s") String token) {
        Visit visit = courses.visit(token, headers);
        Optional<UUID> team = teams.teamOf(visit.requireProgram().id(), visit.session().subject());
        return seeOther(team.map(id -> "/course/teams/" + id).orElse("/course/teams"), visit.session());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("name") String name,
                           @FormParam("institutions") String institutions, @FormParam("challenge") String challenge,
                           @FormParam("sponsor_name") String sponsorName, @FormParam("sponsor_role") String sponsorRole) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        Team team = teams.create(visit.requireProgram().id(), required(name, 200), text(institutions, 1000), text(challenge, MAX_TEXT),
                text(sponsorName, 200), text(sponsorRole, 200));
        return seeOther("/course/teams/" + team.id(), visit.session());
    }

    @POST
    @Path("enrolment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response enrolment(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("min") String min,
                              @FormParam("max") String max, @FormParam("deadline") String deadline,
                              @FormParam("close") String close) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        UUID program = visit.requireProgram().id();
        if (close != null) {
            teams.closeEnrolment(program);
        } else {
            int minSize = number(min);
            int maxSize = number(max);
            if (minSize < 1 || maxSize < minSize || maxSize > 50) throw ClientError.badRequest("teams.error.sizes");
            LocalDateTime until;
            try {
                until = LocalDateTime.parse(deadline == null ? "" : deadline.strip());
            } catch (DateTimeParseException e) {
                throw ClientError.badRequest("teams.error.deadline");
            }
            // The deadline is typed in the course's time zone, as its people read it.
            teams.openEnrolment(program, minSize, maxSize, until.atZone(zones.of(visit.requireProgram())).toInstant());
        }
        return seeOther("/course/teams#enrolment-title", visit.session());
    }

    @POST
    @Path("{team}/join")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response join(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("team") String teamId) {
        Visit visit = courses.visitForm(token, csrf, headers);
        Program program = visit.requireProgram();
        if (visit.session().role() != Role.PARTICIPANT) throw ClientError.forbidden("teams.error.onlyParticipants");
        Team team = teams.find(program.id(), Ids.uuid(teamId)).orElseThrow(() -> ClientError.notFound("error.notFound"));
        Teams.Enrolment enrolment = teams.enrolment(program.id()).filter(Teams.Enrolment::open)
                .orElseThrow(() -> ClientError.forbidden("teams.error.closed"));
        if (teams.teamOf(program.id(), visit.session().subject()).isPresent()) throw new ClientError(Response.Status.CONFLICT, "teams.error.already");
        if (!teams.join(team, visit.session().subject(), enrolment)) throw new ClientError(Response.Status.CONFLICT, "teams.error.full");
        standings.reevaluateAll(program, visit.session().subject());
        return seeOther("/course/teams/" + team.id(), visit.session());
    }

    @GET
    @Path("{team}")
    @Operation(hidden = true)
    public String workspace(@QueryParam("s") String token, @PathParam("team") String teamId, @QueryParam("notice") String notice) {
        Visit visit = courses.visit(token, headers);
        Seat seat = access.seat(visit, teamId);
        Program program = visit.requireProgram();
        Page page = signedIn.page(visit.session(), "teams.workspace");
        String lang = page.t().lang();
        TeamWork.Work work = teamWork.of(program, seat.team().id(), lang);
        List<ModuleWork> modules = programs.listing(program, false, visit.session().subject()).stream()
                .map(Programs.Listed::module)
                .map(m -> new ModuleWork(m, m.content().title().text(lang), m.content().exercises(),
                        work.exercises().stream().filter(e -> e.moduleKey().equals(m.key())).toList()))
                .toList();
        return pages.render("teams/workspace.jte", new Workspace(page, seat, teams.members(seat.team()), teams.mentors(seat.team()),
                modules, work.templateTitles(), work.chain(), teams.log(seat.team()), sessions.csrf(visit.session()),
                seat.canReview() ? teamWork.deleted(seat.team().id()) : List.of(), "deleted".equals(notice) ? notice : null));
    }

    @POST
    @Path("{team}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response edit(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("team") String teamId,
                         @FormParam("name") String name, @FormParam("institutions") String institutions,
                         @FormParam("challenge") String challenge, @FormParam("sponsor_name") String sponsorName,
                         @FormParam("sponsor_role") String sponsorRole) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.canWrite() && !seat.instructor()) throw ClientError.forbidden("error.forbidden");
        teams.edit(seat.team(), required(name, 200), text(institutions, 1000), text(challenge, MAX_TEXT), text(sponsorName, 200),
                text(sponsorRole, 200));
        return seeOther("/course/teams/" + seat.team().id(), seat.visit().session());
    }

    /**
     * The people table as one form: each participant's team (or none), each mentor's teams, or one
     * team for every participant ticked. Everything is checked before anything changes: only
     * participants join teams, only mentors mentor, only this course's teams count. The instructor
     * comes back to the table.
     */
    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response assign(jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        Visit visit = courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        if (!visit.canAuthor()) throw ClientError.forbidden("program.error.notInstructor");
        Program program = visit.requireProgram();
        Map<String, Teams.Person> people = new java.util.HashMap<>();
        teams.people(program.id()).forEach(p -> people.put(p.subject(), p));
        Map<UUID, Team> courseTeams = new java.util.LinkedHashMap<>();
        teams.of(program.id()).forEach(t -> courseTeams.put(t.id(), t));

        Map<String, Optional<UUID>> placed = new java.util.LinkedHashMap<>();
        Map<String, java.util.Set<UUID>> mentoring = new java.util.LinkedHashMap<>();
        if ("bulk".equals(form.getFirst("action"))) {
            String bulk = form.getFirst("bulk_team");
            List<String> picked = form.getOrDefault("pick", List.of());
            if (bulk == null || bulk.isBlank()) throw ClientError.badRequest("teams.error.bulkTeam");
            if (picked.isEmpty()) throw ClientError.badRequest("teams.error.nobodyPicked");
            Optional<UUID> team = "none".equals(bulk) ? Optional.empty() : Optional.of(courseTeam(bulk, courseTeams));
            for (String subject : picked) placed.put(participant(subject, people), team);
        } else {
            for (Map.Entry<String, List<String>> field : form.entrySet()) {
                String name = field.getKey();
                String value = field.getValue().isEmpty() ? "" : field.getValue().getFirst();
                if (name.startsWith("team.")) {
                    String subject = participant(name.substring("team.".length()), people);
                    placed.put(subject, value.isBlank() ? Optional.empty() : Optional.of(courseTeam(value, courseTeams)));
                } else if (name.startsWith("mentoring.")) { // the row's marker: its boxes were on the page, ticked or not
                    String subject = name.substring("mentoring.".length());
                    Teams.Person person = people.get(subject);
                    if (person == null || !Role.MENTOR.name().equals(person.role())) throw ClientError.badRequest("teams.error.mentor");
                    java.util.Set<UUID> chosen = new java.util.HashSet<>();
                    for (String id : form.getOrDefault("mentor." + subject, List.of())) chosen.add(courseTeam(id, courseTeams));
                    mentoring.put(subject, chosen);
                }
            }
        }
        int changed = 0;
        for (Map.Entry<String, Optional<UUID>> move : placed.entrySet()) {
            Teams.Person person = people.get(move.getKey());
            if (java.util.Objects.equals(person.team(), move.getValue().orElse(null))) continue;
            if (move.getValue().isEmpty()) teams.remove(program.id(), person.subject());
            else teams.place(courseTeams.get(move.getValue().get()), person.subject());
            // A new team brings its exercises with it: the person's modules may be complete, or no longer.
            standings.reevaluateAll(program, person.subject());
            changed++;
        }
        for (Map.Entry<String, java.util.Set<UUID>> mentor : mentoring.entrySet()) {
            for (Team team : courseTeams.values()) {
                boolean was = teams.mentors(team, mentor.getKey());
                boolean wanted = mentor.getValue().contains(team.id());
                if (was == wanted) continue;
                if (wanted) teams.assignMentor(team, mentor.getKey());
                else teams.unassignMentor(team, mentor.getKey());
                changed++;
            }
        }
        return seeOther("/course/teams?notice=assigned-" + changed + "#people-title", visit.session());
    }

    // --- team composition as CSV -------------------------------------------------------------------

    static final int MAX_COMPOSITION_BYTES = 1024 * 1024;

    /** A change the import would make, as the check page lists it. */
    public record Move(String name, String from, String to) {
    }

    public record CompositionCheck(Page page, List<Move> moves, List<Move> mentoring, List<String> newTeams,
                                   List<String> problems, String csv, String csrf) {
    }

    @GET
    @Path("composition.csv")
    @Operation(hidden = true)
    public Response compositionCsv(@QueryParam("s") String token) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Program program = visit.requireProgram();
        List<Team> all = teams.of(program.id());
        Map<UUID, List<String>> mentorsOf = new java.util.HashMap<>();
        all.forEach(t -> mentorsOf.put(t.id(), teams.mentors(t)));
        String csv = TeamComposition.write(all, teams.people(program.id()), mentorsOf, signedIn.texts(visit.session()).lang());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + (signedIn.texts(visit.session()).lang().equals("en") ? "teams" : "equipos")
                        + ".csv\"").build();
    }

    /** The instructor's file, checked against the course: a page of what would change, or of every problem. Nothing changes. */
    @POST
    @Path("composition")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public Response checkComposition(List<jakarta.ws.rs.core.EntityPart> parts) throws java.io.IOException {
        Map<String, jakarta.ws.rs.core.EntityPart> byName = new java.util.HashMap<>();
        for (jakarta.ws.rs.core.EntityPart part : parts) byName.putIfAbsent(part.getName(), part);
        Visit visit = courses.visitForm(partText(byName.get("s")), partText(byName.get("csrf")), headers);
        if (!visit.canAuthor()) throw ClientError.forbidden("program.error.notInstructor");
        jakarta.ws.rs.core.EntityPart file = byName.get("file");
        if (file == null || file.getFileName().isEmpty()) throw ClientError.badRequest("teams.import.error.noFile");
        byte[] bytes;
        try (java.io.InputStream in = file.getContent()) {
            bytes = in.readNBytes(MAX_COMPOSITION_BYTES + 1);
        }
        if (bytes.length > MAX_COMPOSITION_BYTES) throw new ClientError(Response.Status.REQUEST_ENTITY_TOO_LARGE, "error.tooLarge");
        return composition(visit, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), false);
    }

    /** The checked file again, confirmed: checked once more against the course as it is now, then applied. */
    @POST
    @Path("composition/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public Response applyComposition(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("csv") String csv) {
        Visit visit = courses.visitForm(token, csrf, headers);
        if (!visit.canAuthor()) throw ClientError.forbidden("program.error.notInstructor");
        if (csv == null || csv.isBlank()) throw ClientError.badRequest("teams.import.error.noFile");
        return composition(visit, csv, true);
    }

    private Response composition(Visit visit, String csv, boolean apply) {
        Program program = visit.requireProgram();
        List<Team> all = teams.of(program.id());
        Map<String, Team> byName = new java.util.LinkedHashMap<>();
        all.forEach(t -> byName.putIfAbsent(t.name(), t));
        Map<UUID, String> nameOf = new java.util.HashMap<>();
        all.forEach(t -> nameOf.put(t.id(), t.name()));
        TeamComposition.Plan plan = TeamComposition.read(csv, teams.people(program.id()), byName.keySet());
        org.innovadores.web.Texts t = signedIn.texts(visit.session());
        String none = t.get("teams.assign.none");
        List<Move> moves = new java.util.ArrayList<>();
        for (TeamComposition.Placement placement : plan.placements()) {
            String now = placement.person().team() == null ? "" : nameOf.getOrDefault(placement.person().team(), "");
            String wanted = placement.team().orElse("");
            if (!now.equals(wanted)) moves.add(new Move(display(placement.person()), now.isEmpty() ? none : now, wanted.isEmpty() ? none : wanted));
        }
        List<Move> mentoring = new java.util.ArrayList<>();
        for (TeamComposition.MentorTeams mentor : plan.mentors()) {
            java.util.Set<String> now = new java.util.TreeSet<>();
            all.stream().filter(team -> teams.mentors(team, mentor.person().subject())).forEach(team -> now.add(team.name()));
            if (!now.equals(new java.util.TreeSet<>(mentor.teams()))) {
                mentoring.add(new Move(display(mentor.person()), now.isEmpty() ? none : String.join(", ", now),
                        mentor.teams().isEmpty() ? none : String.join(", ", new java.util.TreeSet<>(mentor.teams()))));
            }
        }
        List<String> problems = plan.problems().stream()
                .map(p -> t.format("teams.import.line", p.line(), t.format(p.key(), p.value()))).toList();
        if (!plan.valid() || !apply) {
            Page page = signedIn.page(visit.session(), "teams.import.title");
            String html = pages.render("teams/composition.jte", new CompositionCheck(page, moves, mentoring, plan.newTeams(), problems,
                    csv, sessions.csrf(visit.session())));
            return Response.status(plan.valid() ? Response.Status.OK : Response.Status.BAD_REQUEST).entity(html).build();
        }
        for (String name : plan.newTeams()) byName.put(name, teams.create(program.id(), name, "", "", "", ""));
        int changed = plan.newTeams().size();
        for (TeamComposition.Placement placement : plan.placements()) {
            UUID wanted = placement.team().map(name -> byName.get(name).id()).orElse(null);
            if (java.util.Objects.equals(placement.person().team(), wanted)) continue;
            if (wanted == null) teams.remove(program.id(), placement.person().subject());
            else teams.place(byName.get(placement.team().get()), placement.person().subject());
            standings.reevaluateAll(program, placement.person().subject());
            changed++;
        }
        for (TeamComposition.MentorTeams mentor : plan.mentors()) {
            for (Team team : byName.values()) {
                boolean was = teams.mentors(team, mentor.person().subject());
                boolean wanted = mentor.teams().contains(team.name());
                if (was == wanted) continue;
                if (wanted) teams.assignMentor(team, mentor.person().subject());
                else teams.unassignMentor(team, mentor.person().subject());
                changed++;
            }
        }
        return seeOther("/course/teams?notice=assigned-" + changed + "#people-title", visit.session());
    }

    private static String display(Teams.Person person) {
        return person.name() == null || person.name().isBlank() ? person.subject() : person.name();
    }

    private static String partText(jakarta.ws.rs.core.EntityPart part) throws java.io.IOException {
        if (part == null) return null;
        try (java.io.InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(2049);
            return bytes.length > 2048 ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String participant(String subject, Map<String, Teams.Person> people) {
        Teams.Person person = people.get(subject);
        if (person == null) throw ClientError.badRequest("teams.error.person");
        if (!Role.PARTICIPANT.name().equals(person.role())) throw ClientError.badRequest("teams.error.notParticipant", person.name());
        return subject;
    }

    private static UUID courseTeam(String id, Map<UUID, Team> courseTeams) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("teams.error.team");
        }
        if (!courseTeams.containsKey(parsed)) throw ClientError.badRequest("teams.error.team");
        return parsed;
    }

    /** Instructors place people in a team (moving them out of any other) or take them out. */
    @POST
    @Path("{team}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response members(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("team") String teamId,
                            @FormParam("subject") String subject, @FormParam("remove") String remove) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.instructor()) throw ClientError.forbidden("program.error.notInstructor");
        UUID program = seat.team().programId();
        if (teams.people(program).stream().noneMatch(p -> p.subject().equals(subject))) throw ClientError.badRequest("teams.error.person");
        if (remove != null) teams.remove(program, subject);
        else teams.place(seat.team(), subject);
        // A new team brings its exercises with it: the person's modules may be complete, or no longer.
        standings.reevaluateAll(seat.visit().requireProgram(), subject);
        return seeOther("/course/teams#people-title", seat.visit().session());
    }

    @POST
    @Path("{team}/mentors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response mentors(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("team") String teamId,
                            @FormParam("subject") String subject, @FormParam("remove") String remove) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.instructor()) throw ClientError.forbidden("program.error.notInstructor");
        boolean isMentor = teams.people(seat.team().programId()).stream()
                .anyMatch(p -> p.subject().equals(subject) && Role.MENTOR.name().equals(p.role()));
        if (!isMentor) throw ClientError.badRequest("teams.error.mentor");
        if (remove != null) teams.unassignMentor(seat.team(), subject);
        else teams.assignMentor(seat.team(), subject);
        return seeOther("/course/teams#people-title", seat.visit().session());
    }

    @POST
    @Path("{team}/log")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response log(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("team") String teamId,
                        @FormParam("met_on") String metOn, @FormParam("attended") String attended, @FormParam("notes") String notes,
                        @FormParam("agreements") String agreements, @FormParam("next_steps") String nextSteps) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.canReview()) throw ClientError.forbidden("error.forbidden");
        LocalDate date;
        try {
            date = LocalDate.parse(metOn == null ? "" : metOn.strip());
        } catch (DateTimeParseException e) {
            throw ClientError.badRequest("teams.error.date");
        }
        teams.log(seat.team(), date, text(attended, 1000), required(notes, 10_000), text(agreements, MAX_TEXT), text(nextSteps, MAX_TEXT),
                seat.subject());
        return seeOther("/course/teams/" + seat.team().id() + "#log", seat.visit().session());
    }

    private Response seeOther(String path, ToolSession session) {
        return sessions.seeOther(session, path);
    }


    private static int number(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest("teams.error.sizes");
        }
    }

    static String text(String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) throw ClientError.badRequest("teams.error.tooLong", max);
        return text;
    }

    static String required(String value, int max) {
        String text = text(value, max);
        if (text.isEmpty()) throw ClientError.badRequest("teams.error.required");
        return text;
    }
}
