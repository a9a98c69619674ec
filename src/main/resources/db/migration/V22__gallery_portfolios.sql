-- A team may publish its whole portfolio to the gallery, not only one exercise: a publication has a
-- kind; a portfolio's exercise_id is its team's id (one portfolio per team, by the same unique key)
-- and it has no single template.
ALTER TABLE network_publication ADD COLUMN kind VARCHAR(20) DEFAULT 'EXERCISE' NOT NULL;
ALTER TABLE network_publication ALTER COLUMN template_id DROP NOT NULL;
