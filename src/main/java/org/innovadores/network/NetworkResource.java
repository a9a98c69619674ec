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

    @Context
    HttpHeaders headers;

    public record Listing(Page page, List<Directory.Entry> entries, String query, Optional<Directory.Entry> mine) {
    }

    public record Form(Page page, Directory.Entry entry, boolean joined, List<String> problems, String csrf, String notice) {
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
