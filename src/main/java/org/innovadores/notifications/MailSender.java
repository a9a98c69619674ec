package org.innovadores.notifications;

import org.innovadores.runtime.Sql;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.web.Texts;

/**
 * Hands waiting e-mails to the mail server. Every few seconds any instance claims due ones (a
 * conditional update, so two instances never send the same one), sends each in its reader's
 * language, and marks it sent; a server that is away or refuses for a while is tried again later
 * with growing pauses, a person who turned e-mail off or has no address is skipped.
 */
@Singleton
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    static final int MAX_ATTEMPTS = 12;

    @Inject
    org.innovadores.runtime.Sql db;

    @Inject
    Mail mail;

    @Inject
    @ConfigProperty(name = "mail.retry.base", defaultValue = "PT30S")
    Duration retryBase;

    private record Due(UUID id, Notifications.Kind kind, String actor, String about, String detail, String email, String locale,
                       boolean emailOff, String course, int attempts) {
    }

    /** Never lets an exception out: a timer whose callback keeps failing is cancelled by the container. */
    // Each claim and outcome commits on its own, never held across a call to the server: another instance sees
    // them at once, and a killed instance leaves nothing rolled back that the server already has.
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sendDue() {
        if (!mail.enabled()) return;
        try {
            for (int round = 0; round < 20; round++) {
                List<Due> claimed = claim();
                if (claimed.isEmpty()) return;
                for (Due due : claimed) deliver(due);
            }
        } catch (RuntimeException | Error failure) {
            LOG.log(Level.WARNING, "E-mail paused until the next round: " + failure);
        }
    }

    private List<Due> claim() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Due> candidates = new ArrayList<>();
        db.query("SELECT n.id, n.kind, n.actor, n.about, n.detail, COALESCE(p.email, r.email), p.locale, COALESCE(p.email_off, FALSE), "
                        + "g.title_es, g.title_en, n.mail_attempts FROM notification n JOIN program g ON g.id = n.program_id "
                        + "LEFT JOIN notification_person p ON p.program_id = n.program_id AND p.subject = n.subject "
                        + "LEFT JOIN roster_member r ON r.program_id = n.program_id AND r.user_id = n.subject "
                        + "WHERE n.mail_status = 'WAITING' AND n.mail_next_at <= ? AND (n.mail_claimed_until IS NULL OR n.mail_claimed_until < ?) "
                        + "ORDER BY n.created_at LIMIT 10", row -> {
                    String locale = row.getString(7);
                    boolean english = locale != null && locale.toLowerCase().startsWith("en");
                    String course = english && row.getString(10) != null && !row.getString(10).isBlank() ? row.getString(10) : row.getString(9);
                    candidates.add(new Due(Sql.uuid(row, 1), Notifications.Kind.valueOf(row.getString(2)), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), locale, row.getBoolean(8), course, row.getInt(11)));
                }, now, now);
        List<Due> claimed = new ArrayList<>();
        for (Due candidate : candidates) {
            if (db.update("UPDATE notification SET mail_claimed_until = ? WHERE id = ? AND mail_status = 'WAITING' "
                    + "AND (mail_claimed_until IS NULL OR mail_claimed_until < ?)", now.plusMinutes(2), candidate.id(), now) == 1) {
                claimed.add(candidate);
            }
        }
        return claimed;
    }

    private void deliver(Due due) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (due.emailOff() || !Mail.deliverable(due.email())) {
            db.update("UPDATE notification SET mail_status = 'SKIPPED', mail_claimed_until = NULL, mail_error = ? WHERE id = ?",
                    due.emailOff() ? "turned off by the person" : "no address", due.id());
            return;
        }
        Texts t = Texts.forTag(due.locale() == null ? "es" : due.locale());
        try {
            mail.send(due.email(), "[" + due.course() + "] " + NoticeTexts.line(t, due.kind(), due.actor(), due.about()),
                    NoticeTexts.mailBody(t, due.kind(), due.actor(), due.about(), due.detail(), due.course()));
            db.update("UPDATE notification SET mail_status = 'SENT', mail_sent_at = ?, mail_claimed_until = NULL, mail_error = NULL "
                    + "WHERE id = ?", now, due.id());
        } catch (MessagingException | RuntimeException refused) {
            int attempts = due.attempts() + 1;
            String reason = String.valueOf(refused.getMessage());
            reason = reason.length() > 480 ? reason.substring(0, 480) : reason;
            if (attempts >= MAX_ATTEMPTS) {
                db.update("UPDATE notification SET mail_status = 'FAILED', mail_attempts = ?, mail_claimed_until = NULL, mail_error = ? "
                        + "WHERE id = ?", attempts, reason, due.id());
                LOG.warning(() -> "An e-mail was given up after " + MAX_ATTEMPTS + " attempts");
                return;
            }
            Duration pause = retryBase.multipliedBy(1L << Math.min(attempts - 1, 10));
            if (pause.compareTo(Duration.ofHours(1)) > 0) pause = Duration.ofHours(1);
            db.update("UPDATE notification SET mail_attempts = ?, mail_next_at = ?, mail_claimed_until = NULL, mail_error = ? WHERE id = ?",
                    attempts, now.plus(pause), reason, due.id());
            LOG.info(() -> "The mail server did not take an e-mail (attempt " + attempts + "); it is tried again later");
        }
    }
}
