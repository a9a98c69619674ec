package org.innovadores.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.innovadores.runtime.Now;

/**
 * A program: the default one (no deployment, no context), or the copy a course follows. One per
 * course, keyed by the deployment (tenant) and the LTI context id.
 */
@Entity
@Table(name = "program")
public class Program {

    /** The default program's fixed id, so instances starting together seed it only once. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Id
    private UUID id;
    @Column(name = "deployment_id")
    private UUID deploymentId;
    @Column(name = "context_id")
    private String contextId;
    @Column(name = "title_es", nullable = false)
    private String titleEs;
    @Column(name = "title_en")
    private String titleEn;
    @Column(nullable = false)
    private String source;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected Program() {
    }

    Program(UUID id, UUID deploymentId, String contextId, Localized title, String source, String createdBy) {
        this.id = id;
        this.deploymentId = deploymentId;
        this.contextId = contextId;
        this.titleEs = title.es();
        this.titleEn = title.en();
        this.source = source;
        this.createdBy = createdBy;
        this.createdAt = Now.utc();
    }

    public UUID id() { return id; }
    public UUID deploymentId() { return deploymentId; }
    public String contextId() { return contextId; }
    public Localized title() { return new Localized(titleEs, titleEn); }
    public String source() { return source; }
}
