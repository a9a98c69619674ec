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

    /**
     * How long a job stays with this instance without news: renewed every third of it while the work
     * goes on, so a live instance keeps its job and a dead one's is taken again soon after.
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "media.renditions.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    Jobs jobs;

    @Inject
    Renditions renditions;

    @Inject
    Ffmpeg ffmpeg;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean stopping;

    /** The instance is stopping: no new job, and the one in hand goes back to the queue for another instance. */
    public void stop(@jakarta.enterprise.event.Observes org.innovadores.runtime.Drain.Draining draining) {
        stopping = true;
        Ffmpeg.stopAll();
    }

    /**
     * The timer only starts the work: the jobs run on a thread of their own, outside the timer's
     * transaction, so each step (claim, lease renewals, the end) is seen by other instances when it
     * happens, and the timer is never held for the length of a video.
     */
    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false)
    void poll() {
        if (stopping || !ffmpeg.available() || !busy.compareAndSet(false, true)) return;
        Thread.ofPlatform().daemon().name("renditions").start(() -> {
            try {
                for (Optional<Jobs.Job> job = jobs.claim(Renditions.JOB, lease); job.isPresent() && !stopping; job = jobs.claim(Renditions.JOB, lease)) {
                    run(job.get());
                }
            } catch (RuntimeException failure) {
                LOG.warning(() -> "Renditions paused until the next round: " + failure);
            } finally {
                busy.set(false);
            }
        });
    }

    private void run(Jobs.Job job) {
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean working = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread heartbeat = Thread.ofVirtual().start(() -> {
            while (working.get()) {
                try {
                    Thread.sleep(Math.max(200, lease.toMillis() / 3));
                } catch (InterruptedException stop) {
                    return;
                }
                if (working.get()) jobs.renew(job.id(), lease);
            }
        });
        try {
            renditions.make(job);
            jobs.done(job.id());
            LOG.info(() -> "Renditions of recording " + job.subjectId() + " made in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Renditions.Failed failed) {
            if (stopping) { // ffmpeg was ended because the instance stops, not because the video is bad
                jobs.release(job.id());
                return;
            }
            jobs.failed(job, failed.getMessage(), Duration.ofMinutes(1), failed.permanent);
            LOG.warning(() -> "Renditions of recording " + job.subjectId() + " failed (attempt " + job.attempts() + "): " + failed.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception unexpected) {
            jobs.failed(job, unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage(), Duration.ofMinutes(1), false);
            LOG.warning(() -> "Renditions of recording " + job.subjectId() + " failed: " + unexpected);
        } finally {
            working.set(false);
            heartbeat.interrupt();
        }
    }
}
