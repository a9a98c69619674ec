package org.innovadores.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.teams.Team;
import org.innovadores.teams.Teams;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/** The directory of public innovators of the deployment: search it, join it, say what shows, leave it. */
@ApplicationScoped
@Path("course/network")
@Produces("text/html;charset=UTF-8")
public class NetworkResource {

    static final int MAX_QUERY = 200;

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Directory directory;

    @Inject
    Teams teams;

    @Inject
    Pages pages;

    @Inject
    Gallery gallery;

    @Inject
    org.innovadores.exercises.Exercises exercises;

    @Inject
    org.innovadores.exercises.Templates templates;

    @Context
    HttpHeaders headers;

    public record Listing(Page page, List<Directory.Entry> entries, String query, Optional<Directory.Entry> mine) {
    }

    public record Form(Page page, Directory.Entry entry, boolean joined, List<String> problems, String csrf, String notice) {
    }

    /** The gallery, and for a team member the team's work to publish and what awaits consent. */
    public record GalleryPage(Page page, List<Gallery.Publication> published, String query, String method,
                              java.util.Map<String, String> methods, Optional<Team> team, List<org.innovadores.exercises.Exercise> publishable,
                              List<Gallery.Publication> own, java.util.Set<String> members, String subject, String csrf,
                              boolean portfolioToPropose) {
        public String method(String key) {
            return methods.getOrDefault(key, key);
        }
    }

    /** One exercise of a published piece: its title, its template version and what the team wrote. */
    public record Part(String title, org.innovadores.exercises.TemplateDefinition template, java.util.Map<String, jakarta.json.JsonValue> values) {
    }

    public record ItemPage(Page page, Gallery.Publication item, List<Part> parts, String method) {
    }

    @GET
    @Path("gallery")
    @Operation(hidden = true)
    public String gallery(@QueryParam("s") String token, @QueryParam("q") String query, @QueryParam("method") String method) {
        Visit visit = courses.visit(token, headers);
        ToolSession session = visit.session();
        String q = query == null ? "" : query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query.strip();
        Page page = signedIn.page(session, "network.gallery.title");
        // The methods: this course's templates and those of everything published (a later cohort's course may not have begun).
        java.util.Map<String, String> methods = new java.util.TreeMap<>();
        visit.program().ifPresent(p -> templates.all(p.id()).forEach((k, v) -> methods.put(k, v.definition().title().text(page.t().lang()))));
        List<Gallery.Publication> all = gallery.search(session.deployment(), "", "");
        all.forEach(p -> {
            if (p.portfolio()) methods.putIfAbsent(Gallery.PORTFOLIO, page.t().get("network.gallery.portfolio"));
            else templates.byId(p.templateId()).ifPresent(v -> methods.putIfAbsent(p.templateKey(), v.definition().title().text(page.t().lang())));
        });
        String m = method != null && methods.containsKey(method) ? method : method != null && method.matches("[a-z0-9-]{1,100}") ? method : "";
        Optional<Team> team = visit.program().flatMap(p -> teams.teamOf(p.id(), session.subject()).flatMap(id -> teams.find(p.id(), id)));
        List<org.innovadores.exercises.Exercise> publishable = team.map(t -> exercises.of(t.id()).stream()
                .filter(e -> e.status() == org.innovadores.exercises.Exercise.Status.ACCEPTED
                        || e.status() == org.innovadores.exercises.Exercise.Status.SUBMITTED).toList()).orElse(List.of());
        List<Gallery.Publication> own = team.map(t -> gallery.of(t.id())).orElse(List.of());
        java.util.Set<String> members = team.map(this::members).orElse(java.util.Set.of());
        return pages.render("network/gallery.jte", new GalleryPage(page, all.stream().filter(p -> p.matches(q, m)).toList(), q, m, methods, team,
                publishable.stream().filter(e -> own.stream().noneMatch(p -> p.exerciseId().equals(e.id()))).toList(), own, members,
                session.subject(), sessions.csrf(session), !publishable.isEmpty() && own.stream().noneMatch(Gallery.Publication::portfolio)));
    }

    /** A team member proposes, consents to or withdraws a publication of the team's own work; nothing else. */
    @POST
    @Path("gallery")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response publish(MultivaluedMap<String, String> form) {
        Visit visit = courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        ToolSession session = visit.session();
        var program = visit.requireProgram();
        Team team = teams.teamOf(program.id(), session.subject()).flatMap(id -> teams.find(program.id(), id))
                .orElseThrow(() -> org.innovadores.web.ClientError.forbidden("network.error.noTeam"));
        java.util.Set<String> members = members(team);
        String action = String.valueOf(form.getFirst("action"));
        switch (action) {
            case "propose" -> {
                org.innovadores.exercises.Exercise exercise = exercises.find(team.id(), uuid(form.getFirst("exercise")))
                        .filter(e -> e.status() == org.innovadores.exercises.Exercise.Status.ACCEPTED
                                || e.status() == org.innovadores.exercises.Exercise.Status.SUBMITTED)
                        .orElseThrow(() -> org.innovadores.web.ClientError.notFound("error.notFound"));
                gallery.propose(session.deployment(), team, exercise, session.subject(), members);
            }
            case "propose-portfolio" -> {
                List<org.innovadores.exercises.Exercise> work = exercises.of(team.id()).stream()
                        .filter(e -> e.status() == org.innovadores.exercises.Exercise.Status.ACCEPTED
                                || e.status() == org.innovadores.exercises.Exercise.Status.SUBMITTED).toList();
                if (work.isEmpty()) throw new org.innovadores.web.ClientError(Response.Status.CONFLICT, "network.error.nothingHandedIn");
                gallery.proposePortfolio(session.deployment(), team, signedIn.texts(session).format("portfolio.titleOf", team.name()), work,
                        session.subject(), members);
            }
            case "consent" -> {
                UUID id = uuid(form.getFirst("publication"));
                if (gallery.find(team.id(), id).isEmpty()) throw org.innovadores.web.ClientError.notFound("error.notFound");
                gallery.consent(team.id(), id, session.subject(), members);
            }
            case "withdraw" -> {
                if (!gallery.withdraw(team.id(), uuid(form.getFirst("publication")))) throw org.innovadores.web.ClientError.notFound("error.notFound");
            }
            default -> throw org.innovadores.web.ClientError.badRequest("error.badRequest");
        }
        return sessions.seeOther(session, "/course/network/gallery#team-work");
    }

    @GET
    @Path("gallery/{id}")
    @Operation(hidden = true)
    public String item(@QueryParam("s") String token, @jakarta.ws.rs.PathParam("id") String id) {
        ToolSession session = signedIn.require(token, headers);
        Gallery.Publication item = gallery.published(session.deployment(), uuid(id))
                .orElseThrow(() -> org.innovadores.web.ClientError.notFound("error.notFound"));
        Page page = signedIn.page(session, "network.gallery.title").titled(item.title());
        List<Part> parts = new java.util.ArrayList<>();
        String method;
        if (item.portfolio()) {
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(item.values()))) {
                for (jakarta.json.JsonValue v : reader.readArray()) {
                    jakarta.json.JsonObject part = v.asJsonObject();
                    templates.byId(UUID.fromString(part.getString("template"))).ifPresent(version -> parts.add(
                            new Part(part.getString("title"), version.definition(), part.getJsonObject("values"))));
                }
            }
            method = page.t().get("network.gallery.portfolio");
        } else {
            var template = templates.byId(item.templateId()).orElseThrow(() -> org.innovadores.web.ClientError.notFound("error.notFound"));
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(item.values()))) {
                parts.add(new Part(item.title(), template.definition(), reader.readObject()));
            }
            method = template.definition().title().text(page.t().lang());
        }
        return pages.render("network/item.jte", new ItemPage(page, item, parts, method));
    }

    private java.util.Set<String> members(Team team) {
        return teams.members(team).stream().map(Teams.Person::subject).collect(java.util.stream.Collectors.toSet());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw org.innovadores.web.ClientError.notFound("error.notFound");
        }
    }

    @GET
    @Operation(hidden = true)
    public String list(@QueryParam("s") String token, @QueryParam("q") String query) {
        ToolSession session = signedIn.require(token, headers);
        String q = query == null ? "" : query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query.strip();
        return pages.render("network/directory.jte", new Listing(signedIn.page(session, "network.title"),
                directory.search(session.deployment(), q), q, directory.own(session.deployment(), session.subject())));
    }

    @GET
    @Path("me")
    @Operation(hidden = true)
    public String mine(@QueryParam("s") String token, @QueryParam("saved") String saved) {
        Visit visit = courses.visit(token, headers);
        ToolSession session = visit.session();
        Optional<Directory.Entry> own = directory.own(session.deployment(), session.subject());
        return pages.render("network/entry.jte", new Form(signedIn.page(session, "network.entry.title"),
                own.orElseGet(() -> suggested(visit)), own.isPresent(), List.of(), sessions.csrf(session), saved != null ? "saved" : null));
    }

    /** Joins or updates the entry (only the person's own: the subject is the session's, never the form's), or leaves. */
    @POST
    @Path("me")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(MultivaluedMap<String, String> form) {
        Visit visit = courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers);
        ToolSession session = visit.session();
        if ("leave".equals(form.getFirst("action"))) {
            directory.leave(session.deployment(), session.subject());
            return sessions.seeOther(session, "/course/network?left=1");
        }
        Texts t = signedIn.texts(session);
        List<String> problems = new ArrayList<>();
        String name = text(form.getFirst("name"), 200, "network.field.name", t, problems);
        if (name.isBlank()) problems.add(t.get("network.error.name"));
        Directory.Entry entry = new Directory.Entry(session.subject(), name, text(form.getFirst("institution"), 300, "network.field.institution", t, problems),
                text(form.getFirst("challenge"), 1000, "network.field.challenge", t, problems),
                text(form.getFirst("skills"), 1000, "network.field.skills", t, problems),
                text(form.getFirst("contact"), 300, "network.field.contact", t, problems),
                form.containsKey("show_institution"), form.containsKey("show_challenge"), form.containsKey("show_skills"),
                form.containsKey("show_contact"), session.contextTitle(), null);
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(pages.render("network/entry.jte", new Form(
                    signedIn.page(session, "network.entry.title"), entry, directory.own(session.deployment(), session.subject()).isPresent(),
                    problems, sessions.csrf(session), null))).build();
        }
        directory.save(session.deployment(), entry);
        return sessions.seeOther(session, "/course/network/me?saved=1");
    }

    /** A first entry from what the course knows: the name from the LMS, institution and challenge from the person's team; nothing shown yet but the name. */
    private Directory.Entry suggested(Visit visit) {
        ToolSession session = visit.session();
        Optional<Team> team = visit.program().flatMap(p -> teams.teamOf(p.id(), session.subject()).flatMap(id -> teams.find(p.id(), id)));
        return new Directory.Entry(session.subject(), session.displayName() == null ? "" : session.displayName(),
                team.map(Team::institutions).map(s -> s == null ? "" : s).orElse(""), team.map(Team::challenge).map(s -> s == null ? "" : s).orElse(""),
                "", "", false, false, false, false, session.contextTitle(), null);
    }

    private static String text(String value, int max, String field, Texts t, List<String> problems) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > max) problems.add(t.format("network.error.long", t.get(field), max));
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
