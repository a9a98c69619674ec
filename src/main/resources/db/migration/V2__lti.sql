-- LTI 1.3: platforms (registrations keyed by issuer and client_id), their deployments (each one a
-- tenant), login states with their nonces, the tool's own keys and secrets, and registration links.

CREATE TABLE lti_platform (
    id                     UUID PRIMARY KEY,
    issuer                 VARCHAR(500) NOT NULL,
    client_id              VARCHAR(255) NOT NULL,
    name                   VARCHAR(255) NOT NULL,
    authorization_endpoint VARCHAR(1000) NOT NULL,
    token_endpoint         VARCHAR(1000),
    jwks_uri               VARCHAR(1000) NOT NULL,
    source                 VARCHAR(20) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT lti_platform_issuer_client UNIQUE (issuer, client_id)
);

CREATE TABLE lti_deployment (
    id            UUID PRIMARY KEY,
    platform_id   UUID NOT NULL REFERENCES lti_platform (id),
    deployment_id VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT lti_deployment_platform_deployment UNIQUE (platform_id, deployment_id)
);

-- One row per OIDC login initiation. Consumed once, by an UPDATE that only one instance can win.
CREATE TABLE lti_login_state (
    state           VARCHAR(64) PRIMARY KEY,
    nonce           VARCHAR(64) NOT NULL,
    platform_id     UUID NOT NULL REFERENCES lti_platform (id),
    browser_secret  VARCHAR(64) NOT NULL,
    storage_target  VARCHAR(100),
    login_hint      VARCHAR(1000) NOT NULL,
    message_hint    VARCHAR(2000),
    target_link_uri VARCHAR(2000) NOT NULL,
    deployment_id   VARCHAR(255),
    storage_check   VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX lti_login_state_expires ON lti_login_state (expires_at);
CREATE UNIQUE INDEX lti_login_state_nonce ON lti_login_state (nonce);

-- The tool's RSA signing keys: NEXT (published, not yet signing), CURRENT (signing), RETIRED
-- (still published until retire_after, then removed).
CREATE TABLE tool_key (
    kid          VARCHAR(64) PRIMARY KEY,
    status       VARCHAR(10) NOT NULL,
    private_jwk  VARCHAR(8000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retire_after TIMESTAMP WITH TIME ZONE
);

-- Secrets the tool generates at first start and shares across instances (session token MAC key).
CREATE TABLE tool_secret (
    name       VARCHAR(50) PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time links that let an LMS admin register the tool by dynamic registration.
CREATE TABLE registration_ticket (
    id         VARCHAR(64) PRIMARY KEY,
    created_by VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    used_by    VARCHAR(500)
);

-- A person's session in the tool after a launch: who, in which course of which deployment, as what.
CREATE TABLE tool_session (
    id              VARCHAR(64) PRIMARY KEY,
    deployment_id   UUID NOT NULL REFERENCES lti_deployment (id),
    subject         VARCHAR(255) NOT NULL,
    display_name    VARCHAR(255),
    role            VARCHAR(20) NOT NULL,
    context_id      VARCHAR(255),
    context_title   VARCHAR(500),
    resource_link   VARCHAR(255),
    locale          VARCHAR(20),
    message_type    VARCHAR(50) NOT NULL,
    launch_claims   VARCHAR(60000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tool_session_expires ON tool_session (expires_at);
