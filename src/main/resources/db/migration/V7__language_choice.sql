-- The language a person chose in the tool, kept across launches: it wins over the LMS's
-- launch_presentation.locale until they choose again.
CREATE TABLE person_language (
    deployment_id UUID NOT NULL REFERENCES lti_deployment (id),
    subject       VARCHAR(255) NOT NULL,
    locale        VARCHAR(20) NOT NULL,
    chosen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (deployment_id, subject)
);
