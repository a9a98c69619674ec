package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.innovadores.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Turns of periodic work on real PostgreSQL: of many instances asking at once, one runs it; again once the turn is over. */
class ClusterTasksTest {

    static Sql sql;

    @BeforeAll
    static void database() {
        DataSource ds = TestDatabase.freshDatabase("cluster_tasks_test");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        sql = new Sql();
        sql.dataSource = ds;
    }

    @Test
    void ofEightInstancesAskingAtOnceOneTakesTheTurnUntilItIsOver() throws Exception {
        for (String task : List.of("roster", "retention")) {
            assertThat(askingAtOnce(task, 8)).as(task + ": the first turn, with the row not there yet").isEqualTo(1);
            assertThat(askingAtOnce(task, 8)).as(task + ": while the turn lasts").isZero();
            sql.update("UPDATE cluster_task SET held_until = held_until - INTERVAL '2 hours' WHERE name = ?", task);
            assertThat(askingAtOnce(task, 8)).as(task + ": the next turn").isEqualTo(1);
        }
    }

    /** How many of n instances (each its own ClusterTasks) got the turn when asking at the same moment. */
    private static int askingAtOnce(String task, int n) throws InterruptedException {
        AtomicInteger taken = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> instances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClusterTasks instance = new ClusterTasks();
            instance.db = sql;
            instances.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (instance.turn(task, Duration.ofHours(1))) taken.incrementAndGet();
            }));
        }
        go.countDown();
        for (Thread t : instances) t.join();
        return taken.get();
    }
}
