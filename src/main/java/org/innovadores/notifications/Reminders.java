package org.innovadores.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.program.CourseZone;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * Notices nobody's action causes: everyone in a course hears of a workshop the day before it (in
 * the course's time zone), and on Monday mornings each person gets a digest of the week's unread
 * notices and workshops (or every day, where the deployment prefers). Every instance may run these;
 * each notice has a key, written once.
 */
@Singleton
@Startup
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class.getName());
    @Inject
    @ConfigProperty(name = "notifications.check-every", defaultValue = "PT15M")
    Duration every;

    /** The digest's day (MONDAY … SUNDAY), or DAILY. */
    @Inject
    @ConfigProperty(name = "notifications.digest.day", defaultValue = "MONDAY")
    String digestDay;

    /** Digests leave from this hour of their day, in the course's time zone. */
    @Inject
    @ConfigProperty(name = "notifications.digest.hour", defaultValue = "7")
    int digestHour;

    @Resource
    TimerService timers;

    @Inject
    Programs programs;

    @Inject
    CourseZone zones;

    @Inject
    Notifications notifications;

    @Inject
    Sql db;

    @PostConstruct
    void start() {
        long millis = Math.max(1000, every.toMillis());
        timers.createIntervalTimer(millis, millis, new TimerConfig("reminders", false));
    }

    @Timeout
    void tick() {
        try {
            runAt(Now.in(java.time.ZoneOffset.UTC));
        } catch (RuntimeException | Error failure) {
            LOG.log(Level.WARNING, "Reminders paused until the next round: " + failure);
        }
    }

    /** Everything due at this moment, for every course. */
    public void runAt(ZonedDateTime moment) {
        for (Program program : courses()) {
            ZoneId zone = zones.of(program);
            ZonedDateTime local = moment.withZoneSameInstant(zone);
            Map<String, String> everyone = people(program.id());
            if (everyone.isEmpty()) continue;
            List<ProgramModule> modules = programs.publishedModules(program); // read once for both
            workshopsTomorrow(program, modules, local, everyone);
            boolean daily = "DAILY".equalsIgnoreCase(digestDay);
            boolean digestDue = (daily || local.getDayOfWeek() == DayOfWeek.valueOf(digestDay.toUpperCase(Locale.ROOT)))
                    && local.getHour() >= digestHour;
            if (digestDue) digests(program, modules, local, everyone, daily);
        }
    }

    private void workshopsTomorrow(Program program, List<ProgramModule> modules, ZonedDateTime local, Map<String, String> everyone) {
        LocalDate tomorrow = local.toLocalDate().plusDays(1);
        for (ProgramModule module : modules) {
            for (ModuleContent.Workshop workshop : module.content().workshops()) {
                var start = workshop.start(local.getZone());
                if (start.isEmpty() || !start.get().toLocalDate().equals(tomorrow)) continue;
                // Each person reads it in their language: one notice per language.
                for (String lang : List.of("es", "en")) {
                    List<String> readers = everyone.entrySet().stream().filter(e -> e.getValue().equals(lang)).map(Map.Entry::getKey).toList();
                    if (readers.isEmpty()) continue;
                    notifications.notify(program, readers, Notifications.Kind.WORKSHOP, null, workshop.title().text(lang),
                            when(start.get(), workshop.timed(), lang), "/course/modules/" + module.key() + "/workshops/" + workshop.key(),
                            "workshop:" + module.key() + ":" + workshop.key() + ":" + tomorrow);
                }
            }
        }
    }

    /** The week's unread notices and the workshops of the coming seven days, per person; nothing to say, no digest. */
    private void digests(Program program, List<ProgramModule> modules, ZonedDateTime local, Map<String, String> everyone,
                         boolean daily) {
        String week = daily ? local.toLocalDate().toString()
                : local.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format(Locale.ROOT, "%02d", local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Map<String, List<String>> workshopsIn = new HashMap<>();
        for (String lang : List.of("es", "en")) {
            List<String> workshops = new ArrayList<>();
            for (ProgramModule module : modules) {
                for (ModuleContent.Workshop workshop : module.content().workshops()) {
                    workshop.start(local.getZone()).filter(s -> !s.toLocalDate().isBefore(local.toLocalDate())
                                    && s.toLocalDate().isBefore(local.toLocalDate().plusDays(7)))
                            .ifPresent(s -> workshops.add("• " + workshop.title().text(lang) + " — " + when(s, workshop.timed(), lang)));
                }
            }
            workshopsIn.put(lang, workshops);
        }
        // The unread notices of the last seven days, as the notices page words them, in each person's language.
        Map<String, List<String>> unread = new HashMap<>();
        db.query("SELECT subject, kind, actor, about FROM notification WHERE program_id = ? AND read_at IS NULL AND created_at > ? "
                        + "AND kind <> 'DIGEST' ORDER BY created_at",
                row -> {
                    org.innovadores.web.Texts t = org.innovadores.web.Texts.forTag(everyone.getOrDefault(row.getString(1), "es"));
                    unread.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add("• " + NoticeTexts.line(t,
                            Notifications.Kind.valueOf(row.getString(2)), row.getString(3), row.getString(4)));
                }, program.id(), local.minusDays(7).toOffsetDateTime());
        for (Map.Entry<String, String> person : everyone.entrySet()) {
            String subject = person.getKey();
            List<String> workshops = workshopsIn.get(person.getValue());
            List<String> lines = new ArrayList<>(unread.getOrDefault(subject, List.of()));
            if (lines.isEmpty() && workshops.isEmpty()) continue;
            lines.addAll(workshops);
            // Named in words in the person's language: "semana del 30 de noviembre de 2026", or the day.
            org.innovadores.web.Texts t = org.innovadores.web.Texts.forTag(person.getValue());
            LocalDate from = daily ? local.toLocalDate() : local.toLocalDate().with(DayOfWeek.MONDAY);
            String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(from);
            notifications.notify(program, List.of(subject), Notifications.Kind.DIGEST, null,
                    daily ? day : t.format("notice.digest.week", day), String.join("\n", lines), "/course/notifications", "digest:" + week);
        }
    }

    static String when(ZonedDateTime start, boolean timed, String lang) {
        DateTimeFormatter format = timed ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
        String text = format.withLocale(Locale.forLanguageTag(lang)).format(timed ? start : start.toLocalDate());
        return timed ? text + " (" + start.getZone().getId() + ")" : text;
    }

    private List<Program> courses() {
        List<UUID> ids = new ArrayList<>();
        db.query("SELECT id FROM program WHERE deployment_id IS NOT NULL", row -> ids.add(Sql.uuid(row, 1)));
        return ids.stream().map(programs::find).flatMap(java.util.Optional::stream).toList();
    }

    /** Everyone in the course and the language they read: English or Spanish. */
    private Map<String, String> people(UUID program) {
        Map<String, String> subjects = new java.util.LinkedHashMap<>();
        db.query("SELECT c.subject, p.locale FROM course_member c LEFT JOIN notification_person p ON p.program_id = c.program_id "
                + "AND p.subject = c.subject WHERE c.program_id = ?", row -> subjects.put(row.getString(1),
                row.getString(2) != null && row.getString(2).toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "es"), program);
        return subjects;
    }
}
