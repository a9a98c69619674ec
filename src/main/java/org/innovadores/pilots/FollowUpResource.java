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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

/**
 * A selected pilot's follow-up page: its team and the teaching team record milestones, expenses and
 * the indicators' measured values; its mentors read along; an instructor records the go / no-go.
 */
@ApplicationScoped
@Path("course/pilots/{call}/pilot/{proposal}")
@Produces("text/html;charset=UTF-8")
public class FollowUpResource {

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    PilotCalls calls;

    @Inject
    FollowUp followUp;

    @Inject
    Teams teams;

    @Inject
    ProposalDrafts drafts;

    @Inject
    CourseZone zones;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record View(Page page, PilotCall.Call call, PilotCall.Proposal proposal, FollowUp.State state, boolean canEdit,
                       boolean lead, List<String> suggested, List<String> problems, String csrf, LocalDate today) {
        public int spentPercent() {
            return call.budget().signum() == 0 ? 0 : state.spent().multiply(BigDecimal.valueOf(100))
                    .divide(call.budget(), 0, java.math.RoundingMode.HALF_UP).intValue();
        }

        /** The budget bar's filled width in the 300-unit SVG, capped at the frame. */
        public int spentWidth() {
            return Math.min(300, spentPercent() * 3);
        }

        public String amount(BigDecimal value) {
            return page.t().money(value) + " " + call.currency();
        }

        public String number(BigDecimal value) {
            return page.t().number(value.stripTrailingZeros());
        }

        public String base() {
            return "/course/pilots/" + call.id() + "/pilot/" + proposal.id();
        }
    }

    /** The pilot and who may see or change it. */
    private record Seat(Visit visit, Program program, PilotCall.Call call, PilotCall.Proposal proposal, boolean canEdit) {
    }

    @GET
    @Operation(hidden = true)
    public String page(@QueryParam("s") String token, @PathParam("call") String callId, @PathParam("proposal") String proposalId) {
        Seat seat = seat(courses.visit(token, headers), callId, proposalId);
        return render(seat, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(@PathParam("call") String callId, @PathParam("proposal") String proposalId, MultivaluedMap<String, String> form) {
        Seat seat = seat(courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers), callId, proposalId);
        if (!seat.canEdit()) throw ClientError.forbidden("pilots.error.notYours");
        Texts t = signedIn.texts(seat.visit().session());
        String action = String.valueOf(form.getFirst("action"));
        UUID proposal = seat.proposal().id();
        List<String> problems = new ArrayList<>();
        String anchor = "";
        switch (action) {
            case "milestone" -> {
                String title = text(form.getFirst("title"), 300);
                LocalDate due = date(form.getFirst("due"), "pilots.follow.error.due", t, problems);
                if (title.isBlank()) problems.add(t.get("pilots.follow.error.title"));
                if (problems.isEmpty()) followUp.milestone(proposal, title, due);
                anchor = "#milestones";
            }
            case "done" -> {
                LocalDate on = date(form.getFirst("done_on"), "pilots.follow.error.doneOn", t, problems);
                if (problems.isEmpty() && !followUp.done(proposal, uuid(form.getFirst("milestone")), on)) throw ClientError.notFound("error.notFound");
                anchor = "#milestones";
            }
            case "expense" -> {
                LocalDate on = date(form.getFirst("spent_on"), "pilots.follow.error.spentOn", t, problems);
                BigDecimal amount = decimal(form.getFirst("amount"), true, "pilots.follow.error.amount", t, problems);
                String note = text(form.getFirst("note"), 300);
                if (note.isBlank()) problems.add(t.get("pilots.follow.error.note"));
                if (problems.isEmpty()) followUp.expense(proposal, on, amount, note, seat.visit().session().subject());
                anchor = "#budget";
            }
            case "indicator" -> {
                String name = text(form.getFirst("name"), 300);
                BigDecimal baseline = decimal(form.getFirst("baseline"), false, "pilots.follow.error.baseline", t, problems);
                BigDecimal target = decimal(form.getFirst("target"), false, "pilots.follow.error.target", t, problems);
                if (name.isBlank()) problems.add(t.get("pilots.follow.error.name"));
                if (problems.isEmpty() && baseline.compareTo(target) == 0) problems.add(t.get("pilots.follow.error.same"));
                if (problems.isEmpty()) followUp.indicator(proposal, name, baseline, target);
                anchor = "#indicators";
            }
            case "measure" -> {
                LocalDate on = date(form.getFirst("measured_on"), "pilots.follow.error.measuredOn", t, problems);
                BigDecimal value = decimal(form.getFirst("value"), false, "pilots.follow.error.value", t, problems);
                if (problems.isEmpty() && !followUp.measure(proposal, uuid(form.getFirst("indicator")), on, value)) {
                    throw ClientError.notFound("error.notFound");
                }
                anchor = "#indicators";
            }
            case "go" -> {
                if (!seat.visit().canAuthor()) throw ClientError.forbidden("pilots.error.notInstructor");
                String decision = form.getFirst("decision");
                String reason = text(form.getFirst("reason"), 5000);
                if (!"GO".equals(decision) && !"NO_GO".equals(decision)) problems.add(t.get("pilots.follow.error.decision"));
                if (reason.isBlank()) problems.add(t.get("pilots.follow.error.reason"));
                if (problems.isEmpty()) followUp.decide(proposal, decision, reason, seat.visit().session().subject());
                anchor = "#go";
            }
            default -> throw ClientError.badRequest("error.badRequest");
        }
        if (!problems.isEmpty()) return Response.status(Response.Status.BAD_REQUEST).entity(render(seat, problems)).build();
        return sessions.seeOther(seat.visit().session(), "/course/pilots/" + seat.call().id() + "/pilot/" + proposal + anchor);
    }

    private String render(Seat seat, List<String> problems) {
        Page page = signedIn.page(seat.visit().session(), "pilots.title").titled(
                signedIn.texts(seat.visit().session()).format("pilots.follow.title", seat.proposal().teamName()));
        // The pilot plan's indicators, offered when adding one.
        String plan = drafts.of(seat.program(), seat.proposal().teamId(), page.t().lang()).getOrDefault("plan", "");
        List<String> suggested = plan.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2).strip()).distinct().limit(20).toList();
        return pages.render("pilots/pilot.jte", new View(page, seat.call(), seat.proposal(), followUp.of(seat.proposal().id()), seat.canEdit(),
                seat.visit().canAuthor(), suggested, problems, sessions.csrf(seat.visit().session()),
                Now.today(zones.of(seat.program()))));
    }

    /** A selected pilot of a call of this course: its team and instructors change it, its mentors read it. */
    private Seat seat(Visit visit, String callId, String proposalId) {
        Program program = visit.requireProgram();
        PilotCall.Call call = calls.find(program.id(), uuid(callId)).orElseThrow(() -> ClientError.notFound("error.notFound"));
        PilotCall.Proposal proposal = calls.proposals(call).stream().filter(p -> p.id().toString().equals(proposalId)
                && Boolean.TRUE.equals(p.selected())).findFirst().orElseThrow(() -> ClientError.notFound("error.notFound"));
        String subject = visit.session().subject();
        Team team = teams.find(program.id(), proposal.teamId()).orElseThrow(() -> ClientError.notFound("error.notFound"));
        boolean member = teams.teamOf(program.id(), subject).map(proposal.teamId()::equals).orElse(false);
        boolean canEdit = visit.canAuthor() || member;
        if (!canEdit && !teams.mentors(team, subject)) throw ClientError.forbidden("pilots.error.notYours");
        return new Seat(visit, program, call, proposal, canEdit);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw ClientError.notFound("error.notFound");
        }
    }

    private static String text(String value, int max) {
        if (value == null) return "";
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }

    private static LocalDate date(String value, String problem, Texts t, List<String> problems) {
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(t.get(problem));
            return null;
        }
    }

    /** A number as the reader types it (see {@link Texts#parseNumber}); positive when asked. */
    private static BigDecimal decimal(String value, boolean positive, String problem, Texts t, List<String> problems) {
        try {
            BigDecimal n = t.parseNumber(value);
            if ((positive && n.signum() <= 0) || n.abs().compareTo(new BigDecimal("100000000000")) > 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            problems.add(t.get(problem));
            return BigDecimal.ZERO;
        }
    }
}
