package org.innovadores.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A deployment of the tool in a platform, keyed by (issuer, client_id, deployment_id). It is the
 * tenant: everything the tool stores hangs from one deployment and is never shown to another.
 */
@Entity
@Table(name = "lti_deployment")
public class Deployment {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "platform_id")
    private Platform platform;
    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Deployment() {
    }

    public Deployment(Platform platform, String deploymentId) {
        this.id = UUID.randomUUID();
        this.platform = platform;
        this.deploymentId = deploymentId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() { return id; }
    public Platform platform() { return platform; }
    public String deploymentId() { return deploymentId; }
}
