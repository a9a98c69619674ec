-- A call for funded pilots: how many, the budget of each, until when teams may propose, the rubric
-- (criteria with weights, as JSON) and who evaluates; then the decision with its rationale.
CREATE TABLE pilot_call (
    id          UUID PRIMARY KEY,
    program_id  UUID NOT NULL REFERENCES program (id),
    title       VARCHAR(300) NOT NULL,
    pilots      INTEGER NOT NULL,
    budget      NUMERIC(14, 2) NOT NULL,
    currency    VARCHAR(3) NOT NULL,
    deadline    TIMESTAMP WITH TIME ZONE NOT NULL,
    criteria    VARCHAR NOT NULL,
    created_by  VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE,
    decided_by  VARCHAR(255),
    rationale   VARCHAR(10000)
);
CREATE INDEX pilot_call_program ON pilot_call (program_id, created_at);

CREATE TABLE pilot_evaluator (
    call_id UUID NOT NULL REFERENCES pilot_call (id),
    subject VARCHAR(255) NOT NULL,
    PRIMARY KEY (call_id, subject)
);

-- One proposal per team and call, its sections as JSON; the decision marks it selected or not and
-- gives the team its feedback.
CREATE TABLE pilot_proposal (
    id           UUID PRIMARY KEY,
    call_id      UUID NOT NULL REFERENCES pilot_call (id),
    team_id      UUID NOT NULL REFERENCES team (id),
    sections     VARCHAR NOT NULL,
    submitted_by VARCHAR(255) NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    selected     BOOLEAN,
    feedback     VARCHAR(10000),
    CONSTRAINT pilot_proposal_once UNIQUE (call_id, team_id)
);

-- An evaluator's review of one proposal, final once written: a score and its justification per
-- criterion (JSON), or the conflict of interest they declared instead.
CREATE TABLE pilot_review (
    proposal_id  UUID NOT NULL REFERENCES pilot_proposal (id),
    evaluator    VARCHAR(255) NOT NULL,
    scores       VARCHAR,
    conflict     VARCHAR(2000),
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (proposal_id, evaluator)
);
