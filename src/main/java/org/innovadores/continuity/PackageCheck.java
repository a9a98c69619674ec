package org.innovadores.continuity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.innovadores.exercises.TemplateDefinition;
import org.innovadores.program.Documents;
import org.innovadores.program.ProgramDocument;
import org.innovadores.recordings.Links;
import org.innovadores.recordings.MediaKind;

/**
 * Checks a package before anything is written: that it is a zip of this format and a version this
 * tool reads; that its entries have plain names (none absolute or climbing out of a folder), are few
 * enough, and that together they expand to no more than the limit (each entry is read no further
 * than its declared size, so a zip bomb stops at the first byte too many); that every entry the
 * manifest lists is there with its size and SHA-256 and nothing else is; that the program, its
 * templates and its files' lists are sound. Every problem is reported, not only the first.
 */
public final class PackageCheck {

    public static final int MAX_ENTRIES = 10_000;
    static final long MAX_DOCUMENT = 32L * 1024 * 1024;
    private static final Pattern MODULE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    /** A problem as a message key and its arguments. */
    public record Problem(String key, List<Object> args) {
        Problem(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    /** What a sound package holds, read. */
    public record Contents(ProgramPackage.Manifest manifest, ProgramDocument program, List<TemplateDefinition> templates,
                           List<ProgramPackage.AttachmentFile> attachments, List<ProgramPackage.Recording> recordings) {
    }

    public record Checked(List<Problem> problems, Contents contents) {
        public boolean sound() {
            return problems.isEmpty();
        }
    }

    private PackageCheck() {
    }

    public static Checked check(Path file, long maxExpandedBytes) {
        List<Problem> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > MAX_ENTRIES) return refused(new Problem("continuity.problem.entries", zip.size(), MAX_ENTRIES));
            Map<String, ZipEntry> byName = new HashMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String name = e.getName();
                if (!ProgramPackage.ENTRY_NAME.matcher(name).matches()) {
                    problems.add(new Problem("continuity.problem.entryName", shown(name)));
                } else if (byName.put(name, e) != null) {
                    problems.add(new Problem("continuity.problem.entryTwice", name));
                }
            }
            if (!problems.isEmpty()) return new Checked(problems, null);
            ZipEntry manifestEntry = byName.get(ProgramPackage.MANIFEST);
            if (manifestEntry == null) return refused(new Problem("continuity.problem.noManifest"));
            ProgramPackage.Manifest manifest;
            try {
                manifest = Documents.read(new String(bounded(zip, manifestEntry, 1024 * 1024, null), StandardCharsets.UTF_8),
                        ProgramPackage.Manifest.class);
            } catch (RuntimeException | IOException e) {
                return refused(new Problem("continuity.problem.manifest"));
            }
            if (!ProgramPackage.FORMAT.equals(manifest.format())) return refused(new Problem("continuity.problem.format"));
            if (manifest.formatVersion() > ProgramPackage.VERSION) {
                return refused(new Problem("continuity.problem.newer", manifest.formatVersion(), ProgramPackage.VERSION));
            }
            if (manifest.formatVersion() < 1 || manifest.entries() == null) return refused(new Problem("continuity.problem.manifest"));
            long total = 0;
            Set<String> listed = new HashSet<>();
            for (ProgramPackage.Entry entry : manifest.entries()) {
                if (entry == null || entry.name() == null || entry.sha256() == null || entry.size() < 0) {
                    problems.add(new Problem("continuity.problem.manifest"));
                    continue;
                }
                listed.add(entry.name());
                total += entry.size();
            }
            if (total > maxExpandedBytes) return refused(new Problem("continuity.problem.tooBig", total / (1024 * 1024), maxExpandedBytes / (1024 * 1024)));
            for (String name : byName.keySet()) {
                if (!name.equals(ProgramPackage.MANIFEST) && !listed.contains(name)) problems.add(new Problem("continuity.problem.unlisted", name));
            }
            Map<String, byte[]> documents = new HashMap<>();
            for (ProgramPackage.Entry entry : manifest.entries()) {
                if (entry == null || entry.name() == null) continue;
                ZipEntry zipped = byName.get(entry.name());
                if (zipped == null) {
                    problems.add(new Problem("continuity.problem.missing", entry.name()));
                    continue;
                }
                MessageDigest sha256 = PackageWriter.sha256();
                boolean document = entry.name().endsWith(".json");
                if (document && entry.size() > MAX_DOCUMENT) {
                    problems.add(new Problem("continuity.problem.tooBig", entry.size() / (1024 * 1024), MAX_DOCUMENT / (1024 * 1024)));
                    continue;
                }
                long[] read = {0};
                byte[] body;
                try {
                    body = bounded(zip, zipped, entry.size(), sha256, read, document);
                } catch (IOException e) {
                    problems.add(new Problem("continuity.problem.unreadable", entry.name()));
                    continue;
                }
                if (read[0] != entry.size() || !HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(entry.sha256())) {
                    problems.add(new Problem("continuity.problem.checksum", entry.name()));
                    continue;
                }
                if (document) documents.put(entry.name(), body);
            }
            if (!problems.isEmpty()) return new Checked(problems, null);
            return contents(manifest, documents, listed, problems);
        } catch (ZipException e) {
            return refused(new Problem("continuity.problem.notZip"));
        } catch (IOException e) {
            return refused(new Problem("continuity.problem.notZip"));
        }
    }

    private static Checked contents(ProgramPackage.Manifest manifest, Map<String, byte[]> documents, Set<String> listed,
                                    List<Problem> problems) {
        ProgramDocument program = read(documents.get(ProgramPackage.PROGRAM), ProgramDocument.class, ProgramPackage.PROGRAM, problems);
        Set<String> modules = new HashSet<>();
        if (program != null) {
            if (program.modules() == null || program.modules().isEmpty()) problems.add(new Problem("continuity.problem.noModules"));
            else for (ProgramDocument.Module m : program.modules()) {
                if (m == null || m.key() == null || !MODULE_KEY.matcher(m.key()).matches() || m.status() == null || m.content() == null) {
                    problems.add(new Problem("continuity.problem.module", m == null || m.key() == null ? "?" : shown(m.key())));
                } else if (!modules.add(m.key())) {
                    problems.add(new Problem("continuity.problem.moduleTwice", m.key()));
                }
            }
        }
        List<TemplateDefinition> templates = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        documents.forEach((name, body) -> {
            if (!name.startsWith("templates/")) return;
            TemplateDefinition t = read(body, TemplateDefinition.class, name, problems);
            if (t != null) {
                templates.add(t);
                keys.add(t.key());
            }
        });
        templates.sort(java.util.Comparator.comparing(TemplateDefinition::key, java.util.Comparator.nullsFirst(String::compareTo)));
        for (TemplateDefinition t : templates) {
            if (!t.problems(keys).isEmpty()) problems.add(new Problem("continuity.problem.template", t.key() == null ? "?" : shown(t.key())));
        }
        ProgramPackage.AttachmentFile[] files = read(documents.get(ProgramPackage.ATTACHMENTS), ProgramPackage.AttachmentFile[].class,
                ProgramPackage.ATTACHMENTS, problems);
        if (files != null) for (ProgramPackage.AttachmentFile f : files) {
            if (f == null || f.entry() == null || !listed.contains(f.entry()) || !f.entry().startsWith("attachments/")
                    || f.fileName() == null || f.fileName().isBlank() || !modules.contains(f.module())) {
                problems.add(new Problem("continuity.problem.attachment", f == null || f.fileName() == null ? "?" : shown(f.fileName())));
            }
        }
        ProgramPackage.Recording[] recordings = read(documents.get(ProgramPackage.RECORDINGS), ProgramPackage.Recording[].class,
                ProgramPackage.RECORDINGS, problems);
        if (recordings != null) for (ProgramPackage.Recording r : recordings) {
            boolean kind = r != null && r.kind() != null && java.util.Arrays.stream(MediaKind.values()).anyMatch(k -> k.name().equals(r.kind()));
            if (!kind || !modules.contains(r.module()) || r.title() == null || r.accompanies() < -1 || r.accompanies() >= recordings.length
                    || (r.entry() != null && (!listed.contains(r.entry()) || !r.entry().startsWith("recordings/")))
                    || (r.linkUrl() != null && Links.valid(r.linkUrl()).isEmpty())) {
                problems.add(new Problem("continuity.problem.recording", r == null || r.title() == null ? "?" : shown(r.title())));
            }
        }
        if (!problems.isEmpty()) return new Checked(problems, null);
        return new Checked(problems, new Contents(manifest, program, templates, List.of(files), List.of(recordings)));
    }

    private static <T> T read(byte[] body, Class<T> type, String name, List<Problem> problems) {
        if (body == null) {
            problems.add(new Problem("continuity.problem.missing", name));
            return null;
        }
        try {
            T read = Documents.read(new String(body, StandardCharsets.UTF_8), type);
            if (read == null) problems.add(new Problem("continuity.problem.document", name));
            return read;
        } catch (RuntimeException e) {
            problems.add(new Problem("continuity.problem.document", name));
            return null;
        }
    }

    private static byte[] bounded(ZipFile zip, ZipEntry entry, long max, MessageDigest digest) throws IOException {
        return bounded(zip, entry, max, digest, new long[1], true);
    }

    /** Reads an entry no further than {@code max} + 1 bytes; keeps the bytes only when asked. */
    private static byte[] bounded(ZipFile zip, ZipEntry entry, long max, MessageDigest digest, long[] count, boolean keep) throws IOException {
        java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - count[0]))) > 0; ) {
                count[0] += read;
                if (digest != null) digest.update(buffer, 0, read);
                if (kept != null) kept.write(buffer, 0, read);
                if (count[0] > max) break;
            }
        }
        return kept == null ? null : kept.toByteArray();
    }

    private static Checked refused(Problem problem) {
        return new Checked(List.of(problem), null);
    }

    /** A name from the package as it may be shown: printable, not too long. */
    private static String shown(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
