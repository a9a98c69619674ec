-- The LMS's name for the course, as its instructors last launched with it: the next cohort picks
-- the course it starts from by this name, not by the LMS's internal id.
ALTER TABLE program ADD COLUMN course_title VARCHAR(500);
