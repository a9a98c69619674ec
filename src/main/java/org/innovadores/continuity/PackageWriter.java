package org.innovadores.continuity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.innovadores.exercises.Templates;
import org.innovadores.program.Attachment;
import org.innovadores.program.Attachments;
import org.innovadores.program.Documents;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramDocument;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.recordings.MediaAsset;
import org.innovadores.recordings.MediaAssets;
import org.innovadores.recordings.MediaStore;

/**
 * Writes a course's program as a package, streaming: each file goes from disk into the zip through
 * a fixed buffer, so a program with gigabytes of recordings is exported in a small, constant heap.
 * The same program always gives the same entries, so export → import → export gives the same manifest.
 */
@ApplicationScoped
public class PackageWriter {

    @Inject
    Programs programs;

    @Inject
    Templates templates;

    @Inject
    Attachments attachments;

    @Inject
    MediaAssets media;

    @Inject
    MediaStore store;

    public void write(Program program, boolean recordingFiles, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<ProgramPackage.Entry> entries = new ArrayList<>();
        ProgramDocument document = programs.document(program.id());
        put(zip, entries, ProgramPackage.PROGRAM, Documents.write(document));
        List<ProgramModule> modules = programs.modules(program);
        for (int i = 0; i < document.modules().size(); i++) {
            ProgramDocument.Module module = document.modules().get(i);
            for (String lang : List.of("es", "en")) {
                put(zip, entries, "modules/%02d-%s.%s.md".formatted(i, module.key(), lang), markdown(module.content(), lang));
            }
        }
        Map<String, Templates.Version> used = new TreeMap<>(templates.all(program.id()));
        for (Templates.Version version : used.values()) {
            put(zip, entries, "templates/" + version.definition().key() + ".json", Documents.write(version.definition()));
        }
        List<ProgramPackage.AttachmentFile> files = new ArrayList<>();
        for (ProgramModule module : modules) {
            int n = 0;
            for (Attachment a : attachments.of(module)) {
                String name = "attachments/" + module.key() + "/" + (++n) + "-" + ProgramPackage.plain(a.fileName());
                try (InputStream in = attachments.open(a)) {
                    put(zip, entries, name, in, false);
                }
                files.add(new ProgramPackage.AttachmentFile(module.key(), a.fileName(), a.contentType(), a.size(), a.sha256(), name));
            }
        }
        put(zip, entries, ProgramPackage.ATTACHMENTS, Documents.write(files));
        List<MediaAsset> assets = new ArrayList<>();
        for (ProgramModule module : modules) assets.addAll(media.ofModule(program.id(), module.key()));
        List<UUID> ids = assets.stream().map(MediaAsset::id).toList();
        List<ProgramPackage.Recording> recordings = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            MediaAsset a = assets.get(i);
            String entry = null;
            if (recordingFiles && a.uploaded()) {
                entry = "recordings/" + (i + 1) + "-" + ProgramPackage.plain(a.fileName());
                try (InputStream in = store.open(a.id())) {
                    // Video and audio are compressed already: stored as they are, without spending CPU.
                    put(zip, entries, entry, in, a.kind().playable());
                }
            }
            recordings.add(new ProgramPackage.Recording(a.moduleKey(), a.workshopKey(), a.kind().name(), a.title(), a.language(),
                    a.linkUrl(), a.fileName(), a.contentType(), a.size(), a.sha256(), a.durationSeconds(), a.chapters(),
                    a.recordingId() == null ? -1 : ids.indexOf(a.recordingId()), entry));
        }
        put(zip, entries, ProgramPackage.RECORDINGS, Documents.write(recordings));
        ProgramPackage.Manifest manifest = new ProgramPackage.Manifest(ProgramPackage.FORMAT, ProgramPackage.VERSION,
                document.title().text("es"), recordingFiles, entries);
        zip.putNextEntry(new ZipEntry(ProgramPackage.MANIFEST));
        zip.write(Documents.write(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** A module as a person reads it, for the package's readers (the import reads program.json). */
    static String markdown(ModuleContent content, String lang) {
        StringBuilder md = new StringBuilder("# ").append(content.title().text(lang)).append("\n\n");
        if (!content.goals().isBlank()) md.append(content.goals().text(lang)).append("\n\n");
        for (ModuleContent.Section s : content.sections()) {
            md.append("## ").append(s.title().text(lang)).append("\n\n").append(s.body().text(lang)).append("\n\n");
        }
        for (ModuleContent.Workshop w : content.workshops()) {
            md.append("## ").append(w.title().text(lang)).append("\n\n").append(w.outline().text(lang)).append("\n\n");
        }
        return md.toString();
    }

    private static void put(ZipOutputStream zip, List<ProgramPackage.Entry> entries, String name, String text) throws IOException {
        put(zip, entries, name, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), false);
    }

    private static void put(ZipOutputStream zip, List<ProgramPackage.Entry> entries, String name, InputStream in, boolean asIs)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // A fixed time: the same content gives the same bytes whenever it is exported.
        entry.setTime(0L);
        zip.setLevel(asIs ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(entry);
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = in.read(buffer)) != -1; ) {
            zip.write(buffer, 0, read);
            sha256.update(buffer, 0, read);
            size += read;
        }
        zip.closeEntry();
        entries.add(new ProgramPackage.Entry(name, size, HexFormat.of().formatHex(sha256.digest())));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
