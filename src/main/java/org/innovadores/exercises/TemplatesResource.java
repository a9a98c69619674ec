package org.innovadores.exercises;

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
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * Instructors' view of the exercise templates of their course: each definition as its data (JSON,
 * the same shape the shipped ones have in program.json), checked before it is kept; every change is
 * a new version for this course only, and exercises already started keep theirs.
 */
@ApplicationScoped
@Path("course/templates")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TemplatesResource {

    private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @Inject
    CourseProgram courses;

    @Inject
    Templates templates;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record Listing(Page page, Map<String, Templates.Version> templates, String csrf) {
    }

    /** The editor: the form over {@code draft} (null when the JSON typed could not be read), and the JSON for experts. */
    public record Editor(Page page, String key, String json, List<Templates.Version> history, List<String> problems,
                         String saved, String csrf, TemplateDefinition draft, boolean jsonOpen, Map<String, String> linkTargets) {
        /** The fields' keys in the form's order, carried between an up/down and the save. */
        public String order() {
            return draft == null ? "" : String.join(",", draft.fields().stream().map(TemplateDefinition.Field::key).toList());
        }

        /**
         * The form's address with a fragment, for a button that redraws the form: the page comes back
         * where the person was (autofocus is refused inside an LMS's cross-origin frame; a fragment is not).
         */
        public String at(String anchor) {
            return "/course/templates/" + key + "/form#" + anchor;
        }

        /** The id of the field an add will make. */
        public String nextField() {
            return "field-" + TemplateForm.fresh("campo", draft.fields().stream().map(TemplateDefinition.Field::key).toList());
        }

        /** The key the next option ({@code opcion}) or column ({@code columna}) added to {@code items} gets. */
        public static String next(String prefix, List<?> items) {
            return TemplateForm.fresh(prefix, List.of(keys(items).split(",")));
        }

        public static String keys(List<?> items) {
            return String.join(",", items.stream().map(i -> i instanceof TemplateDefinition.Option o ? o.key()
                    : ((TemplateDefinition.Column) i).key()).toList());
        }
    }

    @GET
    @Operation(hidden = true)
    public String list(@QueryParam("s") String token) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        return pages.render("exercises/templates.jte", new Listing(signedIn.page(visit.session(), "templates.title"),
                templates.all(visit.requireProgram().id()), sessions.csrf(visit.session())));
    }

    @GET
    @Path("{key}")
    @Operation(hidden = true)
    public String editor(@QueryParam("s") String token, @PathParam("key") String key, @QueryParam("saved") String saved) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Templates.Version latest = templates.latest(visit.requireProgram().id(), key).orElseThrow(() -> ClientError.notFound("error.notFound"));
        return pages.render("exercises/template.jte", new Editor(signedIn.page(visit.session(), "templates.edit"), key,
                PRETTY.toJson(latest.definition()), templates.history(visit.requireProgram().id(), key), List.of(), saved != null && saved.matches("[0-9]{1,9}") ? saved : null,
                sessions.csrf(visit.session()), latest.definition(), false, linkTargets(visit)));
    }

    /** The templates a link field can point to, by key, with their titles in the reader's language. */
    private Map<String, String> linkTargets(Visit visit) {
        String lang = signedIn.texts(visit.session()).lang();
        Map<String, String> targets = new java.util.TreeMap<>();
        templates.all(visit.requireProgram().id()).forEach((k, v) -> targets.put(k, v.definition().title() == null ? k
                : v.definition().title().text(lang)));
        return targets;
    }

    /**
     * The form's save: the words, the required marks and the order, on the structure of the latest
     * version. An up or down only reorders the form; a save with problems comes back with everything
     * typed and each problem naming its field.
     */
    @POST
    @Path("{key}/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveForm(@PathParam("key") String key, jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        Visit visit = courses.authoring(signedIn.requireForm(form.getFirst("s"), form.getFirst("csrf"), headers));
        java.util.UUID program = visit.requireProgram().id();
        Templates.Version latest = templates.latest(program, key).orElseThrow(() -> ClientError.notFound("error.notFound"));
        org.innovadores.web.Texts t = signedIn.texts(visit.session());
        TemplateForm.Result read = TemplateForm.read(latest.definition(), form);
        List<String> problems = new java.util.ArrayList<>();
        if (read.saving()) {
            read.problems().forEach(p -> problems.add(t.format(p.key(), p.args().toArray())));
            if (problems.isEmpty()) problems.addAll(localized(t, read.definition().problems(templates.all(program).keySet())));
            if (problems.isEmpty() && templates.courseVersions(program, key) >= Templates.MAX_VERSIONS) {
                problems.add(t.format("templates.form.error.versions", Templates.MAX_VERSIONS));
            }
            if (problems.isEmpty()) {
                Templates.Version version = templates.add(program, read.definition(), visit.session().subject());
                return sessions.seeOther(visit.session(), "/course/templates/" + key + "?saved=" + version.number());
            }
        }
        String html = pages.render("exercises/template.jte", new Editor(signedIn.page(visit.session(), "templates.edit"), key,
                PRETTY.toJson(latest.definition()), templates.history(program, key), problems, null, sessions.csrf(visit.session()),
                read.definition(), false, linkTargets(visit)));
        return Response.status(problems.isEmpty() ? Response.Status.OK : Response.Status.BAD_REQUEST).entity(html).build();
    }

    /** A new version of a template (or a new template, when the key is new) for this course. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("definition") String json,
                         @FormParam("key") String editedKey) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        java.util.UUID program = visit.requireProgram().id();
        org.innovadores.web.Texts t = signedIn.texts(visit.session());
        TemplateDefinition definition;
        List<String> problems;
        try {
            // The syntax first, with where it breaks in the person's words; then the definition's shape.
            if (json != null && json.length() <= Templates.MAX_DEFINITION_CHARS) {
                try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
                    reader.readValue();
                }
            }
            definition = json == null || json.length() > Templates.MAX_DEFINITION_CHARS ? null : PRETTY.fromJson(json, TemplateDefinition.class);
            problems = definition == null ? List.of(t.format("templates.error.size", Templates.MAX_DEFINITION_CHARS))
                    : localized(t, definition.problems(templates.all(program).keySet()));
            if (problems.isEmpty() && templates.courseVersions(program, definition.key()) >= Templates.MAX_VERSIONS) {
                problems = List.of(t.format("templates.form.error.versions", Templates.MAX_VERSIONS));
            }
        } catch (jakarta.json.stream.JsonParsingException syntax) {
            definition = null;
            problems = List.of(t.format("templates.error.syntax", syntax.getLocation().getLineNumber(), syntax.getLocation().getColumnNumber()));
        } catch (JsonbException | jakarta.json.JsonException | IllegalArgumentException | NullPointerException unreadable) {
            definition = null;
            problems = List.of(t.get("templates.error.structure"));
        }
        if (!problems.isEmpty()) {
            // A refused save keeps the page: the text as typed, and the template's name and versions.
            String key = definition != null && definition.key() != null ? definition.key()
                    : editedKey != null && editedKey.matches("[a-z0-9-]{1,100}") ? editedKey : "";
            return Response.status(Response.Status.BAD_REQUEST).entity(pages.render("exercises/template.jte", new Editor(
                    signedIn.page(visit.session(), "templates.edit"), key, json == null ? "" : json,
                    key.isEmpty() ? List.of() : templates.history(program, key), problems, null, sessions.csrf(visit.session()),
                    null, true, linkTargets(visit))))
                    .build();
        }
        Templates.Version version = templates.add(program, definition, visit.session().subject());
        return sessions.seeOther(visit.session(), "/course/templates/" + definition.key() + "?saved=" + version.number());
    }

    private static List<String> localized(org.innovadores.web.Texts t, List<TemplateDefinition.Problem> problems) {
        return problems.stream().map(p -> t.format(p.key(), p.argsIn(t.lang()))).toList();
    }
}
