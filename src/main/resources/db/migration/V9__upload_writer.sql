-- The request that is writing an upload's bytes, and until when its claim holds: two requests at
-- the same offset cannot both write.
ALTER TABLE media_upload ADD COLUMN writer VARCHAR(64);
ALTER TABLE media_upload ADD COLUMN writer_until TIMESTAMP WITH TIME ZONE;
