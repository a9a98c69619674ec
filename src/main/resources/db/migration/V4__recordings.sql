-- Workshop recordings and everything around them: videos, audio, slides, captions and chapters,
-- uploaded (bytes under the media folder) or linked (a URL), attached to a module of a course's
-- program and optionally to one of its workshops.

CREATE TABLE media_asset (
    id            UUID PRIMARY KEY,
    program_id    UUID NOT NULL REFERENCES program (id),
    module_key    VARCHAR(100) NOT NULL,
    workshop_key  VARCHAR(100),
    kind          VARCHAR(10) NOT NULL,
    title         VARCHAR(300) NOT NULL,
    language      VARCHAR(10),
    link_url      VARCHAR(2000),
    file_name     VARCHAR(255),
    content_type  VARCHAR(100),
    size_bytes    BIGINT,
    sha256        VARCHAR(64),
    duration_s    DOUBLE PRECISION,
    chapters      VARCHAR(20000),
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX media_asset_module ON media_asset (program_id, module_key);

-- An upload in progress: the bytes received so far sit in a temporary file; only a complete,
-- checked file becomes a media_asset.
CREATE TABLE media_upload (
    id            UUID PRIMARY KEY,
    program_id    UUID NOT NULL REFERENCES program (id),
    module_key    VARCHAR(100) NOT NULL,
    workshop_key  VARCHAR(100),
    kind          VARCHAR(10) NOT NULL,
    title         VARCHAR(300) NOT NULL,
    language      VARCHAR(10),
    file_name     VARCHAR(255) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    received      BIGINT NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where a participant stopped in a recording and how much of it they have watched (against the
-- duration their own player reported, so nobody's report changes anyone else's progress).
CREATE TABLE watch_progress (
    asset_id     UUID NOT NULL REFERENCES media_asset (id),
    subject      VARCHAR(255) NOT NULL,
    position_s   DOUBLE PRECISION NOT NULL,
    watched_s    DOUBLE PRECISION NOT NULL,
    duration_s   DOUBLE PRECISION NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, subject)
);
