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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * A recording's page: the player (or the embed of where it lives) with its captions as tracks, its
 * chapters as a list of links, its transcript as searchable text beside it, the slides of the same
 * workshop, playback speed and keyboard control, resuming where the person stopped. Without
 * JavaScript it still plays, chapters jump through media fragments and the transcript searches on the
 * server; the transcript-only view carries no media at all for low bandwidth.
 */
@ApplicationScoped
@Path("course/recordings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PlayerResource {

    @Inject
    Renditions renditions;

    @Inject
    org.innovadores.program.ModuleStandings standings;

    @Inject
    CourseProgram courses;

    @Inject
    Programs programs;

    @Inject
    MediaAssets assets;

    @Inject
    MediaStore store;

    @Inject
    WatchProgress progress;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record Track(String label, String language, String url) {
    }

    public record Attached(MediaAsset asset, String url) {
    }

    public record TranscriptLine(double start, String clock, String text) {
    }

    public record Player(Page page, MediaAsset asset, ProgramModule module, String moduleTitle, String mediaUrl,
                         Links.Shown link, List<Track> tracks, List<Chapters.Chapter> chapters,
                         List<TranscriptLine> transcript, String transcriptLanguage, String query, List<Attached> slides,
                         List<Attached> alternatives, double resumeAt, int watchedPercent, boolean transcriptOnly,
                         String csrf, List<Version> versions, String posterUrl) {
    }

    /** A version the player offers: the original, the light one, the audio alone. */
    public record Version(String key, String url) {
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public String player(@QueryParam("s") String token, @PathParam("id") String id, @QueryParam("q") String query,
                         @QueryParam("view") String view) {
        Visit visit = courses.visit(token, headers);
        MediaAsset asset = playable(visit, id);
        Program program = visit.requireProgram();
        ProgramModule module = programs.module(program, asset.moduleKey()).orElseThrow(() -> ClientError.notFound("error.notFound"));
        Page page0 = signedIn.page(visit.session(), "recordings.player");
        Page page = page0.titled(asset.title());
        String lang = page.t().lang();
        ToolSession session = visit.session();

        List<MediaAsset> siblings = assets.ofModule(program.id(), asset.moduleKey()).stream()
                .filter(a -> java.util.Objects.equals(a.workshopKey(), asset.workshopKey())).toList();
        List<Track> tracks = new ArrayList<>();
        MediaAsset transcriptSource = null;
        List<Chapters.Chapter> chapters = new ArrayList<>(Chapters.fromMarks(asset.chapters()));
        List<Attached> slides = new ArrayList<>();
        List<Attached> alternatives = new ArrayList<>();
        for (MediaAsset a : siblings) {
            // Captions and chapters belong to one recording of the workshop, not to the workshop.
            if (a.accompanies(siblings).filter(asset.id()::equals).isEmpty()
                    && (a.kind() == MediaKind.CAPTIONS || a.kind() == MediaKind.CHAPTERS)) continue;
            switch (a.kind()) {
                case CAPTIONS -> {
                    tracks.add(new Track(a.title(), a.language() == null ? "es" : a.language(), url(session, a)));
                    boolean sameLanguage = a.language() != null && a.language().toLowerCase(Locale.ROOT).startsWith(lang);
                    if (transcriptSource == null || (sameLanguage && !startsWith(transcriptSource.language(), lang))) {
                        transcriptSource = a;
                    }
                }
                case CHAPTERS -> {
                    if (chapters.isEmpty()) chapters.addAll(Chapters.fromVtt(text(a.id())));
                }
                case SLIDES -> slides.add(new Attached(a, a.uploaded() ? url(session, a) : a.linkUrl()));
                case VIDEO, AUDIO -> {
                    if (!a.id().equals(asset.id())) alternatives.add(new Attached(a, page.link("/course/recordings/" + a.id())));
                }
            }
        }
        List<TranscriptLine> transcript = new ArrayList<>();
        if (transcriptSource != null) {
            try {
                String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
                for (WebVtt.Cue cue : WebVtt.parse(text(transcriptSource.id()))) {
                    if (q.isEmpty() || cue.text().toLowerCase(Locale.ROOT).contains(q)) {
                        transcript.add(new TranscriptLine(cue.start(), WebVtt.clock(cue.start()), cue.text()));
                    }
                }
            } catch (WebVtt.Invalid unreadable) {
                // Captions were checked on upload; a file that cannot be read now just gives no transcript.
            }
        }
        WatchProgress.Entry watched = progress.of(asset.id(), session.subject()).orElse(null);
        // The renditions read once: they give both the versions offered and the poster.
        List<Renditions.Rendition> made = asset.uploaded() ? renditions.of(asset.id()) : List.of();
        String mediaToken = token(session, asset);
        return pages.render("recordings/player.jte", new Player(page, asset, module, module.content().title().text(lang),
                asset.uploaded() ? "/course/media/" + asset.id() + "?m=" + mediaToken : null, asset.uploaded() ? null : Links.show(asset.linkUrl()), tracks,
                chapters, transcript, transcriptSource == null ? null
                        : transcriptSource.language() == null ? "es" : transcriptSource.language(),
                query == null ? "" : query, slides, alternatives, watched == null ? 0 : watched.position(),
                watched == null ? 0 : watched.percent(), "transcript".equals(view), sessions.csrf(session),
                versions(asset, mediaToken, made), made.stream().anyMatch(r -> r.kind() == Renditions.Kind.POSTER)
                        ? rendition(asset, Renditions.Kind.POSTER, mediaToken) : null));
    }

    /** The player's report of where the person is; also the no-script "I watched it" button. */
    @POST
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response report(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("id") String id,
                           @FormParam("position") String position, @FormParam("watched") String watched,
                           @FormParam("duration") String duration, @FormParam("done") String done) {
        Visit visit = courses.visitForm(token, csrf, headers);
        MediaAsset asset = playable(visit, id);
        if (done != null) {
            progress.report(asset.id(), visit.session().subject(), 0, 1, 1);
            if (asset.moduleKey() != null) {
                standings.reevaluate(visit.requireProgram(), asset.moduleKey(), java.util.List.of(visit.session().subject()));
            }
            return sessions.seeOther(visit.session(), "/course/recordings/" + asset.id());
        }
        double d = number(duration);
        if (d <= 0 || d > 24 * 3600) throw ClientError.badRequest("recordings.error.progress");
        boolean watchedBefore = progress.of(asset.id(), visit.session().subject()).map(WatchProgress.Entry::done).orElse(false);
        WatchProgress.Entry entry = progress.report(asset.id(), visit.session().subject(), number(position), number(watched), d);
        if (entry.done() && !watchedBefore && asset.moduleKey() != null) {
            standings.reevaluate(visit.requireProgram(), asset.moduleKey(), java.util.List.of(visit.session().subject()));
        }
        // The figure the page shows, in the person's words, so it follows the playing.
        String text = signedIn.texts(visit.session()).format("recordings.watchedPercent", entry.percent());
        return Response.ok(jakarta.json.Json.createObjectBuilder().add("watched", entry.percent()).add("text", text).build().toString(),
                MediaType.APPLICATION_JSON).build();
    }

    private MediaAsset playable(Visit visit, String id) {
        UUID uuid = Ids.uuid(id);
        Program program = visit.requireProgram();
        MediaAssets.Located located = assets.find(uuid).orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (!located.asset().programId().equals(program.id())) throw ClientError.notFound("error.notFound");
        if (!located.modulePublished() && !CourseProgram.canAuthor(visit.session())) throw ClientError.notFound("error.notFound");
        if (!located.asset().kind().playable()) throw ClientError.notFound("error.notFound");
        return located.asset();
    }

    /** The original and its lighter versions once made; none for a link or before the light one exists. */
    private static List<Version> versions(MediaAsset asset, String token, List<Renditions.Rendition> made) {
        if (made.stream().noneMatch(r -> r.kind() == Renditions.Kind.LIGHT)) return List.of();
        List<Version> versions = new ArrayList<>(List.of(new Version("original", "/course/media/" + asset.id() + "?m=" + token)));
        for (Renditions.Rendition r : made) {
            if (r.kind() != Renditions.Kind.POSTER) versions.add(new Version(r.kind().key(), rendition(asset, r.kind(), token)));
        }
        return versions;
    }

    private static String rendition(MediaAsset asset, Renditions.Kind kind, String token) {
        return "/course/media/" + asset.id() + "/renditions/" + kind.key() + "?m=" + token;
    }

    private String url(ToolSession session, MediaAsset asset) {
        return "/course/media/" + asset.id() + "?m=" + token(session, asset);
    }

    private String token(ToolSession session, MediaAsset asset) {
        return sessions.scopedToken(session, MediaResource.scope(asset.id()));
    }

    private static boolean startsWith(String language, String lang) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith(lang);
    }

    private static double number(String value) {
        try {
            double d = Double.parseDouble(value == null ? "" : value.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw ClientError.badRequest("recordings.error.progress");
            return d;
        } catch (NumberFormatException e) {
            throw ClientError.badRequest("recordings.error.progress");
        }
    }

    /** A caption or chapter file's text, from disk or from the object store; empty when it cannot be read. */
    private String text(java.util.UUID asset) {
        try (java.io.InputStream in = store.open(asset)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
