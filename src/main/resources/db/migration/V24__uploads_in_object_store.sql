-- With media in an object store, an upload in progress is a multipart upload there, taken part by
-- part by whichever instance receives it: its id and the running SHA-256 of the parts so far
-- (a digest's saved state, base64) are kept with the upload rather than in one instance's memory.
ALTER TABLE media_upload ADD COLUMN store_upload VARCHAR(1024);
ALTER TABLE media_upload ADD COLUMN digest_state VARCHAR(1000);
