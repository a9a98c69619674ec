-- Teams of a course, who is in them and who mentors them; the exercise templates as versioned data;
-- each team's exercises with every save kept, conflicts kept visible, comments and mentoring logs.

-- Everyone who has launched into a course, so instructors can form teams from them.
CREATE TABLE course_member (
    program_id   UUID NOT NULL REFERENCES program (id),
    subject      VARCHAR(255) NOT NULL,
    display_name VARCHAR(255),
    role         VARCHAR(20) NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (program_id, subject)
);

CREATE TABLE team (
    id           UUID PRIMARY KEY,
    program_id   UUID NOT NULL REFERENCES program (id),
    name         VARCHAR(200) NOT NULL,
    institutions VARCHAR(1000) NOT NULL,
    challenge    VARCHAR(5000) NOT NULL,
    sponsor_name VARCHAR(200) NOT NULL,
    sponsor_role VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX team_program ON team (program_id);

-- At most one team per person and course: the primary key says so.
CREATE TABLE team_member (
    program_id UUID NOT NULL REFERENCES program (id),
    subject    VARCHAR(255) NOT NULL,
    team_id    UUID NOT NULL REFERENCES team (id),
    joined_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (program_id, subject)
);
CREATE INDEX team_member_team ON team_member (team_id);

CREATE TABLE team_mentor (
    team_id UUID NOT NULL REFERENCES team (id),
    subject VARCHAR(255) NOT NULL,
    PRIMARY KEY (team_id, subject)
);

-- Self-enrolment as the instructor opened it.
CREATE TABLE team_enrolment (
    program_id UUID PRIMARY KEY REFERENCES program (id),
    min_size   INTEGER NOT NULL,
    max_size   INTEGER NOT NULL,
    deadline   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Exercise templates as data: the ones the tool ships (no program) and a course's own changes; a new
-- version on every change, and work keeps the version it started on.
CREATE TABLE template_version (
    id           UUID PRIMARY KEY,
    program_id   UUID REFERENCES program (id),
    template_key VARCHAR(100) NOT NULL,
    version      INTEGER NOT NULL,
    definition   VARCHAR NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX template_version_key ON template_version (template_key, program_id, version);

CREATE TABLE exercise (
    id               UUID PRIMARY KEY,
    team_id          UUID NOT NULL REFERENCES team (id),
    module_key       VARCHAR(100) NOT NULL,
    template_key     VARCHAR(100) NOT NULL,
    template_id      UUID NOT NULL REFERENCES template_version (id),
    title            VARCHAR(300) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    field_values     VARCHAR NOT NULL,
    version          INTEGER NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exercise_team ON exercise (team_id);

-- Every save: the values after it, who saved, which fields changed.
CREATE TABLE exercise_revision (
    exercise_id  UUID NOT NULL REFERENCES exercise (id),
    version      INTEGER NOT NULL,
    field_values VARCHAR NOT NULL,
    status       VARCHAR(20) NOT NULL,
    changed      VARCHAR(2000) NOT NULL,
    author       VARCHAR(255) NOT NULL,
    author_name  VARCHAR(255),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (exercise_id, version)
);

-- A field two members changed at once: the text that was not applied waits here, visible, until
-- someone resolves it.
CREATE TABLE exercise_conflict (
    id          UUID PRIMARY KEY,
    exercise_id UUID NOT NULL REFERENCES exercise (id),
    field_key   VARCHAR(100) NOT NULL,
    proposed    VARCHAR NOT NULL,
    author      VARCHAR(255) NOT NULL,
    author_name VARCHAR(255),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    resolved_by VARCHAR(255)
);
CREATE INDEX exercise_conflict_exercise ON exercise_conflict (exercise_id);

CREATE TABLE exercise_comment (
    id          UUID PRIMARY KEY,
    exercise_id UUID NOT NULL REFERENCES exercise (id),
    field_key   VARCHAR(100),
    parent_id   UUID REFERENCES exercise_comment (id),
    body        VARCHAR(10000) NOT NULL,
    author      VARCHAR(255) NOT NULL,
    author_name VARCHAR(255),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX exercise_comment_exercise ON exercise_comment (exercise_id);

CREATE TABLE mentoring_log (
    id         UUID PRIMARY KEY,
    team_id    UUID NOT NULL REFERENCES team (id),
    met_on     DATE NOT NULL,
    attended   VARCHAR(1000) NOT NULL,
    notes      VARCHAR(10000) NOT NULL,
    agreements VARCHAR(5000) NOT NULL,
    next_steps VARCHAR(5000) NOT NULL,
    author     VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mentoring_log_team ON mentoring_log (team_id);
