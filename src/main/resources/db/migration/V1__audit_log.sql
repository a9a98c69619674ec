-- Who did what, when: the admin's audit trail. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE audit_event (
    id          UUID PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    action      VARCHAR(100) NOT NULL,
    detail      VARCHAR(2000)
);
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
