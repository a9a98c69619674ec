package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.innovadores.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job queue on real PostgreSQL: one claimant per job, leases that expire, bounded retries, permanent failures. */
class JobsTest {

    static Jobs jobs;
    static Sql sql;

    @BeforeAll
    static void database() {
        DataSource ds = TestDatabase.freshDatabase("jobs_test");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        sql = new Sql();
        sql.dataSource = ds;
        jobs = new Jobs();
        jobs.db = sql;
    }

    @Test
    void aJobIsClaimedOnceAndTakenAgainWhenItsLeaseExpires() throws Exception {
        String kind = "test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = jobs.enqueue(kind, null, UUID.randomUUID(), 3);
        Jobs.Job first = jobs.claim(kind, Duration.ofMinutes(10)).orElseThrow();
        assertThat(first.id()).isEqualTo(id);
        assertThat(first.state()).isEqualTo(Jobs.State.RUNNING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(jobs.claim(kind, Duration.ofMinutes(10))).as("leased: nobody else takes it").isEmpty();
        // An instance that died: its lease runs out and another takes the job.
        sql.update("UPDATE job SET lease_until = lease_until - INTERVAL '11 minutes' WHERE id = ?", id);
        Jobs.Job again = jobs.claim(kind, Duration.ofMinutes(10)).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        jobs.done(id);
        assertThat(jobs.find(id).orElseThrow().state()).isEqualTo(Jobs.State.DONE);
        assertThat(jobs.claim(kind, Duration.ofMinutes(10))).isEmpty();
    }

    @Test
    void aFailedAttemptWaitsLongerEachTimeUntilItsAttemptsRunOut() {
        String kind = "test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = jobs.enqueue(kind, null, UUID.randomUUID(), 2);
        Jobs.Job first = jobs.claim(kind, Duration.ofMinutes(10)).orElseThrow();
        jobs.failed(first, "the disk was full", Duration.ofMinutes(1), false);
        Jobs.Job waiting = jobs.find(id).orElseThrow();
        assertThat(waiting.state()).isEqualTo(Jobs.State.QUEUED);
        assertThat(waiting.lastError()).isEqualTo("the disk was full");
        assertThat(waiting.runAfter()).isAfter(java.time.Instant.now().plusSeconds(50));
        assertThat(jobs.claim(kind, Duration.ofMinutes(10))).as("not before its pause").isEmpty();
        sql.update("UPDATE job SET run_after = run_after - INTERVAL '2 minutes' WHERE id = ?", id);
        Jobs.Job second = jobs.claim(kind, Duration.ofMinutes(10)).orElseThrow();
        jobs.failed(second, "still full", Duration.ofMinutes(1), false);
        assertThat(jobs.find(id).orElseThrow().state()).as("two attempts were allowed").isEqualTo(Jobs.State.FAILED);
    }

    @Test
    void aFailureRetryingCannotHelpIsFinalAtOnce() {
        String kind = "test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = jobs.enqueue(kind, null, UUID.randomUUID(), 5);
        jobs.failed(jobs.claim(kind, Duration.ofMinutes(10)).orElseThrow(), "not a video", Duration.ofMinutes(1), true);
        Jobs.Job failed = jobs.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(Jobs.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("not a video");
    }
}
