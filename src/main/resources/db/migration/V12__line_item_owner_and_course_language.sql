-- Only the gradebook columns the tool created itself are the tool's to name: a column the platform
-- created from deep linking, or that the teacher named, keeps its label. Rows from before this
-- column cannot tell, and are left alone.
ALTER TABLE line_item ADD COLUMN created_by_tool BOOLEAN DEFAULT FALSE NOT NULL;

-- The language the course's own names (its gradebook columns) are written in: the first
-- instructor's, changeable on the cohort page.
ALTER TABLE program ADD COLUMN language VARCHAR(8);
