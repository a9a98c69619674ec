-- A registration link its administrator withdrew before anyone used it.
ALTER TABLE registration_ticket ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
