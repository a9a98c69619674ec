-- The module state last reported to the LMS for a person (IN_PROGRESS or COMPLETED): a change of
-- state is reported once.
ALTER TABLE module_progress ADD COLUMN reported_state VARCHAR(20);
