package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.runtime.DataDirectory;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;

/**
 * Files attached to modules. The upload streams to a temporary file (never whole in memory), its
 * type is read from its first bytes rather than its name, and only a complete, accepted file is
 * moved into place, atomically, and recorded.
 */
@ApplicationScoped
public class Attachments {

    /** What the tool accepts, recognised by the file's first bytes (WebP: "RIFF", size, "WEBP"). */
    enum Kind {
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        GIF("image/gif", new byte[] {'G', 'I', 'F', '8'}),
        WEBP("image/webp", new byte[] {'R', 'I', 'F', 'F'}),
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
        /** Office documents (docx, xlsx, pptx, odt...) are zip files; they are offered as downloads. */
        OFFICE("application/octet-stream", new byte[] {'P', 'K', 0x03, 0x04});

        final String contentType;
        final byte[] magic;

        Kind(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }

        static Optional<Kind> of(byte[] head) {
            return Arrays.stream(values()).filter(k -> head.length >= k.magic.length
                            && Arrays.equals(Arrays.copyOf(head, k.magic.length), k.magic))
                    .filter(k -> k != WEBP || (head.length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P'))
                    .findFirst();
        }
    }

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "program.attachments.max-bytes", defaultValue = "26214400")
    long maxBytes;

    @Inject
    org.innovadores.runtime.ObjectStore objects;

    public Optional<Attachment> find(UUID id) {
        return Optional.ofNullable(em.find(Attachment.class, id));
    }

    public List<Attachment> of(ProgramModule module) {
        return em.createQuery("select a from Attachment a where a.moduleId = :m order by a.createdAt", Attachment.class)
                .setParameter("m", module.id()).getResultList();
    }

    public Path file(Attachment attachment) {
        Path file = folder().resolve(attachment.id().toString());
        // Stored before attachments moved beside the recordings (a MEDIA_DIR of its own): still read there.
        Path earlier = data.folder("media/attachments").resolve(attachment.id().toString());
        return Files.isRegularFile(file) || !Files.isRegularFile(earlier) ? file : earlier;
    }

    /** The object an attachment is in the object store (media.store=s3). */
    public static String key(UUID attachment) {
        return "attachments/" + attachment;
    }

    /** An attachment's bytes: from disk (always, or not yet moved by media-migrate) or from the object store. */
    public InputStream open(Attachment attachment) throws IOException {
        Path local = file(attachment);
        if (!objects.enabled() || Files.isRegularFile(local)) return Files.newInputStream(local);
        return objects.open(key(attachment.id()));
    }

    /** A presigned URL for the browser when the attachment is in the object store; empty when served from disk. */
    public Optional<java.net.URI> direct(Attachment attachment, String disposition) {
        if (!objects.enabled() || Files.isRegularFile(file(attachment))) return Optional.empty();
        return Optional.of(objects.presigned(key(attachment.id()), attachment.contentType(), disposition));
    }

    @Transactional
    public Attachment store(ProgramModule module, String fileName, InputStream content, Author author) throws IOException {
        String name = Ids.fileName(fileName, "archivo");
        UUID id = UUID.randomUUID();
        Path folder = folder();
        Path temporary = Files.createTempFile(folder, "upload-", ".part");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[16];
            long size = 0;
            int headLength = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = content.read(buffer)) != -1; ) {
                    if (headLength < head.length) {
                        int copy = Math.min(read, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    size += read;
                    if (size > maxBytes) throw ClientError.badRequest("authoring.error.fileTooBig", maxBytes / (1024 * 1024));
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) throw ClientError.badRequest("authoring.error.fileEmpty");
            Kind kind = Kind.of(Arrays.copyOf(head, headLength)).orElseThrow(() -> ClientError.badRequest("authoring.error.fileType"));
            String digest = HexFormat.of().formatHex(sha256.digest());
            if (objects.enabled()) objects.put(key(id), temporary, kind.contentType, java.util.Map.of("sha256", digest));
            else Files.move(temporary, folder.resolve(id.toString()), StandardCopyOption.ATOMIC_MOVE);
            Attachment attachment = new Attachment(id, module.id(), name, kind.contentType, size, digest, author.subject());
            em.persist(attachment);
            return attachment;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Beside the recordings, in MEDIA_DIR, which the instances of a cluster on disk share. */
    private Path folder() {
        if (mediaDir.isEmpty() || mediaDir.get().isBlank()) return data.folder("media/attachments");
        try {
            return Files.createDirectories(Path.of(mediaDir.get()).resolve("attachments").toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "media.dir")
    Optional<String> mediaDir;

}
