-- One queue for background work that may take long (renditions now): any instance claims a job with
-- a lease; a crashed instance's job is taken again when its lease expires; attempts are bounded and
-- spaced out; each job keeps its state and last error for the people who need to see them.
CREATE TABLE job (
    id           UUID PRIMARY KEY,
    kind         VARCHAR(40) NOT NULL,
    program_id   UUID REFERENCES program (id),
    subject_id   UUID NOT NULL,
    state        VARCHAR(10) NOT NULL,
    attempts     INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    run_after    TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner  VARCHAR(64),
    lease_until  TIMESTAMP WITH TIME ZONE,
    last_error   VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_ready ON job (kind, state, run_after);
CREATE INDEX job_subject ON job (subject_id);

-- The lighter versions made from an uploaded video: a poster, a low-bandwidth video and the audio
-- alone. A row exists only once its file is complete.
CREATE TABLE media_rendition (
    asset_id     UUID NOT NULL REFERENCES media_asset (id),
    kind         VARCHAR(10) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, kind)
);
