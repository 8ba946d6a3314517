-- People and API keys managed through the API and the command line (issue #18).

-- A user can be disabled (refused at once, on every call) and is never deleted, so the audit
-- log's actors always name someone who existed. version is bumped by every change, which is
-- written under a row lock.
ALTER TABLE users ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE users ADD COLUMN created_by VARCHAR(200) DEFAULT 'system' NOT NULL;
ALTER TABLE users ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_version_positive CHECK (version >= 1);

-- A key may expire; its last use is written at most once a minute (ApiKeys.flushLastUsed), so
-- screening never waits on it. Revocation records who revoked it.
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_keys ADD COLUMN created_by VARCHAR(200) DEFAULT 'system' NOT NULL;
ALTER TABLE api_keys ADD COLUMN revoked_by VARCHAR(200);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_revoker_revoked
  CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL);
-- Every instance polls the newest revocation each second to drop revoked keys from its cache.
CREATE INDEX api_keys_revoked_at ON api_keys (revoked_at) WHERE revoked_at IS NOT NULL;
