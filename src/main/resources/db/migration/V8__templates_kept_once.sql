-- Exercise templates are kept once, as versions (template_version): the program's pages read their
-- names from there, so a course's own change of a template shows everywhere in that course.
DROP TABLE exercise_template;
