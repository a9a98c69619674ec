package org.innovadores.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Debian's ffmpeg and ffprobe, run as child processes at lowered priority with a time limit. The tool
 * starts without them: renditions are then off, and the log and the administration page say so.
 */
@ApplicationScoped
public class Ffmpeg {

    private static final Logger LOG = Logger.getLogger(Ffmpeg.class.getName());

    /** What a run gave: its exit code, the end of its error output, and whether it ran out of time. */
    public record Run(int exit, String errors, String output, boolean timedOut) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }
    }

    @Inject
    @ConfigProperty(name = "media.ffmpeg", defaultValue = "ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "media.ffprobe", defaultValue = "ffprobe")
    String ffprobe;

    private volatile Boolean available;

    /** Whether ffmpeg and ffprobe answer; asked once, and logged when they do not. */
    public boolean available() {
        Boolean known = available;
        if (known != null) return known;
        boolean both = answers(ffmpeg) && answers(ffprobe);
        if (!both) LOG.warning(() -> "ffmpeg or ffprobe not found (media.ffmpeg=" + ffmpeg + "): renditions of recordings are off");
        available = both;
        return both;
    }

    public Run ffmpeg(List<String> arguments, Duration limit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(arguments);
        return run(command, limit);
    }

    public Run ffprobe(List<String> arguments, Duration limit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        command.addAll(arguments);
        return run(command, limit);
    }

    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Ends every ffmpeg this instance started: it is stopping, and a child process would outlive it. */
    public static void stopAll() {
        RUNNING.forEach(Process::destroyForcibly);
    }

    private static Run run(List<String> command, Duration limit) throws IOException, InterruptedException {
        List<String> niced = new ArrayList<>();
        // Lowered priority: pages stay quick while a recording is being converted.
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) niced.addAll(List.of("/usr/bin/nice", "-n", "10"));
        niced.addAll(command);
        Path out = Files.createTempFile("ffmpeg-out-", ".txt");
        Path err = Files.createTempFile("ffmpeg-err-", ".txt");
        try {
            Process process = new ProcessBuilder(niced).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            RUNNING.add(process);
            try {
                boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return new Run(-1, tail(err), "", true);
                }
                return new Run(process.exitValue(), tail(err), Files.readString(out, StandardCharsets.UTF_8), false);
            } catch (InterruptedException stopped) {
                process.destroyForcibly(); // a child must not outlive the work it was started for
                throw stopped;
            } finally {
                RUNNING.remove(process);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return text.length() > 1500 ? text.substring(text.length() - 1500) : text;
    }

    private static boolean answers(String program) {
        try {
            Process p = new ProcessBuilder(program, "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return false;
        }
    }
}
