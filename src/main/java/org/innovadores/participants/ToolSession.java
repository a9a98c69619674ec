package org.innovadores.participants;

import java.time.Instant;
import java.util.UUID;

/**
 * A person signed in by a launch: who, in which course of which deployment (the tenant), with
 * which role, in which language; {@code launchClaims} keeps the validated claims for the services
 * that answer the platform later.
 */
public record ToolSession(String id, UUID deployment, String subject, String displayName, Role role, String contextId,
                          String contextTitle, String resourceLink, String locale, String messageType,
                          String launchClaims, Instant expiresAt) {
}
