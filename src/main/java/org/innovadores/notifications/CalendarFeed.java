package org.innovadores.notifications;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.ProgramModule;

/**
 * A course's workshops as an iCalendar feed (RFC 5545) a person subscribes to: a timed workshop is
 * an event at its instant in UTC, lasting two hours unless the course says otherwise; one with a
 * date only is an all-day event. Each keeps the same UID across edits, so a calendar updates it.
 */
final class CalendarFeed {

    static final Duration WORKSHOP_LENGTH = Duration.ofHours(2);

    private CalendarFeed() {
    }

    static String write(String courseTitle, List<ProgramModule> modules, ZoneId zone, String lang, String domain) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Programa de Innovadores Publicos//Talleres//" + lang.toUpperCase()));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", courseTitle));
        for (ProgramModule module : modules) {
            String moduleTitle = module.content().title().text(lang);
            for (ModuleContent.Workshop workshop : module.content().workshops()) {
                var start = workshop.start(zone);
                if (start.isEmpty()) continue;
                String summary = workshop.title().text(lang) + " · " + moduleTitle;
                ZonedDateTime at = start.get();
                // Its end when the course set one, else the usual length of a workshop.
                VEvent event = workshop.timed()
                        ? new VEvent(at.toInstant(), workshop.finish(zone).orElse(at.plus(WORKSHOP_LENGTH)).toInstant(), summary)
                        : new VEvent(at.toLocalDate(), at.toLocalDate().plusDays(1), summary);
                String where = String.join(" · ", java.util.stream.Stream.of(workshop.place(), workshop.link())
                        .filter(w -> !w.isBlank()).toList());
                if (!where.isEmpty()) event.add(new net.fortuna.ical4j.model.property.Location(where));
                if (!workshop.link().isBlank()) {
                    try {
                        event.add(new net.fortuna.ical4j.model.property.Url(java.net.URI.create(workshop.link())));
                    } catch (IllegalArgumentException unreadable) {
                        // Checked when it was saved; a link that still does not parse is left to the location.
                    }
                }
                event.add(new Uid(module.id() + "-" + workshop.key() + "@" + domain));
                String outline = workshop.outline().text(lang);
                String facilitators = workshop.facilitators() == null ? "" : workshop.facilitators().strip();
                String description = (outline == null ? "" : outline.strip()) + (facilitators.isEmpty() ? "" : "\n\n" + facilitators);
                if (!description.isBlank()) event.add(new Description(description.strip()));
                calendar.add(event);
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("The calendar could not be written", e);
        }
        return out.toString();
    }
}
