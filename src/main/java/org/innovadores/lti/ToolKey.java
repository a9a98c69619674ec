package org.innovadores.lti;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One of the tool's RSA keys as stored: the private JWK, its status and when it stops being published. */
@Entity
@Table(name = "tool_key")
class ToolKey {

    @Id
    private String kid;
    @Column(nullable = false)
    private String status;
    @Column(name = "private_jwk", nullable = false)
    private String privateJwk;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "retire_after")
    private OffsetDateTime retireAfter;
    @Transient
    private RSAKey parsed;

    protected ToolKey() {
    }

    ToolKey(RSAKey key, String status) {
        this.kid = key.getKeyID();
        this.status = status;
        this.privateJwk = key.toJSONString();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    String kid() { return kid; }
    ToolKeys.Status status() { return ToolKeys.Status.valueOf(status); }
    Instant createdAt() { return createdAt == null ? null : createdAt.toInstant(); }
    Instant retireAfter() { return retireAfter == null ? null : retireAfter.toInstant(); }

    RSAKey jwk() {
        if (parsed == null) parsed = ToolKeys.parse(privateJwk);
        return parsed;
    }

    void retire(Instant after) {
        status = ToolKeys.Status.RETIRED.name();
        retireAfter = OffsetDateTime.ofInstant(after, ZoneOffset.UTC);
    }

    void promote() {
        status = ToolKeys.Status.CURRENT.name();
    }

    @Override
    public String toString() {
        // Never the private key.
        return "ToolKey[" + kid + " " + status + "]";
    }
}
