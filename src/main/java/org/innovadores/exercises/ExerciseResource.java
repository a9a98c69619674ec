package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.teams.TeamAccess;
import org.innovadores.teams.TeamAccess.Seat;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.ScopedIds;
import org.innovadores.web.Texts;

/**
 * A team's exercises: start one from a module's templates, fill it in together (a plain form post,
 * or the page's autosave sending the same form), resolve conflicts, submit it, have it reviewed,
 * comment on it, and go through its history with restore.
 */
@ApplicationScoped
@Path("course/teams/{team}/exercises")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ExerciseResource {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ExerciseResource.class.getName());

    @Inject
    CourseProgram courses;

    @Inject
    TeamAccess access;

    @Inject
    PrintedWork printedWork;

    @Inject
    Programs programs;

    @Inject
    Templates templates;

    @Inject
    Exercises exercises;

    @Inject
    ExerciseReview review;

    @Inject
    org.innovadores.teams.Teams teams;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    /** An option of a link field: another exercise of the team. */
    public record LinkOption(String id, String title) {
    }

    /** A value that was not kept, as the error summary lists it: the input it belongs to and what to do. */
    public record Shown(String input, String message) {
    }

    public record Form(Page page, Seat seat, Exercise exercise, TemplateDefinition template, Map<String, JsonValue> values,
                       Map<String, List<LinkOption>> linkOptions, List<Exercises.OpenConflict> conflicts,
                       List<Exercises.Comment> comments, List<Shown> problems, String notice, String csrf, List<String> incomplete,
                       List<String> reviewers, String commentOn) {
        public boolean editable() {
            return seat.canWrite() && exercise.status().editable();
        }

        /** The comments (not the answers) on a field or on one of its rows, shown beside it. */
        public List<Exercises.Comment> commentsOn(String fieldKey) {
            return comments.stream().filter(c -> c.parent() == null && c.field() != null
                    && (c.field().equals(fieldKey) || c.field().startsWith(fieldKey + "/"))).toList();
        }

        /** Where a comment points, in words: the field's label, and the row with its first cell for a row. */
        public String place(Exercises.Comment c) {
            return c.field() == null ? page.t().get("exercises.wholeExercise") : CommentTarget.place(template, exercise.values(), c.field(), page.t());
        }

        /** What a comment can point to: the whole exercise, each field, each row of a table. */
        public List<CommentTarget> commentTargets() {
            return CommentTarget.all(template, exercise.values(), page.t());
        }

        /** Input name → message, for marking each input that holds a value not kept. */
        public Map<String, String> invalid() {
            Map<String, String> byInput = new java.util.LinkedHashMap<>();
            problems.forEach(p -> byInput.putIfAbsent(p.input(), p.message()));
            return byInput;
        }
    }

    /** "Check your answers" before handing in: everything as the reviewer will read it, or what is still missing. */
    public record Confirm(Page page, Seat seat, Exercise exercise, TemplateDefinition template, Map<String, List<LinkOption>> linkOptions,
                          List<String> incomplete, List<String> reviewers, String csrf) {
    }

    /** One exercise as printed: its template, values and what its links name. */
    public record Printed(Exercise exercise, TemplateDefinition template, Map<String, List<LinkOption>> linkOptions) {
    }

    public record Print(Page page, Seat seat, List<Printed> exercises) {
    }

    public record History(Page page, Seat seat, Exercise exercise, TemplateDefinition template, List<Exercises.Revision> revisions,
                          String csrf) {
    }

    /** One field of a revision: its label, and its text before and after. */
    public record Change(String label, String before, String after) {
    }

    public record RevisionView(Page page, Seat seat, Exercise exercise, Exercises.Revision revision, List<Change> changes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response start(@PathParam("team") String teamId, @FormParam("s") String token, @FormParam("csrf") String csrf,
                          @FormParam("module") String moduleKey, @FormParam("template") String templateKey) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.canWrite()) throw ClientError.forbidden("exercises.error.notMember");
        ProgramModule module = programs.module(seat.visit().requireProgram(), moduleKey).filter(ProgramModule::published)
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (module.content().exercise(templateKey).isEmpty()) throw ClientError.badRequest("exercises.error.template");
        Templates.Version version = templates.latest(seat.visit().requireProgram().id(), templateKey)
                .orElseThrow(() -> ClientError.badRequest("exercises.error.template"));
        Texts t = signedIn.texts(seat.visit().session());
        List<Exercise> existing = exercises.of(seat.team().id()).stream().filter(e -> e.templateKey().equals(templateKey)).toList();
        if (!existing.isEmpty() && !version.definition().repeatable()) {
            // One per team: "start" opens the team's own.
            return seeOther(seat, "/" + existing.getLast().id(), "existing");
        }
        long count = existing.size();
        String title = version.definition().title().text(t.lang()) + (count == 0 ? "" : " " + (count + 1));
        Exercise exercise = exercises.start(seat.team().id(), module.key(), version, title, seat.subject(), seat.name());
        return seeOther(seat, "/" + exercise.id(), null);
    }

    @GET
    @Path("{exercise}")
    @Operation(hidden = true)
    public String form(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId, @QueryParam("s") String token,
                       @QueryParam("notice") String notice, @QueryParam("comment") String commentOn) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        Exercise exercise = exercise(seat, exerciseId);
        return render(seat, exercise, exercise.values(), List.of(), notice, commentOn);
    }


    /**
     * Saves the form. The page's script sends the same form while the member types (asking for JSON);
     * a browser without script posts it with the button. Both go through the same merge.
     */
    @POST
    @Path("{exercise}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML + ";charset=UTF-8", MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Response save(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId,
                         @HeaderParam("Accept") String accept, MultivaluedMap<String, String> form) {
        Seat seat = access.seat(courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers), teamId);
        if (!seat.canWrite()) throw ClientError.forbidden("exercises.error.notMember");
        Exercise exercise = exercise(seat, exerciseId);
        if (!exercise.status().editable()) throw new ClientError(Response.Status.CONFLICT, "exercises.error.locked");
        TemplateDefinition template = template(exercise);
        int basedOn;
        try {
            basedOn = Integer.parseInt(String.valueOf(form.getFirst("version")).strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest("error.badRequest");
        }
        if (basedOn < 1) throw ClientError.badRequest("error.badRequest");
        if (basedOn > exercise.version()) {
            // The page knows a version the store does not (it was lost, e.g. restored from a backup):
            // the page holds the newest text there is, so it is merged onto what the store has.
            int unknown = basedOn;
            LOG.warning(() -> "Exercise " + exercise.id() + ": a save based on version " + unknown + " of " + exercise.version()
                    + " kept, merged onto the stored version");
            basedOn = exercise.version();
        }
        // A value that is not allowed never blocks the rest: everything else is saved, that cell keeps
        // what was stored, and the answer names it (label, row, what is allowed) with what was typed.
        List<FieldValues.Problem> problems = new ArrayList<>();
        Map<String, String> newRowIds = new java.util.LinkedHashMap<>();
        Map<String, JsonValue> mine = FieldValues.fromForm(template, form, linkable(seat, exercise, template), exercise.values(), problems,
                newRowIds);
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON);
        Exercises.Saved saved = exercises.save(seat.team().id(), exercise.id(), basedOn, mine, seat.subject(), seat.name());
        Texts t = signedIn.texts(seat.visit().session());
        List<Shown> shown = problems.stream().map(p -> shown(p, template, t)).distinct().toList();
        if (json) {
            jakarta.json.JsonArrayBuilder conflicts = jakarta.json.Json.createArrayBuilder();
            saved.conflicts().forEach(c -> conflicts.add(c.field()));
            jakarta.json.JsonArrayBuilder refused = jakarta.json.Json.createArrayBuilder();
            shown.forEach(p -> refused.add(jakarta.json.Json.createObjectBuilder().add("input", p.input()).add("message", p.message())));
            jakarta.json.JsonObjectBuilder ids = jakarta.json.Json.createObjectBuilder();
            newRowIds.forEach(ids::add);
            // The page keeps each new row's id (so the next save names the same row) and redraws its pictures.
            return Response.ok(jakarta.json.Json.createObjectBuilder().add("version", saved.exercise().version())
                    .add("changed", saved.changed().size()).add("conflicts", conflicts).add("problems", refused).add("rowIds", ids)
                    .add("pictures", pictures(template, saved.exercise().values(), saved.changed(), new Page("", t, null)))
                    .build().toString(), MediaType.APPLICATION_JSON).build();
        }
        if (!shown.isEmpty()) {
            // Without script: the page again, with what was typed where it was typed, and the summary on top.
            Map<String, JsonValue> typed = FieldValues.withTyped(saved.exercise().values(), problems);
            return Response.status(422).entity(render(seat, saved.exercise(), typed, shown, null)).build();
        }
        return seeOther(seat, "/" + exercise.id(), saved.conflicts().isEmpty() ? "saved" : "conflicts");
    }

    /**
     * The pictures this save may have changed, drawn again, by the id of the element that holds each on
     * the page: the exercise's own picture when anything changed, a table's when that table did.
     */
    private jakarta.json.JsonObject pictures(TemplateDefinition template, Map<String, JsonValue> values, List<String> changed,
                                             Page page) {
        jakarta.json.JsonObjectBuilder drawn = jakarta.json.Json.createObjectBuilder();
        if (changed.isEmpty()) return drawn.build();
        if (template.picture() != null) {
            drawn.add("template-picture", pages.render("exercises/pictures.jte",
                    Map.<String, Object>of("template", template, "values", values, "page", page)));
        }
        for (TemplateDefinition.Field field : template.fields()) {
            if (field.type() != TemplateDefinition.Type.TABLE && field.type() != TemplateDefinition.Type.MATRIX) continue;
            if (!changed.contains(field.key())) continue;
            drawn.add("picture-of-" + field.key(), pages.render("exercises/field-picture.jte",
                    Map.<String, Object>of("field", field, "value", values.getOrDefault(field.key(), JsonValue.EMPTY_JSON_ARRAY), "page", page)));
        }
        return drawn.build();
    }

    /** A problem in words: "Actores, fila 3, «Relevancia»: escriba un número del 1 al 5; «9» no se guardó." */
    static Shown shown(FieldValues.Problem p, TemplateDefinition template, Texts t) {
        TemplateDefinition.Field field = template.field(p.field()).orElse(null);
        String label = field == null ? p.field() : field.label().text(t.lang());
        String where = "";
        String input = "f." + p.field();
        if (p.row() != null && field != null) {
            String column = p.column();
            String columnLabel = switch (column) {
                case "x" -> field.xAxis().text(t.lang());
                case "y" -> field.yAxis().text(t.lang());
                default -> java.util.stream.Stream.concat(field.columns().stream(), field.itemColumns().stream())
                        .filter(c -> c.key().equals(column)).map(c -> c.label().text(t.lang())).findFirst().orElse(column);
            };
            where = t.format("exercises.problem.where", p.row() + 1, columnLabel);
            input = "f." + p.field() + "." + p.row() + "." + column;
        }
        List<Object> args = new ArrayList<>(List.of(label, where, p.typed()));
        args.addAll(p.args());
        return new Shown(input, t.format(p.key(), args.toArray()));
    }

    @POST
    @Path("{exercise}/conflicts/{conflict}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resolve(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId,
                            @PathParam("conflict") String conflictId, @FormParam("s") String token, @FormParam("csrf") String csrf,
                            @FormParam("use") String use) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.canWrite()) throw ClientError.forbidden("exercises.error.notMember");
        Exercise exercise = exercise(seat, exerciseId);
        UUID conflict = Ids.uuid(conflictId);
        if (exercises.conflicts(exercise.id()).stream().noneMatch(c -> c.id().equals(conflict))) throw ClientError.notFound("error.notFound");
        if (!"proposed".equals(use) && !"current".equals(use)) throw ClientError.badRequest("error.badRequest");
        exercises.resolve(seat.team().id(), exercise.id(), conflict, "proposed".equals(use), seat.subject(), seat.name());
        return seeOther(seat, "/" + exercise.id(), "resolved");
    }

    @POST
    @Path("{exercise}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response status(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId,
                           @FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("status") String status,
                           @FormParam("score") String score, @FormParam("reason") String reason) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        Exercise exercise = exercise(seat, exerciseId);
        Exercise.Status wanted;
        try {
            wanted = Exercise.Status.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("error.badRequest");
        }
        if (wanted == Exercise.Status.SUBMITTED && seat.canWrite() && exercise.status().editable()) {
            // Handed in only when the template's own rules are met; otherwise the list of what is missing.
            Texts t = signedIn.texts(seat.visit().session());
            List<String> missing = ExerciseRules.incomplete(template(exercise), exercise.values(), t);
            if (!missing.isEmpty()) {
                return Response.status(409).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(render(seat, exercise, exercise.values(), missing.stream().map(m -> new Shown("submit", m)).toList(),
                                "incomplete")).build();
            }
        }
        boolean allowed = switch (wanted) {
            case DELETED -> false; // deleting a draft has its own request
            case SUBMITTED -> seat.canWrite() && exercise.status().editable();
            case CHANGES_REQUESTED, ACCEPTED -> seat.canReview() && exercise.status() == Exercise.Status.SUBMITTED;
            // The team may take a hand-in back while it waits, before anyone has reviewed it.
            case DRAFT -> seat.canWrite() && exercise.status() == Exercise.Status.SUBMITTED;
        };
        if (!allowed) {
            if (!seat.canWrite() && !seat.canReview()) throw ClientError.forbidden("error.forbidden");
            throw new ClientError(Response.Status.CONFLICT, "exercises.error.transition");
        }
        Double given = null;
        if (wanted == Exercise.Status.ACCEPTED && score != null && !score.isBlank()) {
            try {
                given = Double.parseDouble(score.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw ClientError.badRequest("exercises.error.score");
            }
            if (given < 0 || given > 100 || given.isNaN()) throw ClientError.badRequest("exercises.error.score");
        }
        // Changes are asked for with the reason, which the team reads with the exercise and the LMS with the score.
        String why = reason == null ? "" : reason.strip();
        if (wanted == Exercise.Status.CHANGES_REQUESTED && (why.isEmpty() || why.length() > 2000)) {
            throw ClientError.badRequest("exercises.error.reason");
        }
        List<String> members = teams.members(seat.team()).stream().map(org.innovadores.teams.Teams.Person::subject).toList();
        review.change(seat.visit().requireProgram(), exercise, wanted, given, wanted == Exercise.Status.CHANGES_REQUESTED ? why : null,
                members, seat.subject(), seat.name());
        return seeOther(seat, "/" + exercise.id(), "status");
    }

    /** The check before handing in: the whole exercise read as its reviewer will, and what is missing if anything is. */
    @GET
    @Path("{exercise}/submit")
    @Operation(hidden = true)
    public String confirm(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId, @QueryParam("s") String token) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        if (!seat.canWrite()) throw ClientError.forbidden("exercises.error.notMember");
        Exercise exercise = exercise(seat, exerciseId);
        if (!exercise.status().editable()) throw new ClientError(Response.Status.CONFLICT, "exercises.error.transition");
        TemplateDefinition template = template(exercise);
        Page page = signedIn.page(seat.visit().session(), "exercises.confirm.title").titled(exercise.title());
        return pages.render("exercises/confirm.jte", new Confirm(page, seat, exercise, template, linkOptions(seat, exercise, template),
                ExerciseRules.incomplete(template, exercise.values(), page.t()), reviewers(seat), sessions.csrf(seat.visit().session())));
    }

    /** A draft the team no longer wants goes out of every list; the instructor still finds it with its history. */
    @POST
    @Path("{exercise}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId,
                           @FormParam("s") String token, @FormParam("csrf") String csrf) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.canWrite()) throw ClientError.forbidden("exercises.error.notMember");
        Exercise exercise = exercise(seat, exerciseId);
        if (!exercises.deleteDraft(seat.team().id(), exercise.id(), seat.subject(), seat.name())) {
            throw new ClientError(Response.Status.CONFLICT, "exercises.error.notDraft");
        }
        LOG.info(() -> "Exercise " + exercise.id() + " deleted as a draft by a member of team " + seat.team().id());
        return sessions.seeOther(seat.visit().session(), "/course/teams/" + seat.team().id() + "?notice=deleted");
    }

    /** One exercise on paper, its pictures included. */
    @GET
    @Path("{exercise}/print")
    @Operation(hidden = true)
    public String print(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId, @QueryParam("s") String token) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        Exercise exercise = exercise(seat, exerciseId);
        Page page = signedIn.page(seat.visit().session(), "exercises.print.title").titled(exercise.title());
        TemplateDefinition template = template(exercise);
        return pages.render("exercises/print.jte", new Print(page, seat, List.of(new Printed(exercise, template,
                linkOptions(seat, exercise, template)))));
    }

    /** All the team's exercises on paper, one page each, for a workshop without screens. */
    @GET
    @Path("print")
    @Operation(hidden = true)
    public String printAll(@PathParam("team") String teamId, @QueryParam("s") String token) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        Page page = signedIn.page(seat.visit().session(), "exercises.print.all").titled(seat.team().name());
        // Each exercise is drawn by the same templates: its ids are scoped to its page.
        return ScopedIds.scope(pages.render("exercises/print.jte", new Print(page, seat, printedWork.of(seat.team().id()))), "article.print-page");
    }

    @POST
    @Path("{exercise}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response comment(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId,
                            @FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("field") String field,
                            @FormParam("parent") String parent, @FormParam("body") String body,
                            @FormParam("resolve") String resolve) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        Exercise exercise = exercise(seat, exerciseId);
        List<Exercises.Comment> existing = exercises.comments(exercise.id());
        if (resolve != null) {
            UUID id = Ids.uuid(resolve);
            if (existing.stream().noneMatch(c -> c.id().equals(id))) throw ClientError.notFound("error.notFound");
            exercises.resolveComment(exercise.id(), id);
            return seeOther(seat, "/" + exercise.id(), "comment");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 10_000) throw ClientError.badRequest("exercises.error.comment");
        String fieldKey = field == null || field.isBlank() ? null : field.strip();
        // A field of the template, or one row of a table ("field/row") that the exercise has now.
        if (fieldKey != null && CommentTarget.all(template(exercise), exercise.values(), signedIn.texts(seat.visit().session())).stream()
                .noneMatch(target -> target.value().equals(fieldKey))) {
            throw ClientError.badRequest("exercises.error.commentTarget");
        }
        UUID parentId = parent == null || parent.isBlank() ? null : Ids.uuid(parent);
        if (parentId != null && existing.stream().noneMatch(c -> c.id().equals(parentId))) throw ClientError.badRequest("error.badRequest");
        Exercises.Comment answered = parentId == null ? null
                : existing.stream().filter(c -> c.id().equals(parentId)).findFirst().orElseThrow();
        List<String> members = teams.members(seat.team()).stream().map(org.innovadores.teams.Teams.Person::subject).toList();
        review.comment(seat.visit().requireProgram(), exercise, fieldKey, answered, text, members, seat.subject(), seat.name());
        return seeOther(seat, "/" + exercise.id(), "comment");
    }

    @GET
    @Path("{exercise}/history")
    @Operation(hidden = true)
    public String history(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId, @QueryParam("s") String token) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        Exercise exercise = exercise(seat, exerciseId);
        return pages.render("exercises/history.jte", new History(signedIn.page(seat.visit().session(), "exercises.history"), seat,
                exercise, template(exercise), exercises.revisions(exercise.id()), sessions.csrf(seat.visit().session())));
    }

    /** What one save changed: each field it touched, before and after. */
    @GET
    @Path("{exercise}/revisions/{version}")
    @Operation(hidden = true)
    public String revision(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId,
                           @PathParam("version") String version, @QueryParam("s") String token) {
        Seat seat = access.seat(courses.visit(token, headers), teamId);
        Exercise exercise = exercise(seat, exerciseId);
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ClientError.notFound("error.notFound");
        }
        Exercises.Revision revision = exercises.revision(exercise.id(), v).orElseThrow(() -> ClientError.notFound("error.notFound"));
        Map<String, JsonValue> before = exercises.revision(exercise.id(), v - 1).map(Exercises.Revision::values).orElse(Map.of());
        TemplateDefinition template = template(exercise);
        Page page = signedIn.page(seat.visit().session(), "exercises.history");
        String lang = page.t().lang();
        List<Change> changes = revision.changed().stream().filter(f -> !f.equals("status"))
                .map(f -> new Change(template.field(f).map(x -> x.label().text(lang)).orElse(f), FieldValues.plain(before.get(f)),
                        FieldValues.plain(revision.values().get(f))))
                .toList();
        return pages.render("exercises/revision.jte", new RevisionView(page, seat, exercise, revision, changes));
    }

    @POST
    @Path("{exercise}/revisions/{version}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response restore(@PathParam("team") String teamId, @PathParam("exercise") String exerciseId,
                            @PathParam("version") String version, @FormParam("s") String token, @FormParam("csrf") String csrf) {
        Seat seat = access.seat(courses.visitForm(token, csrf, headers), teamId);
        if (!seat.canWrite()) throw ClientError.forbidden("exercises.error.notMember");
        Exercise exercise = exercise(seat, exerciseId);
        if (!exercise.status().editable()) throw new ClientError(Response.Status.CONFLICT, "exercises.error.locked");
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ClientError.notFound("error.notFound");
        }
        if (exercises.revision(exercise.id(), v).isEmpty()) throw ClientError.notFound("error.notFound");
        exercises.restore(seat.team().id(), exercise.id(), v, seat.subject(), seat.name());
        return seeOther(seat, "/" + exercise.id(), "restored");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private String render(Seat seat, Exercise exercise, Map<String, JsonValue> values, List<Shown> problems, String notice) {
        return render(seat, exercise, values, problems, notice, null);
    }

    private String render(Seat seat, Exercise exercise, Map<String, JsonValue> values, List<Shown> problems, String notice,
                          String commentOn) {
        ToolSession session = seat.visit().session();
        Page page0 = signedIn.page(session, "exercises.title");
        Page page = page0.titled(exercise.title());
        TemplateDefinition template = template(exercise);
        Map<String, List<LinkOption>> options = linkOptions(seat, exercise, template);
        return pages.render("exercises/exercise.jte", new Form(page, seat, exercise, template, values, options,
                exercises.conflicts(exercise.id()), exercises.comments(exercise.id()), problems, notice, sessions.csrf(session),
                ExerciseRules.incomplete(template, exercise.values(), page.t()), reviewers(seat), commentOn));
    }

    /** Who reviews the team's hand-ins: its mentors by name; none means the course's instructors. */
    private List<String> reviewers(Seat seat) {
        List<String> mentors = teams.mentors(seat.team());
        if (mentors.isEmpty()) return List.of();
        Map<String, String> names = teams.people(seat.visit().requireProgram().id()).stream()
                .collect(Collectors.toMap(org.innovadores.teams.Teams.Person::subject,
                        p -> p.name() == null || p.name().isBlank() ? p.subject() : p.name(), (a, b) -> a));
        return mentors.stream().map(m -> names.getOrDefault(m, m)).toList();
    }

    private Exercise exercise(Seat seat, String id) {
        return exercises.find(seat.team().id(), Ids.uuid(id)).orElseThrow(() -> ClientError.notFound("error.notFound"));
    }

    private TemplateDefinition template(Exercise exercise) {
        return printedWork.template(exercise);
    }

    Map<String, List<LinkOption>> linkOptions(Seat seat, Exercise exercise, TemplateDefinition template) {
        return printedWork.linkOptions(exercises.of(seat.team().id()), exercise, template);
    }

    private Set<String> linkable(Seat seat, Exercise exercise, TemplateDefinition template) {
        return linkOptions(seat, exercise, template).values().stream().flatMap(List::stream).map(LinkOption::id)
                .collect(Collectors.toSet());
    }

    private Response seeOther(Seat seat, String path, String notice) {
        return sessions.seeOther(seat.visit().session(), "/course/teams/" + seat.team().id() + "/exercises" + path
                + (notice == null ? "" : "?notice=" + notice));
    }

}
