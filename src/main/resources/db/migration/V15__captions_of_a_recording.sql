-- Captions and chapters accompany one recording of their workshop. Null: the workshop's first
-- uploaded recording (what they were uploaded for before this column existed).
ALTER TABLE media_asset ADD COLUMN recording_id UUID;
