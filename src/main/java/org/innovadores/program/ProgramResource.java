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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * What participants (and everyone else in the course) read: the program overview with their own
 * progress, the module pages, the workshops and the exercises a module asks for. Drafts are shown
 * only to instructors.
 */
@ApplicationScoped
@Path("course")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ProgramResource {

    @Inject
    CourseProgram courses;

    @Inject
    Programs programs;

    @Inject
    Progress progress;

    @Inject
    ModuleMedia media;

    @Inject
    TemplateTexts templateTexts;

    @Inject
    ModuleReading reading;

    @Inject
    TeamProgress teamProgress;

    @Inject
    jakarta.enterprise.event.Event<CourseVisited> visited;

    @Inject
    SignedIn signedIn;

    @Inject
    CourseZone zones;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record ModuleRow(int number, ProgramModule module, Localized.Shown title, Completion completion,
                            Progress.Entry progress) {
    }

    public record Overview(Page page, Visit visit, String role, Localized.Shown programTitle, List<ModuleRow> modules,
                           ModuleRow continueWith, String csrf, NextStep next, List<TeamProgress.SentBack> sentBack,
                           List<Upcoming> upcoming, TeamProgress.TeamStatus team, String feedbackWhen) {
    }

    /** What a participant should do next: a text key, what it names, and where it is. */
    public record NextStep(String key, String target, String href) {
    }

    /** A dated workshop still to come: when, in the course's time zone, as a machine and a person read it. */
    public record Upcoming(ModuleRow row, Localized.Shown title, java.time.ZonedDateTime start, String datetime, String dateText,
                           ModuleContent.Workshop workshop) {
    }

    public record SectionView(String key, Localized.Shown title, Localized.Shown body, String html) {
    }

    /** {@code notesHtml}: the facilitators' notes, for instructors only (empty for everyone else). */
    public record WorkshopView(ModuleContent.Workshop workshop, Localized.Shown title, Localized.Shown outline, String outlineHtml,
                               Localized.Shown notes, String notesHtml) {
    }

    public record ExerciseView(String key, Localized.Shown title, Localized.Shown purpose, boolean required) {
    }

    public record ModulePage(Page page, Visit visit, ModuleRow row, Localized.Shown goals, String goalsHtml,
                             List<SectionView> sections, List<WorkshopView> workshops, List<ExerciseView> exercises,
                             ModuleRow previous, ModuleRow next, String csrf, List<ModuleMedia.Item> media) {
    }

    public record WorkshopPage(Page page, Visit visit, ModuleRow row, WorkshopView workshop, List<ModuleMedia.Item> media, String when) {
    }

    /**
     * When a workshop meets, as its reader says dates: the full date in their language, the start and
     * end times, and the course's time zone they are in; null when it has no date yet.
     */
    static String when(ModuleContent.Workshop workshop, java.time.ZoneId zone, org.innovadores.web.Texts t) {
        return workshop.start(zone).map(start -> {
            String day = t.longDate(start.toLocalDate());
            if (!workshop.timed()) return day;
            String hours = t.time(start.toLocalTime()) + workshop.finish(zone).map(end -> "–" + t.time(end.toLocalTime())).orElse("");
            return day + ", " + hours + " (" + t.format("program.workshop.timeZone", t.zoneName(zone)) + ")";
        }).orElse(null);
    }

    public record ExercisePage(Page page, ModuleRow row, ExerciseView exercise, List<ModuleRow> usedIn) {
    }

    @GET
    @Operation(hidden = true)
    public String overview(@QueryParam("s") String token) {
        Visit visit = courses.visit(token, headers);
        visit.program().ifPresent(program -> visited.fire(new CourseVisited(program, visit.session())));
        Page page = signedIn.page(visit.session(), "program.overview");
        String lang = page.t().lang();
        // The team's hand-ins are read once: for the modules' states and for the next step.
        Optional<Map<String, java.util.Set<String>>> team = visit.program()
                .flatMap(p -> teamProgress.handedIn(p, visit.session().subject()));
        List<ModuleRow> rows = visit.program().map(p -> rows(visit, p, lang, team)).orElse(List.of());
        ModuleRow continueWith = lastVisited(rows).orElse(null);
        Localized.Shown title = visit.program().map(p -> p.title().in(lang)).orElse(null);
        boolean participant = visit.session().role() == org.innovadores.participants.Role.PARTICIPANT;
        NextStep next = participant ? visit.program().map(p -> nextStep(visit, p, rows, team, lang)).orElse(null) : null;
        List<TeamProgress.SentBack> sentBack = participant
                ? visit.program().map(p -> teamProgress.sentBack(p, visit.session().subject())).orElse(List.of()) : List.of();
        TeamProgress.TeamStatus status = team.isPresent()
                ? visit.program().flatMap(p -> teamProgress.status(p, visit.session().subject())).orElse(null) : null;
        java.time.ZoneId zone = visit.program().map(zones::of).orElse(CourseZone.DEFAULT);
        String feedbackWhen = status == null || status.latest() == null ? null
                : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(page.t().locale())
                        .format(status.latest().at().atZone(zone));
        return pages.render("program/overview.jte", new Overview(page, visit,
                page.t().get("role." + visit.session().role().name().toLowerCase()), title, rows, continueWith,
                sessions.csrf(visit.session()), next, sentBack, upcoming(rows, page, zone), status, feedbackWhen));
    }

    /**
     * The first thing left to do, in the program's order: the content of the first module not yet
     * complete, then its first recording not yet watched, then the team's own exercise it still
     * needs (or joining a team, without one).
     */
    private NextStep nextStep(Visit visit, Program program, List<ModuleRow> rows, Optional<Map<String, java.util.Set<String>>> team,
                              String lang) {
        String subject = visit.session().subject();
        for (ModuleRow row : rows) {
            Completion c = row.completion();
            if (!row.module().published() || c.complete()) continue;
            String key = row.module().key();
            String modulePath = "/course/modules/" + key;
            if (!c.contentRead()) return new NextStep("home.next.read", row.title().text(), modulePath);
            if (!c.recordingsDone()) {
                for (ModuleMedia.Item item : media.items(program, key, visit.session())) {
                    if (item.watchedPercent() != null && item.watchedPercent() < 90) {
                        return new NextStep("home.next.watch", item.title(), item.href());
                    }
                }
            }
            if (!c.exercisesDone()) {
                if (!c.inTeam()) return new NextStep("home.next.joinTeam", row.title().text(), "/course/teams");
                java.util.Set<String> handed = team.map(m -> m.getOrDefault(key, java.util.Set.of())).orElse(java.util.Set.of());
                Map<String, TemplateContent> texts = templateTexts.of(program);
                for (ModuleContent.ExerciseUse use : row.module().content().exercises()) {
                    if (!use.required() || handed.contains(use.template())) continue;
                    String name = texts.containsKey(use.template()) ? texts.get(use.template()).title().in(lang).text() : use.template();
                    return new NextStep("home.next.exercise", name,
                            teamProgress.workOn(program, subject, key, use.template()).orElse("/course/teams"));
                }
            }
        }
        return new NextStep("home.next.allDone", "", "/course");
    }

    /** The next three dated workshops, today's included, by when they start in the course's time zone. */
    private static List<Upcoming> upcoming(List<ModuleRow> rows, Page page, java.time.ZoneId zone) {
        java.time.LocalDate today = org.innovadores.runtime.Now.today(zone);
        List<Upcoming> upcoming = new ArrayList<>();
        for (ModuleRow row : rows) {
            if (!row.module().published()) continue;
            for (ModuleContent.Workshop w : row.module().content().workshops()) {
                w.start(zone).filter(start -> !start.toLocalDate().isBefore(today)).ifPresent(start -> {
                    String machine = w.timed() ? start.toOffsetDateTime().toString() : start.toLocalDate().toString();
                    upcoming.add(new Upcoming(row, w.title().in(page.t().lang()), start, machine, when(w, zone, page.t()), w));
                });
            }
        }
        upcoming.sort(Comparator.comparing(Upcoming::start));
        return upcoming.size() > 3 ? upcoming.subList(0, 3) : upcoming;
    }

    @GET
    @Path("modules/{module}")
    @Operation(hidden = true)
    public String module(@QueryParam("s") String token, @PathParam("module") String key) {
        Visit visit = courses.visit(token, headers);
        Program program = visit.requireProgram();
        Page page0 = signedIn.page(visit.session(), "program.overview");
        String lang = page0.t().lang();
        List<ModuleRow> rows = rows(visit, program, lang);
        int index = indexOf(rows, key);
        ModuleRow row = rows.get(index);
        progress.visited(row.module(), visit.session().subject());
        Page page = page0.titled(row.title().text());
        ModuleContent content = row.module().content();
        List<SectionView> sections = content.sections().stream().map(s -> {
            Localized.Shown body = s.body().in(lang);
            return new SectionView(s.key(), s.title().in(lang), body, Markdown.toHtml(body.text(), page::link));
        }).toList();
        Localized.Shown goals = content.goals().in(lang);
        return pages.render("program/module.jte", new ModulePage(page, visit, row, goals,
                Markdown.toHtml(goals.text(), page::link), sections, workshops(content, lang, page),
                exercises(program, content, lang), index > 0 ? rows.get(index - 1) : null,
                index + 1 < rows.size() ? rows.get(index + 1) : null, sessions.csrf(visit.session()),
                media.items(program, key, visit.session()).stream().filter(i -> i.workshopKey() == null).toList()));
    }

    @POST
    @Path("modules/{module}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response markRead(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("module") String key) {
        Visit visit = courses.visitForm(token, csrf, headers);
        Program program = visit.requireProgram();
        ModuleRow row = rows(visit, program, "es").stream().filter(r -> r.module().key().equals(key)).findFirst()
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        ProgramModule module = row.module();
        reading.read(program, module, visit.session().subject());
        return sessions.seeOther(visit.session(), "/course/modules/" + module.key() + "#completion");
    }

    @GET
    @Path("modules/{module}/workshops/{workshop}")
    @Operation(hidden = true)
    public String workshop(@QueryParam("s") String token, @PathParam("module") String key,
                           @PathParam("workshop") String workshopKey) {
        Visit visit = courses.visit(token, headers);
        Page page0 = signedIn.page(visit.session(), "program.overview");
        String lang = page0.t().lang();
        List<ModuleRow> rows = rows(visit, visit.requireProgram(), lang);
        ModuleRow row = rows.get(indexOf(rows, key));
        ModuleContent.Workshop workshop = row.module().content().workshop(workshopKey)
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        Page page = page0.titled(workshop.title().text(lang));
        List<ModuleMedia.Item> items = media.items(visit.requireProgram(), key, visit.session()).stream()
                .filter(i -> workshopKey.equals(i.workshopKey())).toList();
        java.time.ZoneId zone = visit.program().map(zones::of).orElse(CourseZone.DEFAULT);
        return pages.render("program/workshop.jte", new WorkshopPage(page, visit, row, workshopView(workshop, lang, page), items,
                when(workshop, zone, page.t())));
    }

    @GET
    @Path("modules/{module}/exercises/{template}")
    @Operation(hidden = true)
    public String exercise(@QueryParam("s") String token, @PathParam("module") String key,
                           @PathParam("template") String templateKey) {
        Visit visit = courses.visit(token, headers);
        Page page0 = signedIn.page(visit.session(), "program.overview");
        String lang = page0.t().lang();
        List<ModuleRow> rows = rows(visit, visit.requireProgram(), lang);
        ModuleRow row = rows.get(indexOf(rows, key));
        ModuleContent.ExerciseUse use = row.module().content().exercise(templateKey)
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        ExerciseView exercise = exercise(templateTexts.of(visit.requireProgram()), use, lang);
        Page page = page0.titled(exercise.title().text());
        List<ModuleRow> usedIn = rows.stream().filter(r -> r.module().content().exercise(templateKey).isPresent()).toList();
        return pages.render("program/exercise.jte", new ExercisePage(page, row, exercise, usedIn));
    }

    /** "Continue where I left off": the module last opened. */
    @GET
    @Path("continue")
    @Operation(hidden = true)
    public Response continueWhereLeft(@QueryParam("s") String token) {
        Visit visit = courses.visit(token, headers);
        Program program = visit.requireProgram();
        List<ModuleRow> rows = rows(visit, program, "es");
        String target = lastVisited(rows).or(() -> rows.stream().findFirst())
                .map(r -> "/course/modules/" + r.module().key()).orElse("/course");
        return sessions.seeOther(visit.session(), target);
    }

    // --- views ------------------------------------------------------------------------------------

    /** The modules this person may see (drafts only for instructors), numbered, with their progress. */
    List<ModuleRow> rows(Visit visit, Program program, String lang) {
        return rows(visit, program, lang, teamProgress.handedIn(program, visit.session().subject()));
    }

    private List<ModuleRow> rows(Visit visit, Program program, String lang, Optional<Map<String, java.util.Set<String>>> team) {
        List<ModuleRow> rows = new ArrayList<>();
        java.util.Map<String, ModuleMedia.Watched> watched = media.watched(program, visit.session().subject());
        for (Programs.Listed listed : programs.listing(program, visit.canAuthor(), visit.session().subject())) {
            ModuleContent content = listed.module().content();
            rows.add(new ModuleRow(rows.size() + 1, listed.module(), content.title().in(lang),
                    ModuleStandings.of(listed, watched, team), listed.progress()));
        }
        return rows;
    }

    private static Optional<ModuleRow> lastVisited(List<ModuleRow> rows) {
        return rows.stream().filter(r -> r.progress() != null).max(Comparator.comparing(r -> r.progress().lastVisit()));
    }

    private static int indexOf(List<ModuleRow> rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).module().key().equals(key)) return i;
        }
        throw ClientError.notFound("error.notFound");
    }

    private static List<WorkshopView> workshops(ModuleContent content, String lang, Page page) {
        return content.workshops().stream().map(w -> workshopView(w, lang, page)).toList();
    }

    private static WorkshopView workshopView(ModuleContent.Workshop w, String lang, Page page) {
        Localized.Shown outline = w.outline().in(lang);
        Localized.Shown notes = w.notes().in(lang);
        return new WorkshopView(w, w.title().in(lang), outline, Markdown.toHtml(outline.text(), page::link), notes,
                notes.text().isBlank() ? "" : Markdown.toHtml(notes.text(), page::link));
    }

    private List<ExerciseView> exercises(Program program, ModuleContent content, String lang) {
        Map<String, TemplateContent> texts = templateTexts.of(program);
        return content.exercises().stream().map(e -> exercise(texts, e, lang)).toList();
    }

    private static ExerciseView exercise(Map<String, TemplateContent> texts, ModuleContent.ExerciseUse use, String lang) {
        TemplateContent template = texts.get(use.template());
        if (template == null) {
            return new ExerciseView(use.template(), new Localized.Shown(use.template(), lang, false),
                    new Localized.Shown("", lang, false), use.required());
        }
        return new ExerciseView(use.template(), template.title().in(lang), template.purpose().in(lang), use.required());
    }
}
