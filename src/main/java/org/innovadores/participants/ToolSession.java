package org.innovadores.participants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A person signed in by a launch: who, in which course of which deployment, with which role. */
@Entity
@Table(name = "tool_session")
public class ToolSession {

    @Id
    private String id;
    @Column(name = "deployment_id", nullable = false)
    private UUID deployment;
    @Column(nullable = false)
    private String subject;
    @Column(name = "display_name")
    private String displayName;
    @Column(nullable = false)
    private String role;
    @Column(name = "context_id")
    private String contextId;
    @Column(name = "context_title")
    private String contextTitle;
    @Column(name = "resource_link")
    private String resourceLink;
    private String locale;
    @Column(name = "message_type", nullable = false)
    private String messageType;
    @Column(name = "launch_claims", nullable = false)
    private String launchClaims;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected ToolSession() {
    }

    ToolSession(String id, UUID deployment, String subject, String displayName, Role role, String contextId,
                String contextTitle, String resourceLink, String locale, String messageType, String launchClaims,
                Instant expiresAt) {
        this.id = id;
        this.deployment = deployment;
        this.subject = subject;
        this.displayName = displayName;
        this.role = role.name();
        this.contextId = contextId;
        this.contextTitle = contextTitle;
        this.resourceLink = resourceLink;
        this.locale = locale;
        this.messageType = messageType;
        this.launchClaims = launchClaims;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.expiresAt = OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC);
    }

    public String id() { return id; }
    public UUID deployment() { return deployment; }
    public String subject() { return subject; }
    public String displayName() { return displayName; }
    public Role role() { return Role.valueOf(role); }
    public String contextId() { return contextId; }
    public String contextTitle() { return contextTitle; }
    public String resourceLink() { return resourceLink; }
    public String locale() { return locale; }
    public String messageType() { return messageType; }
    public String launchClaims() { return launchClaims; }
    public Instant expiresAt() { return expiresAt == null ? null : expiresAt.toInstant(); }

    void chooseLocale(String locale) {
        this.locale = locale;
    }
}
