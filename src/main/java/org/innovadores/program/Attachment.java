package org.innovadores.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.innovadores.runtime.Now;

/** A file attached to a module's content (an image, a PDF, a document), stored under the media folder. */
@Entity
@Table(name = "program_attachment")
public class Attachment {

    @Id
    private UUID id;
    @Column(name = "module_id", nullable = false)
    private UUID moduleId;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Attachment() {
    }

    Attachment(UUID id, UUID moduleId, String fileName, String contentType, long size, String sha256, String createdBy) {
        this.id = id;
        this.moduleId = moduleId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdAt = Now.utc();
    }

    public UUID id() { return id; }
    public UUID moduleId() { return moduleId; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long size() { return size; }
    public String sha256() { return sha256; }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    /** Images and PDFs open in the page; anything else downloads. */
    public boolean inline() {
        return isImage() || "application/pdf".equals(contentType);
    }

    /** The Markdown an author pastes to show or link it. */
    public String markdown() {
        String label = fileName.replaceAll("[\\[\\]()]", "");
        return (isImage() ? "![" + label + "]" : "[" + label + "]") + "(" + Markdown.ATTACHMENTS + id + ")";
    }
}
