package org.innovadores.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Turns of periodic work across the cluster: every instance's timer fires, and the first to take a
 * task's turn in the database runs it; the others skip it until the turn has passed. One UPDATE
 * decides (only one can match a turn that has run out), or one INSERT the first time (the primary
 * key lets only one in). Work taken this way must not take longer than its period.
 */
@ApplicationScoped
public class ClusterTasks {

    @Inject
    Sql db;

    /** Whether this instance has the task's turn for the period starting now. */
    public boolean turn(String task, Duration period) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // A little short of the period, so the next tick (on any instance) finds the turn over.
        OffsetDateTime until = now.plus(period.multipliedBy(9).dividedBy(10));
        if (db.update("UPDATE cluster_task SET owner = ?, held_until = ? WHERE name = ? AND held_until <= ?", Jobs.INSTANCE, until, task, now) == 1) {
            return true;
        }
        try {
            return db.update("INSERT INTO cluster_task (name, owner, held_until) SELECT ?, ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM cluster_task WHERE name = ?)", task, Jobs.INSTANCE, until, task) == 1;
        } catch (IllegalStateException lostTheRace) { // another instance inserted it first
            return false;
        }
    }
}
