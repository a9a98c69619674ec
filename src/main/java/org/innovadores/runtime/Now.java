package org.innovadores.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The program's clock: what people see and what the calendar decides (edits, deadlines, due dates,
 * completions, certificates, file names) reads the time here. It is the system clock unless
 * {@code tool.clock.start} (an ISO instant) sets where it starts, from which it runs on; a walk of
 * the pages uses that to stand a minute before midnight in the course's zone. Protocol time (JWT
 * iat/exp, nonces, sessions, service tokens, job leases) stays on the system clock: it must agree
 * with the platforms' and the database's real time.
 */
public final class Now {

    private static final Logger LOG = Logger.getLogger(Now.class.getName());

    private static final Clock CLOCK = configured();

    private Now() {
    }

    public static Instant instant() {
        return CLOCK.instant();
    }

    /** Now as a UTC timestamp, as the database stores it. */
    public static OffsetDateTime utc() {
        return OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
    }

    /** Today's date where the course is. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(CLOCK.instant(), zone);
    }

    public static ZonedDateTime in(ZoneId zone) {
        return ZonedDateTime.ofInstant(CLOCK.instant(), zone);
    }

    private static Clock configured() {
        Optional<String> start;
        try {
            start = ConfigProvider.getConfig().getOptionalValue("tool.clock.start", String.class).filter(s -> !s.isBlank());
        } catch (IllegalStateException noConfig) { // a plain unit test: no MicroProfile Config around
            start = Optional.ofNullable(System.getProperty("tool.clock.start")).filter(s -> !s.isBlank());
        }
        if (start.isEmpty()) return Clock.systemUTC();
        Instant from = Instant.parse(start.get());
        LOG.warning(() -> "The program's clock starts at " + from + " (tool.clock.start), not at the real time");
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), from));
    }
}
