package org.innovadores.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A registration of the tool with an LMS: keyed by issuer and client_id, because one issuer may
 * hold many clients (hosted Canvas shares one issuer across customers).
 */
@Entity
@Table(name = "lti_platform")
public class Platform {

    public enum Source { FILE, DYNAMIC, DEMO }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String issuer;
    @Column(name = "client_id", nullable = false)
    private String clientId;
    @Column(nullable = false)
    private String name;
    @Column(name = "authorization_endpoint", nullable = false)
    private String authorizationEndpoint;
    @Column(name = "token_endpoint")
    private String tokenEndpoint;
    @Column(name = "jwks_uri", nullable = false)
    private String jwksUri;
    @Column(nullable = false)
    private String source;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "disabled_at")
    private OffsetDateTime disabledAt;
    @Column(name = "registered_by")
    private String registeredBy;

    protected Platform() {
    }

    public Platform(String issuer, String clientId, String name, String authorizationEndpoint,
                    String tokenEndpoint, String jwksUri, Source source) {
        this.id = UUID.randomUUID();
        this.issuer = issuer;
        this.clientId = clientId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        update(name, authorizationEndpoint, tokenEndpoint, jwksUri, source);
    }

    void update(String name, String authorizationEndpoint, String tokenEndpoint, String jwksUri, Source source) {
        this.name = name;
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.jwksUri = jwksUri;
        this.source = source.name();
    }

    public UUID id() { return id; }
    public String issuer() { return issuer; }
    public String clientId() { return clientId; }
    public String name() { return name; }
    public String authorizationEndpoint() { return authorizationEndpoint; }
    public String tokenEndpoint() { return tokenEndpoint; }
    public String jwksUri() { return jwksUri; }
    public Source source() { return Source.valueOf(source); }
    public Instant createdAt() { return createdAt == null ? null : createdAt.toInstant(); }
    /** When an administrator disabled it; null while its courses may launch. */
    public Instant disabledAt() { return disabledAt == null ? null : disabledAt.toInstant(); }
    /** Who handed out the registration link it registered with; null when registered otherwise. */
    public String registeredBy() { return registeredBy; }

    void registeredBy(String who) {
        this.registeredBy = who;
    }
}
