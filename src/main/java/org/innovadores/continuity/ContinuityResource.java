package org.innovadores.continuity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.audit.AuditLog;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseZone;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramDocument;
import org.innovadores.runtime.DataDirectory;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * The teaching team's continuity page: the program as a package (download; upload, checked before
 * anything changes), the next cohort started from another course of theirs, and the program as an
 * IMS Common Cartridge for the LMS.
 */
@ApplicationScoped
@Path("course/continuity")
public class ContinuityResource {

    private static final Logger LOG = Logger.getLogger(ContinuityResource.class.getName());

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    PackageWriter writer;

    @Inject
    PackageImport importer;

    @Inject
    Courses sources;

    @Inject
    CourseZone zones;

    @Inject
    org.innovadores.program.Programs programs;

    @Inject
    Cartridge cartridge;

    @Inject
    DataDirectory data;

    @Inject
    AuditLog audit;

    @Inject
    Sql db;

    @Inject
    Pages pages;

    @Inject
    @ConfigProperty(name = "media.max-upload-bytes", defaultValue = "4294967296")
    long maxUpload;

    @Inject
    @ConfigProperty(name = "program.package.max-expanded-bytes", defaultValue = "17179869184")
    long maxExpanded;

    @Context
    HttpHeaders headers;

    public record View(Page page, String csrf, List<Courses.Source> sources, List<String> problems, String notice,
                       Map<String, Integer> counts) {
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String show(@QueryParam("s") String token, @QueryParam("done") String done, @QueryParam("m") Integer m,
                       @QueryParam("t") Integer t, @QueryParam("a") Integer a, @QueryParam("r") Integer r, @QueryParam("w") Integer w) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Map<String, Integer> counts = new HashMap<>();
        if (done != null && (done.equals("imported") || done.equals("copied"))) {
            counts.put("modules", m == null ? 0 : m);
            counts.put("templates", t == null ? 0 : t);
            counts.put("attachments", a == null ? 0 : a);
            counts.put("recordings", r == null ? 0 : r);
            counts.put("withoutFile", w == null ? 0 : w);
        }
        return render(visit, List.of(), counts.isEmpty() ? null : done, counts);
    }

    @GET
    @Path("package")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response export(@QueryParam("s") String token, @QueryParam("recordings") String recordings) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Program program = visit.requireProgram();
        boolean files = "1".equals(recordings);
        StreamingOutput body = out -> writer.write(program, files, out);
        audit.record(visit.session().subject(), "program.exported", program.id() + (files ? " with recordings" : ""));
        return Response.ok(body, "application/zip").header("Content-Disposition", "attachment; filename=\"programa-"
                + Now.today(zones.of(program)) + ".zip\"").build();
    }

    @POST
    @Path("package")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public Response upload(List<EntityPart> parts) throws IOException {
        Map<String, EntityPart> byName = new HashMap<>();
        for (EntityPart part : parts) byName.putIfAbsent(part.getName(), part);
        Visit visit = courses.authoring(courses.visitForm(text(byName.get("s")), text(byName.get("csrf")), headers).session());
        EntityPart file = byName.get("file");
        if (file == null || file.getFileName().isEmpty() || file.getFileName().get().isBlank()) {
            return refused(visit, List.of(new PackageCheck.Problem("continuity.problem.noFile")));
        }
        java.nio.file.Path staged = stage();
        try {
            long size;
            try (InputStream in = file.getContent(); OutputStream out = Files.newOutputStream(staged)) {
                size = copy(in, out, maxUpload);
            }
            if (size > maxUpload) {
                return refused(visit, List.of(new PackageCheck.Problem("continuity.problem.tooBig", size / (1024 * 1024), maxUpload / (1024 * 1024))));
            }
            PackageCheck.Checked checked = PackageCheck.check(staged, maxExpanded);
            if (!checked.sound()) {
                audit.record(visit.session().subject(), "program.import.refused", checked.problems().size() + " problems");
                return refused(visit, checked.problems());
            }
            PackageImport.Applied applied = importer.apply(visit.requireProgram(), staged, checked.contents(), true, visit.author(), "imported");
            audit.record(visit.session().subject(), "program.imported", visit.requireProgram().id() + " " + applied);
            return done(visit, "imported", applied);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** The next cohort: this course takes another course's program (never its people's work). */
    @POST
    @Path("copy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public Response copy(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("source") String source,
                         @FormParam("templates") String withTemplates, @FormParam("settings") String withSettings,
                         @FormParam("recordings") String withRecordings) throws IOException {
        Visit visit = courses.authoring(courses.visitForm(token, csrf, headers).session());
        Program target = visit.requireProgram();
        UUID id = source == null || source.isBlank() ? null : Ids.uuid(source);
        Courses.Source from = sources.sources(visit.session().deployment(), target.id(), visit.session().subject()).stream()
                .filter(s -> s.program().equals(id)).findFirst().orElse(null);
        if (from == null) return refused(visit, List.of(new PackageCheck.Problem("continuity.problem.source")));
        Program program = programs.find(from.program()).orElseThrow(() -> ClientError.notFound("error.notFound"));
        java.nio.file.Path staged = stage();
        try {
            try (OutputStream out = Files.newOutputStream(staged)) {
                writer.write(program, "1".equals(withRecordings), out);
            }
            PackageCheck.Checked checked = PackageCheck.check(staged, maxExpanded);
            if (!checked.sound()) return refused(visit, checked.problems());
            PackageCheck.Contents contents = checked.contents();
            // A new cohort meets on new dates: the workshops come without the last cohort's dates and meeting links.
            List<ProgramDocument.Module> modules = new ArrayList<>();
            for (ProgramDocument.Module m : contents.program().modules()) modules.add(new ProgramDocument.Module(m.key(), m.status(), undated(m.content())));
            contents = new PackageCheck.Contents(contents.manifest(), new ProgramDocument(contents.program().title(), modules),
                    contents.templates(), contents.attachments(), contents.recordings());
            PackageImport.Applied applied = importer.apply(target, staged, contents, "1".equals(withTemplates), visit.author(), "cohort");
            if ("1".equals(withSettings)) {
                db.update("UPDATE program SET time_zone = (SELECT s.time_zone FROM program s WHERE s.id = ?), "
                        + "language = (SELECT s.language FROM program s WHERE s.id = ?) WHERE id = ?", program.id(), program.id(), target.id());
            }
            audit.record(visit.session().subject(), "program.copied", program.id() + " -> " + target.id() + " " + applied);
            LOG.info(() -> "Course program " + target.id() + " started from " + program.id());
            return done(visit, "copied", applied);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @GET
    @Path("cartridge")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response commonCartridge(@QueryParam("s") String token) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Program program = visit.requireProgram();
        StreamingOutput body = out -> cartridge.write(program, out);
        return Response.ok(body, "application/zip").header("Content-Disposition", "attachment; filename=\"programa-"
                + Now.today(zones.of(program)) + ".imscc\"").build();
    }

    static ModuleContent undated(ModuleContent content) {
        List<ModuleContent.Workshop> workshops = content.workshops().stream().map(w -> new ModuleContent.Workshop(w.key(), w.title(),
                w.outline(), "", w.facilitators(), "", "", w.place(), "", w.notes())).toList();
        return new ModuleContent(content.title(), content.goals(), content.sections(), workshops, content.exercises(), content.points());
    }

    private Response done(Visit visit, String what, PackageImport.Applied applied) {
        return sessions.seeOther(visit.session(), "/course/continuity?done=" + what + "&m=" + applied.modules() + "&t=" + applied.templates()
                + "&a=" + applied.attachments() + "&r=" + applied.recordings() + "&w=" + applied.recordingsWithoutFile() + "#done");
    }

    private Response refused(Visit visit, List<PackageCheck.Problem> problems) {
        var t = signedIn.texts(visit.session());
        List<String> shown = problems.stream().map(p -> t.format(p.key(), p.args().toArray())).toList();
        return Response.status(Response.Status.BAD_REQUEST).entity(render(visit, shown, null, Map.of())).build();
    }

    private String render(Visit visit, List<String> problems, String notice, Map<String, Integer> counts) {
        Program program = visit.requireProgram();
        return pages.render("continuity/continuity.jte", new View(signedIn.page(visit.session(), "continuity.title"),
                sessions.csrf(visit.session()), sources.sources(visit.session().deployment(), program.id(), visit.session().subject()),
                problems, notice, counts));
    }

    private java.nio.file.Path stage() throws IOException {
        java.nio.file.Path folder = data.folder("tmp");
        return Files.createTempFile(folder, "package-", ".zip");
    }

    /** Copies at most {@code max} + 1 bytes: one more than allowed says the upload is too big. */
    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > max) return total;
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static String text(EntityPart part) throws IOException {
        return part == null ? null : part.getContent(String.class);
    }
}
