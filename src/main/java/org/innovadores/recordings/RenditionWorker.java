package org.innovadores.recordings;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.innovadores.runtime.Ffmpeg;
import org.innovadores.runtime.Jobs;

/**
 * Takes rendition jobs, one at a time per instance: every few seconds it claims the next due one
 * (or one whose instance died with it, once its lease expired) and makes its renditions.
 */
@Singleton
public class RenditionWorker {

    private static final Logger LOG = Logger.getLogger(RenditionWorker.class.getName());

    /** Longer than any rendition's time limit, so a live instance keeps its job. */
    static final Duration LEASE = Duration.ofHours(2);

    @Inject
    Jobs jobs;

    @Inject
    Renditions renditions;

    @Inject
    Ffmpeg ffmpeg;

    private final AtomicBoolean busy = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false)
    void poll() {
        if (!ffmpeg.available() || !busy.compareAndSet(false, true)) return;
        try {
            for (Optional<Jobs.Job> job = jobs.claim(Renditions.JOB, LEASE); job.isPresent(); job = jobs.claim(Renditions.JOB, LEASE)) {
                run(job.get());
            }
        } finally {
            busy.set(false);
        }
    }

    private void run(Jobs.Job job) {
        long started = System.nanoTime();
        try {
            renditions.make(job);
            jobs.done(job.id());
            LOG.info(() -> "Renditions of recording " + job.subjectId() + " made in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Renditions.Failed failed) {
            jobs.failed(job, failed.getMessage(), Duration.ofMinutes(1), failed.permanent);
            LOG.warning(() -> "Renditions of recording " + job.subjectId() + " failed (attempt " + job.attempts() + "): " + failed.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception unexpected) {
            jobs.failed(job, unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage(), Duration.ofMinutes(1), false);
            LOG.warning(() -> "Renditions of recording " + job.subjectId() + " failed: " + unexpected);
        }
    }
}
