package org.innovadores.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.innovadores.runtime.Now;

/** A module as it was after one save: the whole document, its status, who saved it and when. */
@Entity
@Table(name = "module_revision")
@IdClass(ModuleRevision.Key.class)
public class ModuleRevision {

    public record Key(UUID moduleId, int revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "module_id")
    private UUID moduleId;
    @Id
    private int revision;
    @Column(nullable = false)
    private String status;
    @Column(nullable = false)
    private String content;
    @Column(nullable = false)
    private String author;
    @Column(name = "author_name")
    private String authorName;
    private String note;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected ModuleRevision() {
    }

    ModuleRevision(ProgramModule module, String author, String authorName, String note) {
        this.moduleId = module.id();
        this.revision = module.revision();
        this.status = module.status().name();
        this.content = module.rawContent();
        this.author = author;
        this.authorName = authorName;
        this.note = note;
        this.createdAt = Now.utc();
    }

    public UUID moduleId() { return moduleId; }
    public int revision() { return revision; }
    public ProgramModule.Status status() { return ProgramModule.Status.valueOf(status); }
    public ModuleContent content() { return Documents.read(content, ModuleContent.class); }
    public String author() { return author; }
    public String authorName() { return authorName != null ? authorName : author; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt.toInstant(); }
}
