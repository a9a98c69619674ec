package org.innovadores.pilots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.notifications.Notifications;
import org.innovadores.participants.Role;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseZone;
import org.innovadores.program.Program;
import org.innovadores.runtime.Now;
import org.innovadores.teams.Team;
import org.innovadores.teams.Teams;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/** The pilot calls of a course: opening one, proposing, scoring blind, the ranking and the decision. */
@ApplicationScoped
@Path("course/pilots")
@Produces("text/html;charset=UTF-8")
public class PilotsResource {

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    PilotCalls calls;

    @Inject
    Teams teams;

    @Inject
    ProposalDrafts drafts;

    @Inject
    CourseZone zones;

    @Inject
    Notifications notifications;

    @Inject
    Pages pages;

    @Inject
    jakarta.enterprise.event.Event<org.innovadores.program.CourseVisited> visited;

    @Context
    HttpHeaders headers;

    /** Who may evaluate: the course's instructors, mentors and invited evaluators. */
    public record Evaluator(String subject, String name, String role) {
    }

    public record Listing(Page page, Visit visit, List<PilotCall.Call> calls, List<Evaluator> evaluators, CallForm form,
                          List<String> problems, String csrf, ZoneId zone) {
        public String deadline(PilotCall.Call call) {
            return page.t().dateTime(call.deadline(), zone) + " (" + page.t().zoneName(zone) + ")";
        }
    }

    /** The new call's form as typed, kept on a refusal. */
    public record CallForm(String title, String pilots, String budget, String currency, String date, String time,
                           List<String[]> criteria, List<String> evaluators) {
        static CallForm blank(Texts t) {
            List<String[]> criteria = new ArrayList<>();
            for (String key : List.of("impacto", "evidencia", "factibilidad", "continuidad", "costo")) {
                criteria.add(new String[] {Texts.forTag("es").get("pilots.criterion." + key), Texts.forTag("en").get("pilots.criterion." + key),
                        key.equals("impacto") || key.equals("evidencia") ? "25" : key.equals("costo") ? "10" : "20"});
            }
            return new CallForm("", "2", "15000", "USD", "", "18:00", criteria, List.of());
        }
    }

    public record CallPage(Page page, Visit visit, PilotCall.Call call, ZoneId zone, Optional<Team> myTeam,
                           Optional<PilotCall.Proposal> myProposal, Map<String, String> draft, List<ProposalRow> toReview,
                           List<Ranking.Place> ranking, boolean showRanking, Map<String, String> names, List<String> problems,
                           String csrf, Instant now) {
        public String deadline() {
            return page.t().dateTime(call.deadline(), zone) + " (" + page.t().zoneName(zone) + ")";
        }

        public boolean lead() {
            return visit.canAuthor();
        }

        public String name(String subject) {
            return names.getOrDefault(subject, subject);
        }

        public String score(Double value) {
            return value == null ? "—" : page.t().number(Math.round(value * 100) / 100.0);
        }

        public String criterion(PilotCall.Criterion c) {
            return c.label().text(page.t().lang());
        }
    }

    /** A proposal as an evaluator sees it: theirs to score, scored, or excluded by a conflict, and the others' reviews once theirs is in. */
    public record ProposalRow(PilotCall.Proposal proposal, String state, Optional<PilotCall.Review> mine, List<PilotCall.Review> others) {
    }

    @GET
    @Operation(hidden = true)
    public String list(@QueryParam("s") String token) {
        Visit visit = courses.visit(token, headers);
        Program program = visit.requireProgram();
        // An invited evaluator's home: the visit makes them known to the course (and offered as an evaluator).
        visited.fire(new org.innovadores.program.CourseVisited(program, visit.session()));
        Page page = signedIn.page(visit.session(), "pilots.title");
        List<PilotCall.Call> visible = calls.of(program.id()).stream().filter(c -> mayOpen(visit, program, c)).toList();
        return pages.render("pilots/calls.jte", new Listing(page, visit, visible, evaluators(program), CallForm.blank(page.t()), List.of(),
                sessions.csrf(visit.session()), zones.of(program)));
    }

    /** Opens a call: every field checked, the refusal listing each problem with everything typed kept. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response open(MultivaluedMap<String, String> form) {
        Visit visit = courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        if (!visit.canAuthor()) throw ClientError.forbidden("pilots.error.notInstructor");
        Program program = visit.requireProgram();
        Page page = signedIn.page(visit.session(), "pilots.title");
        Texts t = page.t();
        ZoneId zone = zones.of(program);
        List<String> problems = new ArrayList<>();
        String title = text(form.getFirst("title"), 300);
        if (title.isBlank()) problems.add(t.get("pilots.error.title"));
        int pilots = whole(form.getFirst("pilots"), 1, 10, "pilots.error.pilots", t, problems);
        BigDecimal budget = null;
        try {
            budget = t.parseNumber(text(form.getFirst("budget"), 20));
            if (budget.signum() <= 0 || budget.compareTo(new BigDecimal("1000000000")) > 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            problems.add(t.get("pilots.error.budget"));
        }
        String currency = PilotCall.CURRENCIES.contains(form.getFirst("currency")) ? form.getFirst("currency") : "USD";
        Instant deadline = null;
        try {
            deadline = java.time.LocalDate.parse(text(form.getFirst("date"), 10)).atTime(java.time.LocalTime.parse(text(form.getFirst("time"), 5)))
                    .atZone(zone).toInstant();
            if (!deadline.isAfter(Now.instant())) problems.add(t.get("pilots.error.past"));
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(t.get("pilots.error.deadline"));
        }
        List<PilotCall.Criterion> criteria = new ArrayList<>();
        List<String[]> typed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String es = text(form.getFirst("criterion." + i + ".es"), 200);
            String en = text(form.getFirst("criterion." + i + ".en"), 200);
            String weight = text(form.getFirst("criterion." + i + ".weight"), 3);
            if (!form.containsKey("criterion." + i + ".es")) break;
            typed.add(new String[] {es, en, weight});
            if (es.isBlank() && en.isBlank()) continue;
            int w = whole(weight, 1, 100, "pilots.error.weight", t, problems);
            criteria.add(new PilotCall.Criterion("c" + (criteria.size() + 1), org.innovadores.program.Localized.of(es, en), w));
        }
        if (criteria.size() < 2) problems.add(t.get("pilots.error.criteria"));
        Map<String, Evaluator> allowed = new LinkedHashMap<>();
        evaluators(program).forEach(e -> allowed.put(e.subject(), e));
        List<String> chosen = form.keySet().stream().filter(k -> k.startsWith("evaluator.")).map(k -> k.substring("evaluator.".length()))
                .filter(allowed::containsKey).sorted().toList();
        if (chosen.isEmpty()) problems.add(t.get("pilots.error.evaluators"));
        if (!problems.isEmpty()) {
            CallForm kept = new CallForm(title, form.getFirst("pilots"), form.getFirst("budget"), currency, form.getFirst("date"),
                    form.getFirst("time"), typed, chosen);
            return Response.status(Response.Status.BAD_REQUEST).entity(pages.render("pilots/calls.jte", new Listing(page, visit,
                    calls.of(program.id()), List.copyOf(allowed.values()), kept, problems, sessions.csrf(visit.session()), zone))).build();
        }
        PilotCall.Call call = calls.open(program.id(), title, pilots, budget, currency, deadline, criteria, chosen, visit.session().subject());
        List<String> participants = teams.people(program.id()).stream().filter(p -> p.team() != null).map(Teams.Person::subject).toList();
        String link = "/course/pilots/" + call.id();
        notifications.notify(program, participants, Notifications.Kind.PILOT_CALL, visit.session().displayName(), title, null, link, null);
        notifications.notify(program, chosen.stream().filter(s -> !s.equals(visit.session().subject())).toList(),
                Notifications.Kind.PILOT_CALL, visit.session().displayName(), title, null, link, null);
        return sessions.seeOther(visit.session(), link);
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public String call(@QueryParam("s") String token, @PathParam("id") String id) {
        Visit visit = courses.visit(token, headers);
        return render(visit, find(visit, id), null, List.of());
    }

    /** A team member writes or replaces the team's proposal while the call is open; late, it is refused and nothing changes. */
    @POST
    @Path("{id}/proposal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response propose(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Visit visit = courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        PilotCall.Call call = find(visit, id);
        Program program = visit.requireProgram();
        Team team = teams.teamOf(program.id(), visit.session().subject()).flatMap(t -> teams.find(program.id(), t))
                .orElseThrow(() -> ClientError.forbidden("pilots.error.noTeam"));
        Texts t = signedIn.texts(visit.session());
        Map<String, String> sections = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String s : PilotCall.SECTIONS) {
            String value = form.getFirst("section." + s);
            if (value != null && value.length() > 8000) problems.add(t.format("pilots.error.long", t.get("pilots.section." + s), 8000));
            sections.put(s, value == null ? "" : value.strip());
            if (sections.get(s).isBlank()) problems.add(t.format("pilots.error.section", t.get("pilots.section." + s)));
        }
        if (!call.open(Now.instant())) {
            return Response.status(Response.Status.CONFLICT).entity(render(visit, call, sections, List.of(t.get("pilots.error.closed")))).build();
        }
        if (!problems.isEmpty()) return Response.status(Response.Status.BAD_REQUEST).entity(render(visit, call, sections, problems)).build();
        if (!calls.propose(call, team.id(), sections, visit.session().subject())) {
            return Response.status(Response.Status.CONFLICT).entity(render(visit, call, sections, List.of(t.get("pilots.error.closed")))).build();
        }
        return sessions.seeOther(visit.session(), "/course/pilots/" + call.id() + "?sent=1");
    }

    /**
     * An evaluator's review of one proposal, after the deadline: every criterion scored with its
     * justification, or a conflict of interest declared. Final once written; a mentor of the team cannot score it.
     */
    @POST
    @Path("{id}/proposals/{proposal}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response review(@PathParam("id") String id, @PathParam("proposal") String proposalId, MultivaluedMap<String, String> form) {
        Visit visit = courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        PilotCall.Call call = find(visit, id);
        String subject = visit.session().subject();
        if (!call.evaluators().contains(subject)) throw ClientError.forbidden("pilots.error.notEvaluator");
        if (call.open(Now.instant())) throw ClientError.conflict("pilots.error.notYet");
        PilotCall.Proposal proposal = calls.proposals(call).stream().filter(p -> p.id().toString().equals(proposalId)).findFirst()
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (call.decided()) throw ClientError.conflict("pilots.error.decided");
        Texts t = signedIn.texts(visit.session());
        if (mentors(visit.requireProgram(), proposal.teamId(), subject)) throw ClientError.forbidden("pilots.error.conflicted");
        String conflict = text(form.getFirst("conflict"), 2000);
        Map<String, PilotCall.Score> scores = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if ("conflict".equals(form.getFirst("action"))) {
            if (conflict.isBlank()) problems.add(t.get("pilots.error.conflictReason"));
        } else {
            conflict = null;
            for (PilotCall.Criterion c : call.criteria()) {
                String label = c.label().text(t.lang());
                int score = whole(form.getFirst("score." + c.key()), PilotCall.MIN_SCORE, PilotCall.MAX_SCORE, null, t, null);
                String why = text(form.getFirst("why." + c.key()), 4000);
                if (score < PilotCall.MIN_SCORE) problems.add(t.format("pilots.error.score", label));
                if (why.isBlank()) problems.add(t.format("pilots.error.why", label));
                scores.put(c.key(), new PilotCall.Score(score, why));
            }
        }
        if (!problems.isEmpty()) return Response.status(Response.Status.BAD_REQUEST).entity(render(visit, call, null, problems)).build();
        try {
            calls.review(proposal, subject, conflict == null ? scores : null, conflict);
        } catch (PilotCalls.AlreadyReviewed again) {
            throw ClientError.conflict("pilots.error.reviewed");
        }
        return sessions.seeOther(visit.session(), "/course/pilots/" + call.id() + "#proposal-" + proposal.id());
    }

    /** Closes the call before its date: proposals stop, evaluation starts. */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response close(@PathParam("id") String id, @jakarta.ws.rs.FormParam("s") String token, @jakarta.ws.rs.FormParam("csrf") String csrf) {
        Visit visit = courses.visitForm(token, csrf, headers);
        if (!visit.canAuthor()) throw ClientError.forbidden("pilots.error.notInstructor");
        PilotCall.Call call = find(visit, id);
        if (!calls.close(call)) throw ClientError.conflict("pilots.error.notOpen");
        return sessions.seeOther(visit.session(), "/course/pilots/" + call.id());
    }

    /** The decision: at most as many proposals as the call funds, the rationale, each team's feedback. */
    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Visit visit = courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        if (!visit.canAuthor()) throw ClientError.forbidden("pilots.error.notInstructor");
        PilotCall.Call call = find(visit, id);
        if (call.open(Now.instant())) throw ClientError.conflict("pilots.error.notYet");
        Texts t = signedIn.texts(visit.session());
        List<PilotCall.Proposal> proposals = calls.proposals(call);
        List<UUID> selected = proposals.stream().map(PilotCall.Proposal::id).filter(p -> form.containsKey("select." + p)).toList();
        Map<UUID, String> feedback = new LinkedHashMap<>();
        proposals.forEach(p -> feedback.put(p.id(), text(form.getFirst("feedback." + p.id()), 10000)));
        String rationale = text(form.getFirst("rationale"), 10000);
        List<String> problems = new ArrayList<>();
        if (selected.isEmpty() || selected.size() > call.pilots()) problems.add(t.format("pilots.error.selection", call.pilots()));
        if (rationale.isBlank()) problems.add(t.get("pilots.error.rationale"));
        if (!problems.isEmpty()) return Response.status(Response.Status.BAD_REQUEST).entity(render(visit, call, null, problems)).build();
        if (!calls.decide(call, selected, rationale, feedback, visit.session().subject())) throw ClientError.conflict("pilots.error.decided");
        Program program = visit.requireProgram();
        List<String> told = new ArrayList<>();
        for (PilotCall.Proposal p : proposals) {
            teams.find(program.id(), p.teamId()).ifPresent(team -> teams.members(team).forEach(m -> told.add(m.subject())));
        }
        notifications.notify(program, told, Notifications.Kind.PILOT_DECISION, visit.session().displayName(), call.title(), null,
                "/course/pilots/" + call.id(), null);
        return sessions.seeOther(visit.session(), "/course/pilots/" + call.id());
    }

    private String render(Visit visit, PilotCall.Call call, Map<String, String> typed, List<String> problems) {
        Program program = visit.requireProgram();
        String subject = visit.session().subject();
        Page page = signedIn.page(visit.session(), "pilots.title").titled(call.title());
        Optional<Team> myTeam = visit.session().role() == Role.PARTICIPANT
                ? teams.teamOf(program.id(), subject).flatMap(t -> teams.find(program.id(), t)) : Optional.empty();
        List<PilotCall.Proposal> proposals = calls.proposals(call);
        List<PilotCall.Review> reviews = calls.reviews(proposals);
        Optional<PilotCall.Proposal> mine = myTeam.flatMap(t -> proposals.stream().filter(p -> p.teamId().equals(t.id())).findFirst());
        Map<String, String> draft = typed != null ? typed
                : mine.map(PilotCall.Proposal::sections).orElseGet(() -> myTeam.map(t -> drafts.of(program, t.id(), page.t().lang())).orElse(Map.of()));
        List<ProposalRow> toReview = new ArrayList<>();
        if (call.evaluators().contains(subject) && !call.open(Now.instant())) {
            for (PilotCall.Proposal p : proposals) {
                Optional<PilotCall.Review> own = reviews.stream().filter(r -> r.proposal().equals(p.id()) && r.evaluator().equals(subject)).findFirst();
                String state = mentors(program, p.teamId(), subject) ? "mentor" : own.map(r -> r.conflict() != null ? "conflict" : "done").orElse("todo");
                // No anchoring: the others' reviews show once this evaluator's own is in.
                List<PilotCall.Review> others = own.isPresent() ? reviews.stream().filter(r -> r.proposal().equals(p.id())
                        && !r.evaluator().equals(subject)).toList() : List.of();
                toReview.add(new ProposalRow(p, state, own, others));
            }
        }
        boolean reviewedAll = toReview.stream().noneMatch(r -> r.state().equals("todo"));
        boolean showRanking = visit.canAuthor() && !call.open(Now.instant()) && (!call.evaluators().contains(subject) || reviewedAll);
        Map<String, String> names = new LinkedHashMap<>();
        teams.people(program.id()).forEach(p -> names.put(p.subject(), p.name() == null ? p.subject() : p.name()));
        return pages.render("pilots/call.jte", new CallPage(page, visit, call, zones.of(program), myTeam, mine, draft, toReview,
                showRanking || call.decided() ? Ranking.of(call, proposals, reviews) : List.of(), showRanking, names, problems,
                sessions.csrf(visit.session()), Now.instant()));
    }

    /** The call, if the person may open it: instructors, its evaluators, and participants in a team. */
    private PilotCall.Call find(Visit visit, String id) {
        Program program = visit.requireProgram();
        UUID callId;
        try {
            callId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ClientError.notFound("error.notFound");
        }
        PilotCall.Call call = calls.find(program.id(), callId).orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (!mayOpen(visit, program, call)) throw ClientError.forbidden("pilots.error.notYours");
        return call;
    }

    private boolean mayOpen(Visit visit, Program program, PilotCall.Call call) {
        String subject = visit.session().subject();
        return visit.canAuthor() || call.evaluators().contains(subject)
                || (visit.session().role() == Role.PARTICIPANT && teams.teamOf(program.id(), subject).isPresent());
    }

    private boolean mentors(Program program, UUID teamId, String subject) {
        return teams.find(program.id(), teamId).map(team -> teams.mentors(team, subject)).orElse(false);
    }

    private List<Evaluator> evaluators(Program program) {
        return teams.people(program.id()).stream()
                .filter(p -> List.of(Role.INSTRUCTOR.name(), Role.MENTOR.name(), Role.EVALUATOR.name(), Role.ADMIN.name()).contains(p.role()))
                .map(p -> new Evaluator(p.subject(), p.name() == null ? p.subject() : p.name(), p.role())).toList();
    }

    private static String text(String value, int max) {
        if (value == null) return "";
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }

    /** A whole number within bounds; otherwise the problem (when named) and {@code min - 1}. */
    private static int whole(String value, int min, int max, String problem, Texts t, List<String> problems) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (problem != null && problems != null) problems.add(t.format(problem, min, max));
        return min - 1;
    }
}
