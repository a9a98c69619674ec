-- A platform an administrator disabled: its courses refuse launches until it is enabled again;
-- nothing of theirs is deleted. And who handed out the registration link it registered with, so the
-- administrator who gave the link can see and disable it.
ALTER TABLE lti_platform ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lti_platform ADD COLUMN registered_by VARCHAR(300);
