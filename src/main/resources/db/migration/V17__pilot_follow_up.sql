-- A selected pilot followed to its end: milestones, money spent against the budget, the plan's
-- indicators with their measured values, and the go / no-go decision.
CREATE TABLE pilot_milestone (
    id          UUID PRIMARY KEY,
    proposal_id UUID NOT NULL REFERENCES pilot_proposal (id),
    title       VARCHAR(300) NOT NULL,
    due_on      DATE NOT NULL,
    done_on     DATE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pilot_milestone_proposal ON pilot_milestone (proposal_id, due_on);

CREATE TABLE pilot_expense (
    id          UUID PRIMARY KEY,
    proposal_id UUID NOT NULL REFERENCES pilot_proposal (id),
    spent_on    DATE NOT NULL,
    amount      NUMERIC(14, 2) NOT NULL,
    note        VARCHAR(300) NOT NULL,
    recorded_by VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pilot_expense_proposal ON pilot_expense (proposal_id, spent_on);

CREATE TABLE pilot_indicator (
    id          UUID PRIMARY KEY,
    proposal_id UUID NOT NULL REFERENCES pilot_proposal (id),
    name        VARCHAR(300) NOT NULL,
    baseline    NUMERIC(18, 4) NOT NULL,
    target      NUMERIC(18, 4) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE pilot_measure (
    id           UUID PRIMARY KEY,
    indicator_id UUID NOT NULL REFERENCES pilot_indicator (id),
    measured_on  DATE NOT NULL,
    measured     NUMERIC(18, 4) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pilot_measure_indicator ON pilot_measure (indicator_id, measured_on);

ALTER TABLE pilot_proposal ADD COLUMN go_decision VARCHAR(10);
ALTER TABLE pilot_proposal ADD COLUMN go_reason VARCHAR(5000);
ALTER TABLE pilot_proposal ADD COLUMN go_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pilot_proposal ADD COLUMN go_by VARCHAR(255);
