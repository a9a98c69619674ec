-- The network of public innovators, across the courses (cohorts) of one LMS deployment: a person's
-- entry exists only if they chose to join, and each of its fields shows only if they said so.
CREATE TABLE network_profile (
    deployment_id    UUID NOT NULL REFERENCES lti_deployment (id),
    subject          VARCHAR(255) NOT NULL,
    name             VARCHAR(200) NOT NULL,
    institution      VARCHAR(300) NOT NULL,
    challenge        VARCHAR(1000) NOT NULL,
    skills           VARCHAR(1000) NOT NULL,
    contact          VARCHAR(300) NOT NULL,
    show_institution BOOLEAN NOT NULL,
    show_challenge   BOOLEAN NOT NULL,
    show_skills      BOOLEAN NOT NULL,
    show_contact     BOOLEAN NOT NULL,
    cohort           VARCHAR(500),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (deployment_id, subject)
);
