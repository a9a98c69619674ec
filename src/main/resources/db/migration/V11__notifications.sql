-- Who needs to know hears of it: each notice kept for its person (read or not) and, where mail is
-- configured and the person allows it, an e-mail sent from here and retried until the server takes it.
CREATE TABLE notification (
    id                 UUID PRIMARY KEY,
    program_id         UUID NOT NULL REFERENCES program (id),
    subject            VARCHAR(255) NOT NULL,
    kind               VARCHAR(40) NOT NULL,
    actor              VARCHAR(255),
    about              VARCHAR(500) NOT NULL,
    detail             VARCHAR(5000),
    link               VARCHAR(500) NOT NULL,
    -- A notice that must exist once only (a workshop reminder, a week's digest): several instances
    -- may try to write it, the unique index keeps one.
    once_key           VARCHAR(300),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at            TIMESTAMP WITH TIME ZONE,
    mail_status        VARCHAR(10) NOT NULL,
    mail_attempts      INTEGER NOT NULL,
    mail_next_at       TIMESTAMP WITH TIME ZONE,
    mail_claimed_until TIMESTAMP WITH TIME ZONE,
    mail_sent_at       TIMESTAMP WITH TIME ZONE,
    mail_error         VARCHAR(500)
);
CREATE INDEX notification_inbox ON notification (program_id, subject, created_at);
CREATE INDEX notification_mail_due ON notification (mail_status, mail_next_at);
CREATE UNIQUE INDEX notification_once ON notification (program_id, subject, once_key);

-- A person's address, language and choices for one course; the calendar token is the secret of
-- their workshop feed (a calendar application cannot carry an LMS session).
CREATE TABLE notification_person (
    program_id     UUID NOT NULL REFERENCES program (id),
    subject        VARCHAR(255) NOT NULL,
    email          VARCHAR(320),
    locale         VARCHAR(20),
    email_off      BOOLEAN NOT NULL,
    calendar_token VARCHAR(64) NOT NULL,
    PRIMARY KEY (program_id, subject)
);
CREATE UNIQUE INDEX notification_person_calendar ON notification_person (calendar_token);

-- The course's time zone: workshop times, reminders and digests follow it.
ALTER TABLE program ADD COLUMN time_zone VARCHAR(64);

-- When a person's module last became complete, for the cohort's progress over the weeks.
ALTER TABLE module_progress ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
