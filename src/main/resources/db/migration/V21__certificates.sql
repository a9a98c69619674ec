-- What a course asks for a certificate, set by its instructors, and the certificates issued. A
-- certificate keeps what it shows (name, program, course, dates, hours) as it was issued; anyone
-- with its code can check it, and a revoked one says so.
CREATE TABLE certificate_rule (
    program_id         UUID PRIMARY KEY REFERENCES program (id),
    modules_completed  INTEGER NOT NULL,
    exercises_accepted INTEGER NOT NULL,
    hours              INTEGER NOT NULL,
    updated_by         VARCHAR(255) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE certificate (
    code          VARCHAR(32) PRIMARY KEY,
    program_id    UUID NOT NULL REFERENCES program (id),
    subject       VARCHAR(255) NOT NULL,
    holder        VARCHAR(255) NOT NULL,
    program_title VARCHAR(500) NOT NULL,
    course_title  VARCHAR(500) NOT NULL,
    started_on    DATE NOT NULL,
    completed_on  DATE NOT NULL,
    hours         INTEGER NOT NULL,
    language      VARCHAR(8) NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoked_by    VARCHAR(255),
    revoked_why   VARCHAR(1000),
    CONSTRAINT certificate_once UNIQUE (program_id, subject)
);
