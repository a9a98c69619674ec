-- The gallery: a team's exercise, as it was when proposed, shown to the deployment's network once
-- every member of the team has consented; until then it is pending and seen by the team only.
CREATE TABLE network_publication (
    id            UUID PRIMARY KEY,
    deployment_id UUID NOT NULL REFERENCES lti_deployment (id),
    program_id    UUID NOT NULL REFERENCES program (id),
    team_id       UUID NOT NULL REFERENCES team (id),
    exercise_id   UUID NOT NULL,
    template_id   UUID NOT NULL,
    template_key  VARCHAR(100) NOT NULL,
    title         VARCHAR(300) NOT NULL,
    team_name     VARCHAR(300) NOT NULL,
    institution   VARCHAR(500) NOT NULL,
    challenge     VARCHAR(2000) NOT NULL,
    field_values  VARCHAR NOT NULL,
    proposed_by   VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT network_publication_once UNIQUE (team_id, exercise_id)
);
CREATE INDEX network_publication_deployment ON network_publication (deployment_id, published_at);

CREATE TABLE network_consent (
    publication_id UUID NOT NULL REFERENCES network_publication (id),
    subject        VARCHAR(255) NOT NULL,
    consented_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (publication_id, subject)
);
