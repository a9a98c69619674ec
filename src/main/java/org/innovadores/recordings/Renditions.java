package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Ffmpeg;
import org.innovadores.runtime.Jobs;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * The lighter versions of an uploaded video, for modest laptops and metered connections: a poster,
 * about 360p H.264 + AAC at a few hundred kbit/s with fast start, and the audio alone at about
 * 48 kbit/s. Each is written beside its final name and renamed into place when complete; its row is
 * written after that, so a kill mid-job leaves nothing half-made visible.
 */
@ApplicationScoped
public class Renditions {

    public static final String JOB = "rendition";

    public enum Kind {
        POSTER("image/jpeg", "jpg"), LIGHT("video/mp4", "mp4"), AUDIO("audio/mp4", "m4a");

        public final String contentType;
        final String extension;

        Kind(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Rendition(UUID asset, Kind kind, String contentType, long size, String sha256) {
        public String etag() {
            return "\"" + sha256.substring(0, 32) + "\"";
        }
    }

    /** A failure and whether trying again could help. */
    static final class Failed extends Exception {
        final boolean permanent;

        Failed(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }
    }

    @Inject
    Sql db;

    @Inject
    MediaStore store;

    @Inject
    org.innovadores.runtime.ObjectStore objects;

    @Inject
    MediaAssets assets;

    @Inject
    Ffmpeg ffmpeg;

    @Inject
    Jobs jobs;

    public void requested(MediaAsset asset) {
        if (asset.kind() == MediaKind.VIDEO && asset.uploaded()) jobs.enqueue(JOB, asset.programId(), asset.id(), 3);
    }

    public List<Rendition> of(UUID asset) {
        List<Rendition> found = new ArrayList<>();
        db.query("SELECT kind, content_type, size_bytes, sha256 FROM media_rendition WHERE asset_id = ? ORDER BY kind", row -> found.add(
                new Rendition(asset, Kind.valueOf(row.getString(1)), row.getString(2), row.getLong(3), row.getString(4))), asset);
        found.sort(java.util.Comparator.comparing(Rendition::kind));
        return found;
    }

    public Optional<Rendition> find(UUID asset, Kind kind) {
        return of(asset).stream().filter(r -> r.kind() == kind).findFirst();
    }

    public Path file(UUID asset, Kind kind) {
        return store.renditions().resolve(asset + "-" + kind.key() + "." + kind.extension);
    }

    /** The recording's renditions and their job go with it. */
    public void forget(UUID asset) throws IOException {
        db.update("DELETE FROM media_rendition WHERE asset_id = ?", asset);
        for (Kind kind : Kind.values()) {
            Files.deleteIfExists(file(asset, kind));
            if (store.inObjects()) objects.delete(MediaStore.renditionKey(file(asset, kind).getFileName().toString()));
        }
        jobs.forget(asset);
    }

    /** Makes every rendition of the job's recording; throws when it cannot, saying whether retrying could help. */
    void make(Jobs.Job job) throws Failed, IOException, InterruptedException {
        Optional<MediaAssets.Located> located = assets.find(job.subjectId());
        if (located.isEmpty()) return; // deleted meanwhile: nothing to make
        MediaAsset asset = located.get().asset();
        Path original = store.file(asset.id());
        Path fetched = null;
        if (store.inObjects() && !Files.isRegularFile(original)) {
            // ffmpeg reads a file it can seek in: the original comes from the store to this instance's scratch space.
            fetched = store.staging().resolve(asset.id() + "-original." + job.attempts());
            try (java.io.InputStream in = store.open(asset.id())) {
                Files.copy(in, fetched, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.FileNotFoundException gone) {
                Files.deleteIfExists(fetched);
                throw new Failed("the recording's file is missing", true);
            }
            original = fetched;
        }
        try {
            makeFrom(job, asset, original);
        } catch (Failed failed) {
            // The original moved to the object store (media-migrate) while ffmpeg read it: take it again from there.
            if (fetched == null && store.inObjects() && !Files.isRegularFile(original)) {
                throw new Failed("the recording moved to the object store while it was read", false);
            }
            throw failed;
        } finally {
            if (fetched != null) Files.deleteIfExists(fetched);
        }
    }

    private void makeFrom(Jobs.Job job, MediaAsset asset, Path original) throws Failed, IOException, InterruptedException {
        if (!Files.isRegularFile(original)) throw new Failed("the recording's file is missing", true);
        Ffmpeg.Run probe = ffmpeg.ffprobe(List.of("-print_format", "json", "-show_format", "-show_streams", original.toString()),
                Duration.ofMinutes(2));
        if (probe.timedOut()) throw new Failed("ffprobe took too long", false);
        if (!probe.ok()) throw new Failed("not a video ffmpeg can read: " + plain(probe.errors()), true);
        JsonObject info;
        try (JsonReader reader = Json.createReader(new StringReader(probe.output()))) {
            info = reader.readObject();
        } catch (RuntimeException unreadable) {
            throw new Failed("ffprobe gave no description of the file", true);
        }
        boolean video = false;
        boolean audio = false;
        for (JsonValue s : info.getJsonArray("streams") == null ? List.<JsonValue>of() : info.getJsonArray("streams")) {
            String type = s.asJsonObject().getString("codec_type", "");
            video |= type.equals("video");
            audio |= type.equals("audio");
        }
        if (!video) throw new Failed("the file has no video stream", true);
        double duration = 0;
        try {
            duration = Double.parseDouble(info.getJsonObject("format").getString("duration", "0"));
        } catch (RuntimeException noDuration) {
            // some containers do not say; the limits below then use their minimum
        }
        Duration limit = Duration.ofSeconds(Math.max(600, (long) (duration * 3)));
        String input = original.toString();
        // What an earlier attempt left (its instance killed midway) goes first; each attempt writes parts of its own.
        try (var earlier = Files.newDirectoryStream(store.renditions(), asset.id() + "-*.part")) {
            for (Path part : earlier) Files.deleteIfExists(part);
        }
        String attempt = Integer.toString(job.attempts());
        List<Path> made = new ArrayList<>();
        try {
            made.add(render(asset, attempt, Kind.POSTER, List.of("-ss", String.format(Locale.ROOT, "%.2f", Math.min(5, duration * 0.1)), "-i", input,
                    "-frames:v", "1", "-vf", "scale=-2:360", "-f", "image2"), limit));
            List<String> light = new ArrayList<>(List.of("-i", input, "-vf", "scale=-2:360", "-c:v", "libx264", "-preset", "veryfast",
                    "-crf", "30", "-maxrate", "400k", "-bufsize", "800k", "-pix_fmt", "yuv420p"));
            light.addAll(audio ? List.of("-c:a", "aac", "-b:a", "64k", "-ac", "1") : List.of("-an"));
            light.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
            made.add(render(asset, attempt, Kind.LIGHT, light, limit));
            if (audio) {
                made.add(render(asset, attempt, Kind.AUDIO, List.of("-i", input, "-vn", "-c:a", "aac", "-b:a", "48k", "-ac", "1", "-movflags", "+faststart",
                        "-f", "mp4"), limit));
            }
            db.update("DELETE FROM media_rendition WHERE asset_id = ?", asset.id());
            for (Path part : made) {
                Kind kind = Kind.valueOf(part.getFileName().toString().replaceAll(".*-([a-z]+)\\.\\d+\\.part$", "$1").toUpperCase(Locale.ROOT));
                Path target = file(asset.id(), kind);
                long size = Files.size(part);
                String sha256 = MediaStore.sha256(Files.newInputStream(part));
                if (store.inObjects()) {
                    // A put is whole or nothing: the object appears complete or not at all.
                    objects.put(MediaStore.renditionKey(target.getFileName().toString()), part, kind.contentType, Map.of("sha256", sha256));
                } else {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                db.update("INSERT INTO media_rendition (asset_id, kind, content_type, size_bytes, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        asset.id(), kind.name(), kind.contentType, size, sha256, Now.utc());
            }
            if (asset.durationSeconds() == null && duration > 0) {
                db.update("UPDATE media_asset SET duration_s = ? WHERE id = ?", duration, asset.id());
            }
        } finally {
            for (Path part : made) Files.deleteIfExists(part);
        }
    }

    private Path render(MediaAsset asset, String attempt, Kind kind, List<String> arguments, Duration limit)
            throws Failed, IOException, InterruptedException {
        Path part = store.renditions().resolve(asset.id() + "-" + kind.key() + "." + attempt + ".part");
        List<String> command = new ArrayList<>(arguments);
        command.add(part.toString());
        Ffmpeg.Run run = ffmpeg.ffmpeg(command, limit);
        if (run.timedOut()) {
            Files.deleteIfExists(part);
            throw new Failed("the " + kind.key() + " version took longer than " + limit.toMinutes() + " minutes", false);
        }
        if (!run.ok() || !Files.isRegularFile(part) || Files.size(part) == 0) {
            Files.deleteIfExists(part);
            throw new Failed("ffmpeg could not make the " + kind.key() + " version: " + plain(run.errors()), true);
        }
        return part;
    }

    /** ffmpeg's message without its internal addresses ("[mov,mp4 @ 0x55…] moov atom not found" → "moov atom not found"). */
    static String plain(String errors) {
        return errors.replaceAll("\\[[^\\]]* @ 0x[0-9a-f]+\\] ?", "").strip();
    }

}
