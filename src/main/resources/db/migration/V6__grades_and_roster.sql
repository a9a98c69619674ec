-- LTI Advantage: the gradebook columns (line items) the tool knows for a course's items, the scores
-- waiting to reach the LMS (a durable outbox, written with the event that caused each score), and
-- the roster the LMS gave through Names and Role Provisioning Services.

CREATE TABLE line_item (
    id            UUID PRIMARY KEY,
    program_id    UUID NOT NULL REFERENCES program (id),
    item_key      VARCHAR(300) NOT NULL,
    url           VARCHAR(2000) NOT NULL,
    label         VARCHAR(300),
    score_maximum DOUBLE PRECISION NOT NULL,
    release_mode  VARCHAR(10) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT line_item_item UNIQUE (program_id, item_key)
);

CREATE TABLE score_outbox (
    id              UUID PRIMARY KEY,
    program_id      UUID NOT NULL REFERENCES program (id),
    platform_id     UUID NOT NULL REFERENCES lti_platform (id),
    item_key        VARCHAR(300) NOT NULL,
    line_item_url   VARCHAR(2000) NOT NULL,
    user_id         VARCHAR(255) NOT NULL,
    score_timestamp VARCHAR(40) NOT NULL,
    payload         VARCHAR(4000) NOT NULL,
    status          VARCHAR(10) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT score_once UNIQUE (line_item_url, user_id, score_timestamp)
);
CREATE INDEX score_outbox_due ON score_outbox (status, next_attempt_at);

CREATE TABLE roster_member (
    program_id   UUID NOT NULL REFERENCES program (id),
    user_id      VARCHAR(255) NOT NULL,
    name         VARCHAR(255),
    email        VARCHAR(320),
    role         VARCHAR(20) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (program_id, user_id)
);

-- Where a course's LMS services are, as its launches said: the platform, the line items container
-- and the memberships URL.
CREATE TABLE course_service (
    program_id      UUID PRIMARY KEY REFERENCES program (id),
    platform_id     UUID NOT NULL REFERENCES lti_platform (id),
    lineitems_url   VARCHAR(2000),
    memberships_url VARCHAR(2000),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
