package org.innovadores.recordings;

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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.audit.AuditLog;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.runtime.Now;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * Instructors attach recordings, slides, captions and chapters to a module or one of its workshops:
 * by upload (a plain form, or the resumable protocol of {@link UploadResource} that the page's
 * script uses for big files) or by link; and they retitle, add chapter marks or remove them.
 */
@ApplicationScoped
@Path("course/authoring/recordings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class RecordingsResource {

    @Inject
    Renditions renditions;

    @Inject
    org.innovadores.runtime.Jobs jobs;

    @Inject
    org.innovadores.runtime.Ffmpeg ffmpeg;

    @Inject
    CourseProgram courses;

    @Inject
    Programs programs;

    @Inject
    MediaAssets assets;

    @Inject
    Uploads uploads;

    @Inject
    MediaStore store;

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

    public record Manage(Page page, ProgramModule module, String moduleTitle, ModuleContent.Workshop workshop,
                         String workshopTitle, List<MediaAsset> assets, String csrf, String saved, long maxMegabytes,
                         java.util.Map<UUID, org.innovadores.runtime.Jobs.Job> renditionJobs, boolean renditionsOn) {
    }

    @GET
    @Operation(hidden = true)
    public String manage(@QueryParam("s") String token, @QueryParam("module") String moduleKey,
                         @QueryParam("workshop") String workshopKey, @QueryParam("saved") String saved) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Target target = target(visit, moduleKey, workshopKey);
        Page page = signedIn.page(visit.session(), "recordings.manage");
        String lang = page.t().lang();
        List<MediaAsset> attached = assets.ofModule(target.program().id(), target.module().key()).stream()
                .filter(a -> workshopKey == null || workshopKey.isBlank() ? a.workshopKey() == null : workshopKey.equals(a.workshopKey()))
                .toList();
        return pages.render("recordings/manage.jte", new Manage(page, target.module(), target.module().content().title().text(lang),
                target.workshop(), target.workshop() == null ? null : target.workshop().title().text(lang), attached,
                sessions.csrf(visit.session()), saved, uploads.maxBytes() / (1024 * 1024), renditionJobs(attached), ffmpeg.available()));
    }

    /** Each uploaded video's latest rendition job: where its lighter versions stand. */
    private java.util.Map<UUID, org.innovadores.runtime.Jobs.Job> renditionJobs(List<MediaAsset> attached) {
        java.util.Map<UUID, org.innovadores.runtime.Jobs.Job> found = new java.util.HashMap<>();
        for (MediaAsset a : attached) jobs.latestFor(a.id(), Renditions.JOB).ifPresent(j -> found.put(a.id(), j));
        return found;
    }

    /** The plain form: the whole file in one multipart request, streamed to storage as it arrives. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response upload(List<EntityPart> parts) throws IOException {
        Map<String, EntityPart> byName = new HashMap<>();
        for (EntityPart part : parts) byName.putIfAbsent(part.getName(), part);
        Visit visit = courses.authoring(signedIn.requireForm(text(byName.get("s")), text(byName.get("csrf")), headers));
        Target target = target(visit, text(byName.get("module")), text(byName.get("workshop")));
        MediaKind kind = kind(text(byName.get("kind")));
        EntityPart file = byName.get("file");
        if (file == null || file.getFileName().isEmpty()) throw ClientError.badRequest("recordings.error.noFile");
        String title = title(text(byName.get("title")), file.getFileName().get());
        try (InputStream content = file.getContent()) {
            MediaAsset asset = uploads.whole(target.program().id(), target.module().key(), target.workshopKey(), kind, title,
                    language(text(byName.get("language"))), file.getFileName().get(), content, visit.session().subject());
            audit.record(visit.session().subject(), "recording.uploaded", asset.id() + " " + asset.title());
            return back(visit.session(), target, "uploaded");
        } catch (Uploads.Refused refused) {
            throw new ClientError(Response.Status.fromStatusCode(refused.status), refused.messageKey, refused.args);
        }
    }

    @POST
    @Path("link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response link(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("module") String moduleKey,
                         @FormParam("workshop") String workshopKey, @FormParam("kind") String kindName,
                         @FormParam("title") String title, @FormParam("url") String url) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        Target target = target(visit, moduleKey, workshopKey);
        MediaKind kind = kind(kindName);
        if (kind == MediaKind.CAPTIONS || kind == MediaKind.CHAPTERS) throw ClientError.badRequest("recordings.error.linkKind");
        if (Links.valid(url).isEmpty()) throw ClientError.badRequest("recordings.error.url");
        MediaAsset asset = new MediaAsset(UUID.randomUUID(), target.program().id(), target.module().key(), target.workshopKey(),
                kind, title(title, url), null, url.strip(), null, null, null, null, null, null, visit.session().subject(),
                Now.instant());
        assets.insert(asset);
        audit.record(visit.session().subject(), "recording.linked", asset.id() + " " + url.strip());
        return back(visit.session(), target, "linked");
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response details(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("id") String id,
                            @FormParam("title") String title, @FormParam("chapters") String chapters,
                            @FormParam("recording") String recording) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        MediaAsset asset = own(visit, id);
        // Captions and chapters name the recording they accompany: one of the same workshop, never another's.
        UUID accompanied = null;
        if (recording != null && (asset.kind() == MediaKind.CAPTIONS || asset.kind() == MediaKind.CHAPTERS)) {
            accompanied = assets.ofModule(asset.programId(), asset.moduleKey()).stream()
                    .filter(a -> a.kind().playable() && java.util.Objects.equals(a.workshopKey(), asset.workshopKey())
                            && a.id().toString().equals(recording))
                    .map(MediaAsset::id).findFirst().orElseThrow(() -> ClientError.badRequest("recordings.error.recording"));
        }
        if (title == null || title.isBlank() || title.length() > 300) throw ClientError.badRequest("recordings.error.title");
        String marks = chapters == null ? "" : chapters.strip();
        if (marks.length() > 20_000) throw ClientError.badRequest("recordings.error.chapters", 0);
        int bad = Chapters.firstInvalidLine(marks);
        if (bad > 0) throw ClientError.badRequest("recordings.error.chapters", bad);
        assets.updateDetails(asset.id(), title.strip(), marks.isEmpty() ? null : marks);
        if (accompanied != null) assets.setRecording(asset.id(), accompanied);
        return back(visit.session(), new Target(visit.requireProgram(), null, null, asset.moduleKey(), asset.workshopKey()), "saved");
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("id") String id)
            throws IOException {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        MediaAsset asset = own(visit, id);
        renditions.forget(asset.id());
        assets.delete(asset.id());
        store.delete(asset.id());
        audit.record(visit.session().subject(), "recording.deleted", asset.id() + " " + asset.title());
        return back(visit.session(), new Target(visit.requireProgram(), null, null, asset.moduleKey(), asset.workshopKey()), "deleted");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Where media are attached: a module of the instructor's own course, and maybe one of its workshops. */
    record Target(Program program, ProgramModule module, ModuleContent.Workshop workshop, String moduleKey, String workshopKey) {
    }

    Target target(Visit visit, String moduleKey, String workshopKey) {
        Program program = visit.requireProgram();
        ProgramModule module = programs.module(program, moduleKey).orElseThrow(() -> ClientError.notFound("error.notFound"));
        ModuleContent.Workshop workshop = null;
        if (workshopKey != null && !workshopKey.isBlank()) {
            workshop = module.content().workshop(workshopKey).orElseThrow(() -> ClientError.notFound("error.notFound"));
        }
        return new Target(program, module, workshop, module.key(), workshop == null ? null : workshop.key());
    }

    private MediaAsset own(Visit visit, String id) {
        UUID uuid = Ids.uuid(id);
        MediaAsset asset = assets.find(uuid).map(MediaAssets.Located::asset)
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (!asset.programId().equals(visit.requireProgram().id())) throw ClientError.notFound("error.notFound");
        return asset;
    }

    private Response back(ToolSession session, Target target, String saved) {
        return sessions.seeOther(session, "/course/authoring/recordings?module=" + target.moduleKey()
                + (target.workshopKey() == null ? "" : "&workshop=" + target.workshopKey()) + "&saved=" + saved);
    }

    static MediaKind kind(String name) {
        MediaKind kind = MediaKind.parse(name);
        if (kind == null) throw ClientError.badRequest("recordings.error.kind");
        return kind;
    }

    static String language(String value) {
        if (value == null || value.isBlank()) return null;
        String tag = value.strip();
        if (!tag.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?")) throw ClientError.badRequest("recordings.error.language");
        return tag;
    }

    static String title(String title, String fallback) {
        String chosen = title == null || title.isBlank() ? Ids.fileName(fallback, "grabacion") : title.strip();
        if (chosen.length() > 300) throw ClientError.badRequest("recordings.error.title");
        return chosen;
    }

    private static String text(EntityPart part) throws IOException {
        return part == null ? null : part.getContent(String.class);
    }
}
