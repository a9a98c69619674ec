package org.innovadores.program;

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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.audit.AuditLog;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * Instructors' authoring of their course's program: create, edit (with preview), reorder, publish,
 * attach files, and the revision history with diff and restore. Every write is a form post with the
 * session's anti-forgery value; every module is looked up inside the instructor's own course.
 */
@ApplicationScoped
@Path("course/authoring/modules")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AuthoringResource {

    @Inject
    TemplateTexts templateTexts;

    @Inject
    CourseProgram courses;

    @Inject
    Programs programs;

    @Inject
    Attachments attachments;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Inject
    AuditLog audit;

    @Context
    HttpHeaders headers;

    /** A template as the editor offers it: its use in the module and, when used, its place among the module's exercises. */
    public record TemplateOption(String key, Localized.Shown title, String choice, int position) {
    }

    public record SectionView(int index, ModuleContent.Section section) {
    }

    public record WorkshopView(int index, ModuleContent.Workshop workshop) {
    }

    public record PreviewSection(Localized.Shown title, Localized.Shown body, String html) {
    }

    public record Editor(Page page, ProgramModule module, int basedOn, ModuleContent draft, List<SectionView> sections,
                         List<WorkshopView> workshops, List<TemplateOption> templates, List<String> problems,
                         String conflict, List<PreviewSection> preview, List<Attachment> attachments, String saved,
                         String csrf, String edit) {
    }

    public record History(Page page, ProgramModule module, List<ModuleRevision> revisions, String csrf) {
    }

    public record RevisionPage(Page page, ProgramModule module, ModuleRevision revision, List<RevisionDiff.Line> diff,
                               String csrf) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("s") String token, @FormParam("csrf") String csrf,
                           @FormParam("title_es") String titleEs, @FormParam("title_en") String titleEn) {
        Visit visit = authoring(courses.visitForm(token, csrf, headers));
        Localized title = Localized.of(titleEs, titleEn);
        if (title.isBlank() || title.es().length() > ModuleForm.MAX_TITLE || title.en().length() > ModuleForm.MAX_TITLE) {
            throw ClientError.badRequest("authoring.error.title");
        }
        ProgramModule module = programs.create(visit.requireProgram(), title, visit.author());
        audit(visit, "module.created", module);
        return seeOther("/course/authoring/modules/" + module.key(), visit.session());
    }

    @GET
    @Path("{module}")
    @Operation(hidden = true)
    public String editor(@QueryParam("s") String token, @PathParam("module") String key, @QueryParam("saved") String saved,
                         @QueryParam("edit") String edit) {
        Visit visit = authoring(courses.visit(token, headers));
        ProgramModule module = module(visit, key);
        return editorPage(visit, module, module.revision(), module.content(), List.of(), null, null, saved, edit);
    }

    @POST
    @Path("{module}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@PathParam("module") String key, MultivaluedMap<String, String> form) {
        Visit visit = authoring(courses.visitForm(form.getFirst("s"), form.getFirst("csrf"), headers));
        ProgramModule module = module(visit, key);
        int basedOn = integer(form.getFirst("base_revision"));
        ModuleForm.Result read = ModuleForm.read(form, templateTexts.of(visit.requireProgram()).keySet(), module.content().exercises());
        Texts t = signedIn.texts(visit.session());
        List<String> problems = read.problems().stream().map(p -> t.format(p.key(), p.argument())).toList();
        String action = form.getFirst("action");
        ModuleContent draft = read.content();
        // One language at a time: the switch re-shows the author's text, nothing saved, in the other language.
        String edit = "edit-es".equals(action) ? "es" : "edit-en".equals(action) ? "en" : form.getFirst("edit");
        if ("edit-es".equals(action) || "edit-en".equals(action)) {
            return Response.ok(editorPage(visit, module, basedOn, draft, problems, null, null, null, edit)).build();
        }
        boolean moved = action != null && (action.startsWith("exercise-up.") || action.startsWith("exercise-down."));
        if ("add-section".equals(action) || "add-workshop".equals(action) || "preview".equals(action)) {
            // Nothing is saved: the editor comes back with the author's text and the requested change.
            if ("add-section".equals(action)) {
                List<ModuleContent.Section> sections = new ArrayList<>(draft.sections());
                sections.add(new ModuleContent.Section(ModuleForm.newKey("s-"), Localized.empty(), Localized.empty()));
                draft = new ModuleContent(draft.title(), draft.goals(), sections, draft.workshops(), draft.exercises(), draft.points());
            } else if ("add-workshop".equals(action)) {
                List<ModuleContent.Workshop> workshops = new ArrayList<>(draft.workshops());
                workshops.add(new ModuleContent.Workshop(ModuleForm.newKey("taller-"), Localized.empty(), Localized.empty(), "", ""));
                draft = new ModuleContent(draft.title(), draft.goals(), draft.sections(), workshops, draft.exercises(), draft.points());
            }
            List<PreviewSection> preview = "preview".equals(action) ? preview(draft, t.lang(), signedIn.page(visit.session(), "authoring.preview")) : null;
            return Response.ok(editorPage(visit, module, basedOn, draft, problems, null, preview, null, edit)).build();
        }
        if (!read.valid()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(editorPage(visit, module, basedOn, draft, problems, null, null, null, edit)).build();
        }
        try {
            ProgramModule saved = programs.save(visit.requireProgram(), key, basedOn, draft, visit.author());
            audit(visit, "module.edited", saved);
            // Moving an exercise saves like the save button, and comes back to the exercises' list.
            return seeOther("/course/authoring/modules/" + key + "?saved=" + saved.revision() + ("en".equals(edit) || "es".equals(edit)
                    ? "&edit=" + edit : "") + (moved ? "#exercises" : ""), visit.session());
        } catch (Programs.StaleRevision stale) {
            // Someone saved in between: nothing is overwritten, and this author's text comes back intact.
            String conflict = t.format("authoring.conflict", stale.current.revision());
            return Response.status(Response.Status.CONFLICT)
                    .entity(editorPage(visit, stale.current, stale.current.revision(), draft, List.of(), conflict, null, null, edit)).build();
        }
    }

    @POST
    @Path("{module}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response status(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("module") String key,
                           @FormParam("status") String status) {
        Visit visit = authoring(courses.visitForm(token, csrf, headers));
        module(visit, key);
        ProgramModule.Status wanted;
        try {
            wanted = ProgramModule.Status.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("error.badRequest");
        }
        ProgramModule module = programs.setStatus(visit.requireProgram(), key, wanted, visit.author());
        audit(visit, "module." + wanted.name().toLowerCase(), module);
        return seeOther("/course/authoring/modules/" + key, visit.session());
    }

    @POST
    @Path("{module}/position")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response position(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("module") String key,
                             @FormParam("position") String position) {
        Visit visit = authoring(courses.visitForm(token, csrf, headers));
        module(visit, key);
        int wanted = integer(position);
        if (wanted < 1) throw ClientError.badRequest("authoring.error.position", position);
        programs.move(visit.requireProgram(), key, wanted);
        return seeOther("/course", visit.session());
    }

    @GET
    @Path("{module}/history")
    @Operation(hidden = true)
    public String history(@QueryParam("s") String token, @PathParam("module") String key) {
        Visit visit = authoring(courses.visit(token, headers));
        ProgramModule module = module(visit, key);
        Page page = signedIn.page(visit.session(), "authoring.history");
        return pages.render("program/history.jte", new History(page, module, programs.revisions(module),
                sessions.csrf(visit.session())));
    }

    @GET
    @Path("{module}/revisions/{revision}")
    @Operation(hidden = true)
    public String revision(@QueryParam("s") String token, @PathParam("module") String key,
                           @PathParam("revision") String number) {
        Visit visit = authoring(courses.visit(token, headers));
        ProgramModule module = module(visit, key);
        int n = integer(number);
        ModuleRevision revision = programs.revision(module, n).orElseThrow(() -> ClientError.notFound("error.notFound"));
        ModuleContent before = programs.revision(module, n - 1).map(ModuleRevision::content).orElse(null);
        Page page = signedIn.page(visit.session(), "authoring.revision");
        return pages.render("program/revision.jte", new RevisionPage(page, module, revision,
                RevisionDiff.between(before, revision.content(), page.t()), sessions.csrf(visit.session())));
    }

    @POST
    @Path("{module}/revisions/{revision}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response restore(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("module") String key,
                            @PathParam("revision") String number) {
        Visit visit = authoring(courses.visitForm(token, csrf, headers));
        ProgramModule module = module(visit, key);
        int n = integer(number);
        programs.revision(module, n).orElseThrow(() -> ClientError.notFound("error.notFound"));
        ProgramModule restored = programs.restore(visit.requireProgram(), key, n, visit.author());
        audit(visit, "module.restored", restored);
        return seeOther("/course/authoring/modules/" + key + "?saved=" + restored.revision(), visit.session());
    }

    @POST
    @Path("{module}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response attach(@PathParam("module") String key, List<EntityPart> parts) throws IOException {
        Map<String, EntityPart> byName = new java.util.HashMap<>();
        for (EntityPart part : parts) byName.putIfAbsent(part.getName(), part);
        Visit visit = authoring(courses.visitForm(text(byName.get("s")), text(byName.get("csrf")), headers));
        ProgramModule module = module(visit, key);
        EntityPart file = byName.get("file");
        if (file == null || file.getFileName().isEmpty()) throw ClientError.badRequest("authoring.error.fileMissing");
        try (InputStream content = file.getContent()) {
            Attachment attachment = attachments.store(module, file.getFileName().get(), content, visit.author());
            audit(visit, "attachment.added", module);
            return seeOther("/course/authoring/modules/" + key + "?saved=file-" + attachment.id(), visit.session());
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private String editorPage(Visit visit, ProgramModule module, int basedOn, ModuleContent draft, List<String> problems,
                              String conflict, List<PreviewSection> preview, String saved, String edit) {
        Page page = signedIn.page(visit.session(), "authoring.editTitle");
        String lang = page.t().lang();
        String editing = "es".equals(edit) || "en".equals(edit) ? edit : lang;
        List<SectionView> sections = new ArrayList<>();
        for (ModuleContent.Section s : draft.sections()) sections.add(new SectionView(sections.size(), s));
        List<WorkshopView> workshops = new ArrayList<>();
        for (ModuleContent.Workshop w : draft.workshops()) workshops.add(new WorkshopView(workshops.size(), w));
        // The module's exercises first, in the module's order; then the others by title.
        List<String> used = draft.exercises().stream().map(ModuleContent.ExerciseUse::template).toList();
        List<TemplateOption> templates = templateTexts.of(visit.requireProgram()).entrySet().stream()
                .map(t -> new TemplateOption(t.getKey(), t.getValue().title().in(lang), draft.exercise(t.getKey())
                        .map(e -> e.required() ? "required" : "optional").orElse(""), used.indexOf(t.getKey()) + 1))
                .sorted(java.util.Comparator.comparingInt((TemplateOption o) -> o.position() == 0 ? Integer.MAX_VALUE : o.position())
                        .thenComparing(o -> o.title().text()))
                .toList();
        return pages.render("program/editor.jte", new Editor(page, module, basedOn, draft, sections, workshops, templates,
                problems, conflict, preview, attachments.of(module), saved, sessions.csrf(visit.session()), editing));
    }

    private static List<PreviewSection> preview(ModuleContent draft, String lang, Page page) {
        List<PreviewSection> preview = new ArrayList<>();
        Localized.Shown goals = draft.goals().in(lang);
        preview.add(new PreviewSection(draft.title().in(lang), goals, Markdown.toHtml(goals.text(), page::link)));
        for (ModuleContent.Section s : draft.sections()) {
            Localized.Shown body = s.body().in(lang);
            preview.add(new PreviewSection(s.title().in(lang), body, Markdown.toHtml(body.text(), page::link)));
        }
        return preview;
    }

    private Visit authoring(Visit visit) {
        if (!visit.canAuthor()) throw ClientError.forbidden("program.error.notInstructor");
        return visit;
    }

    private ProgramModule module(Visit visit, String key) {
        return programs.module(visit.requireProgram(), key).orElseThrow(() -> ClientError.notFound("error.notFound"));
    }

    private void audit(Visit visit, String action, ProgramModule module) {
        audit.record(visit.session().subject(), action, module.key() + " r" + module.revision());
    }

    private Response seeOther(String path, ToolSession session) {
        return sessions.seeOther(session, path);
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest("error.badRequest");
        }
    }

    private static String text(EntityPart part) throws IOException {
        return part == null ? null : part.getContent(String.class);
    }
}
