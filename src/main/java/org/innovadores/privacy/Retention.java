package org.innovadores.privacy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * People who have not opened the tool from any course of their LMS for longer than
 * {@code people.retention-days} are erased every night (0, the default, keeps everyone). The last
 * visit counts across the courses of their platform, so a person active in one cohort keeps their
 * earlier ones.
 */
@Singleton
public class Retention {

    /** Whose turn it is across the cluster: one instance runs this per period. */
    @jakarta.inject.Inject
    org.innovadores.runtime.ClusterTasks tasks;

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    Sql db;

    @Inject
    Erasure erasure;

    @Inject
    @ConfigProperty(name = "people.retention-days", defaultValue = "0")
    int days;

    public int days() {
        return Math.max(0, days);
    }

    /** Each person's erasure is its own transaction, not one for the whole night. */
    @Schedule(hour = "3", minute = "41", persistent = false)
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        if (!tasks.turn("retention", java.time.Duration.ofDays(1))) return; // another instance erases tonight
        if (days() == 0) return;
        int erased = run(Now.instant().minus(Duration.ofDays(days())));
        if (erased > 0) LOG.info(() -> "Retention erased " + erased + " people inactive for more than " + days() + " days");
    }

    /** Erases everyone last seen before {@code cutoff}; the count erased. */
    public int run(Instant cutoff) {
        record Person(UUID platform, String subject) {
        }
        List<Person> stale = new ArrayList<>();
        db.query("SELECT d.platform_id, c.subject FROM course_member c JOIN program p ON p.id = c.program_id JOIN lti_deployment d "
                + "ON d.id = p.deployment_id GROUP BY d.platform_id, c.subject HAVING MAX(c.last_seen) < ?",
                row -> stale.add(new Person(Sql.uuid(row, 1), row.getString(2))), cutoff.atOffset(ZoneOffset.UTC));
        for (Person person : stale) erasure.erase(person.platform(), person.subject(), "retention");
        return stale.size();
    }
}
