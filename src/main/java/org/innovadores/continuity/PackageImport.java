package org.innovadores.continuity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.innovadores.exercises.TemplateDefinition;
import org.innovadores.exercises.Templates;
import org.innovadores.program.Attachment;
import org.innovadores.program.Attachments;
import org.innovadores.program.Author;
import org.innovadores.program.Documents;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramDocument;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.recordings.MediaAsset;
import org.innovadores.recordings.MediaAssets;
import org.innovadores.recordings.MediaKind;
import org.innovadores.recordings.MediaStore;
import org.innovadores.runtime.Now;

/**
 * Applies a checked package to a course's program: each module becomes a new revision (its history
 * keeps what was there) or a new module; a template that differs becomes the course's next version
 * (exercises already started keep theirs); files and recordings the module lacks are added. What
 * is already the same is left alone, so importing twice changes nothing the second time.
 */
@ApplicationScoped
public class PackageImport {

    /** What an import changed. */
    public record Applied(int modules, int templates, int attachments, int recordings, int recordingsWithoutFile) {
    }

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

    public Applied apply(Program program, Path file, PackageCheck.Contents contents, boolean withTemplates, Author author, String note)
            throws IOException {
        int modules = 0;
        for (ProgramDocument.Module module : contents.program().modules()) {
            if (programs.adopt(program, module, author, note)) modules++;
        }
        int added = 0;
        if (withTemplates) {
            for (TemplateDefinition definition : contents.templates()) {
                Optional<Templates.Version> latest = templates.latest(program.id(), definition.key());
                if (latest.isPresent() && Documents.write(latest.get().definition()).equals(Documents.write(definition))) continue;
                templates.add(program.id(), definition, author.subject());
                added++;
            }
        }
        int files = 0;
        int recordings = 0;
        int withoutFile = 0;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (ProgramPackage.AttachmentFile a : contents.attachments()) {
                ProgramModule module = programs.module(program, a.module()).orElseThrow();
                boolean present = attachments.of(module).stream().anyMatch(x -> x.sha256().equals(a.sha256()) && x.fileName().equals(a.fileName()));
                if (present) continue;
                try (InputStream in = zip.getInputStream(zip.getEntry(a.entry()))) {
                    attachments.store(module, a.fileName(), in, author);
                }
                files++;
            }
            List<ProgramPackage.Recording> listed = contents.recordings();
            List<UUID> ids = new ArrayList<>();
            for (ProgramPackage.Recording r : listed) {
                List<MediaAsset> existing = media.ofModule(program.id(), r.module());
                Optional<MediaAsset> same = existing.stream().filter(x -> x.kind().name().equals(r.kind()) && x.title().equals(r.title())
                        && java.util.Objects.equals(x.linkUrl(), r.linkUrl()) && java.util.Objects.equals(x.sha256(), r.sha256())).findFirst();
                if (same.isPresent()) {
                    ids.add(same.get().id());
                    continue;
                }
                if (r.linkUrl() == null && r.entry() == null) {
                    // The export left the file out: nothing to play.
                    ids.add(null);
                    withoutFile++;
                    continue;
                }
                UUID id = UUID.randomUUID();
                if (r.entry() != null) {
                    Path partial = store.staging().resolve(id + ".importing");
                    try (InputStream in = zip.getInputStream(zip.getEntry(r.entry()))) {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                        store.publish(id, partial, r.contentType(), r.sha256());
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                }
                media.insert(new MediaAsset(id, program.id(), r.module(), r.workshop(), MediaKind.valueOf(r.kind()), r.title(), r.language(),
                        r.linkUrl(), r.fileName(), r.contentType(), r.size(), r.sha256(), r.durationSeconds(), r.chapters(),
                        author.subject(), Now.instant()));
                ids.add(id);
                recordings++;
            }
            for (int i = 0; i < listed.size(); i++) {
                int accompanies = listed.get(i).accompanies();
                if (accompanies >= 0 && ids.get(i) != null && ids.get(accompanies) != null) media.setRecording(ids.get(i), ids.get(accompanies));
            }
        }
        return new Applied(modules, added, files, recordings, withoutFile);
    }
}
