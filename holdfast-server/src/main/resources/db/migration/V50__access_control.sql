-- Access control and secrets (issue #17).

-- An Idempotency-Key belongs to the caller, the account a platform acts for (the
-- Holdfast-Account header, '' when none) and the route (method and pattern): the same key sent
-- for another account or to another route is a request of its own, never a replay of someone
-- else's answer. Keys stored before this migration were scoped by caller alone and cannot be
-- placed in a scope after the fact, so they are not carried over: a retry sent across the
-- upgrade runs again, and a command that already took effect answers its usual conflict.
DROP TABLE idempotency_keys;
CREATE TABLE idempotency_keys (
  principal       VARCHAR(200) NOT NULL,
  account         VARCHAR(200) NOT NULL,
  route           VARCHAR(200) NOT NULL,
  idempotency_key VARCHAR(200) NOT NULL,
  request_hash    VARCHAR(80)  NOT NULL,
  response_status INTEGER NOT NULL,
  response_body   TEXT NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (principal, account, route, idempotency_key)
);

-- Confirming a case takes two people: the first person's request waits here until a second
-- person approves it (then the case is CONFIRMED, decided_by the approver) or anyone rejects
-- the case. A person never approves their own request.
ALTER TABLE cases ADD COLUMN confirm_requested_by VARCHAR(200);
ALTER TABLE cases ADD COLUMN confirm_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cases ADD COLUMN confirm_request_note VARCHAR(4000);
ALTER TABLE cases ADD CONSTRAINT cases_confirm_request_whole
  CHECK ((confirm_requested_by IS NULL) = (confirm_requested_at IS NULL));

-- API keys are hashed with HMAC-SHA256 under a server secret kept outside the database (the
-- pepper: HOLDFAST_KEY_PEPPER or the data directory's key-pepper file). Rows written before it
-- are unsalted SHA-256 ('sha256'); they still verify and are rewritten as HMAC on first use.
ALTER TABLE api_keys ADD COLUMN hash_scheme VARCHAR(16) DEFAULT 'sha256' NOT NULL;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_hash_scheme
  CHECK (hash_scheme IN ('sha256', 'hmac-sha256'));

-- Fingerprints (an HMAC of a fixed text) of the server secrets the store depends on, so a
-- server started with another pepper refuses to start instead of refusing every key. A
-- fingerprint says nothing about the secret.
CREATE TABLE secret_fingerprints (
  name        VARCHAR(64) PRIMARY KEY,
  fingerprint VARCHAR(64) NOT NULL
);
