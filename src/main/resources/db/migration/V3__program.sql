-- The program: the default one every course starts from (no deployment, no context) and one copy
-- per LMS course (deployment + LTI context). A module's texts, sections, workshops and exercise list
-- are one JSON document, so a revision is a copy of it and a copy of a program copies documents.

CREATE TABLE program (
    id            UUID PRIMARY KEY,
    deployment_id UUID REFERENCES lti_deployment (id),
    context_id    VARCHAR(255),
    title_es      VARCHAR(500) NOT NULL,
    title_en      VARCHAR(500),
    source        VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    CONSTRAINT program_course UNIQUE (deployment_id, context_id)
);

CREATE TABLE program_module (
    id         UUID PRIMARY KEY,
    program_id UUID NOT NULL REFERENCES program (id),
    item_key   VARCHAR(100) NOT NULL,
    position   INTEGER NOT NULL,
    status     VARCHAR(10) NOT NULL,
    content    VARCHAR NOT NULL,
    revision   INTEGER NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    CONSTRAINT program_module_key UNIQUE (program_id, item_key)
);
CREATE INDEX program_module_program ON program_module (program_id, position);

-- Every save of a module: the whole document as it was after the save, who saved it and when.
CREATE TABLE module_revision (
    module_id   UUID NOT NULL REFERENCES program_module (id),
    revision    INTEGER NOT NULL,
    status      VARCHAR(10) NOT NULL,
    content     VARCHAR NOT NULL,
    author      VARCHAR(255) NOT NULL,
    author_name VARCHAR(255),
    note        VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (module_id, revision)
);

-- The exercise templates the program's modules ask teams to complete.
CREATE TABLE exercise_template (
    template_key VARCHAR(100) PRIMARY KEY,
    content      VARCHAR NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A participant's own progress in a module of their course.
CREATE TABLE module_progress (
    module_id       UUID NOT NULL REFERENCES program_module (id),
    subject         VARCHAR(255) NOT NULL,
    first_visit_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_visit_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    content_read_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (module_id, subject)
);

-- Images and files attached to a module's content; the bytes live under the media folder.
CREATE TABLE program_attachment (
    id           UUID PRIMARY KEY,
    module_id    UUID NOT NULL REFERENCES program_module (id),
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
