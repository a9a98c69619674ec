package org.innovadores.lti;

import java.time.Instant;
import java.util.UUID;

/**
 * One OIDC login initiation (Security Framework §5.1.1): the state and nonce the tool sent to the
 * platform, the secret that binds them to the browser that started the login, and what the login
 * asked for.
 */
record LoginState(String state, String nonce, UUID platformId, String browserSecret, String storageTarget,
                  String loginHint, String messageHint, String targetLinkUri, String deploymentId, String storageCheck,
                  Instant expiresAt, Instant usedAt) {
}
