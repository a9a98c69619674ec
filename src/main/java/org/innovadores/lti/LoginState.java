package org.innovadores.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One OIDC login initiation (Security Framework §5.1.1): the state and nonce the tool sent to the
 * platform, the secret that binds them to the browser that started the login, and what the login
 * asked for.
 */
@Entity
@Table(name = "lti_login_state")
class LoginState {

    @Id
    private String state;
    @Column(nullable = false)
    private String nonce;
    @Column(name = "platform_id", nullable = false)
    private UUID platformId;
    @Column(name = "browser_secret", nullable = false)
    private String browserSecret;
    @Column(name = "storage_target")
    private String storageTarget;
    @Column(name = "login_hint", nullable = false)
    private String loginHint;
    @Column(name = "message_hint")
    private String messageHint;
    @Column(name = "target_link_uri", nullable = false)
    private String targetLinkUri;
    @Column(name = "deployment_id")
    private String deploymentId;
    @Column(name = "storage_check")
    private String storageCheck;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected LoginState() {
    }

    LoginState(String state, String nonce, UUID platformId, String browserSecret, String storageTarget,
               String loginHint, String messageHint, String targetLinkUri, String deploymentId, Instant expiresAt) {
        this.state = state;
        this.nonce = nonce;
        this.platformId = platformId;
        this.browserSecret = browserSecret;
        this.storageTarget = storageTarget;
        this.loginHint = loginHint;
        this.messageHint = messageHint;
        this.targetLinkUri = targetLinkUri;
        this.deploymentId = deploymentId;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    String state() { return state; }
    String nonce() { return nonce; }
    UUID platformId() { return platformId; }
    String browserSecret() { return browserSecret; }
    String storageTarget() { return storageTarget; }
    String loginHint() { return loginHint; }
    String messageHint() { return messageHint; }
    String targetLinkUri() { return targetLinkUri; }
    String deploymentId() { return deploymentId; }
    String storageCheck() { return storageCheck; }
    Instant expiresAt() { return expiresAt; }
    Instant usedAt() { return usedAt; }
}
