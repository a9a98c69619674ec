package org.innovadores.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.innovadores.runtime.Now;

/** One thing that happened and who did it: registrations, key rotations, refusals worth keeping. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(String actor, String action, String detail) {
        this.id = UUID.randomUUID();
        this.occurredAt = Now.utc();
        this.actor = actor;
        this.action = action;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public UUID id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt == null ? null : occurredAt.toInstant();
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String detail() {
        return detail;
    }
}
