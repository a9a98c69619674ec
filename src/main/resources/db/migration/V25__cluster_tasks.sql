-- Periodic work that must run once per cluster, not once per instance (the roster refresh, the
-- nightly erasure, cleaners): the instance that takes a task's turn holds it until the period ends.
CREATE TABLE cluster_task (
    name        VARCHAR(64) PRIMARY KEY,
    owner       VARCHAR(64) NOT NULL,
    held_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
