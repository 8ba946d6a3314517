-- The 24-hour safety net: held transfers with their deadline in the row, and the outbox of
-- money instructions to the platform. Portable between PostgreSQL and H2 (PostgreSQL mode).

CREATE TABLE holds (
  hold_id        VARCHAR(64)  PRIMARY KEY,
  transfer_id    VARCHAR(128) NOT NULL UNIQUE REFERENCES transfers (transfer_id),
  sender_account VARCHAR(128) NOT NULL,
  recipient_key  VARCHAR(260) NOT NULL,
  amount_minor   BIGINT NOT NULL CHECK (amount_minor > 0),
  currency       VARCHAR(10) NOT NULL,
  tier           VARCHAR(16) NOT NULL,
  sender_vulnerable BOOLEAN NOT NULL,
  scam_type      VARCHAR(16) NOT NULL,
  reason_codes   VARCHAR(2000) NOT NULL,
  state          VARCHAR(24) NOT NULL
                 CHECK (state IN ('HELD', 'UNDER_INVESTIGATION', 'RELEASED', 'RETURNED')),
  release_at     TIMESTAMP WITH TIME ZONE,
  legal_deadline TIMESTAMP WITH TIME ZONE NOT NULL,
  ladder_step    INTEGER NOT NULL,
  ladder_next_at TIMESTAMP WITH TIME ZONE,
  finding        VARCHAR(1000),
  resolution     VARCHAR(32),
  resolved_at    TIMESTAMP WITH TIME ZONE,
  resolved_by    VARCHAR(200),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        INTEGER NOT NULL,
  -- An active hold has a deadline and no resolution; a terminal hold the reverse.
  CHECK ((state IN ('HELD', 'UNDER_INVESTIGATION')) = (release_at IS NOT NULL)),
  CHECK ((state IN ('RELEASED', 'RETURNED')) = (resolution IS NOT NULL)),
  CHECK (release_at IS NULL OR release_at <= legal_deadline)
);
-- Terminal holds have no release_at (a CHECK above), so this index holds only active ones
-- where it matters, and a due scan in deadline order stops after its batch.
CREATE INDEX holds_due ON holds (release_at);
CREATE INDEX holds_ladder_due ON holds (ladder_next_at);
CREATE INDEX holds_by_sender ON holds (sender_account, created_at);
CREATE INDEX holds_by_recipient ON holds (recipient_key, state);

-- Money instructions to the platform, written in the transaction of the change that causes
-- them. seq is assigned after commit by a single sequencer, so a consumer reading seq > cursor
-- never skips a row that commits late.
CREATE TABLE instructions (
  instruction_id  VARCHAR(100) PRIMARY KEY,
  seq             BIGINT UNIQUE,
  kind            VARCHAR(16) NOT NULL CHECK (kind IN ('HOLD_FUNDS', 'RELEASE', 'RETURN', 'FREEZE')),
  hold_id         VARCHAR(64),
  transfer_id     VARCHAR(128),
  account_id      VARCHAR(128) NOT NULL,
  amount_minor    BIGINT NOT NULL CHECK (amount_minor > 0),
  currency        VARCHAR(10) NOT NULL,
  payload         TEXT NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  acked_at        TIMESTAMP WITH TIME ZONE,
  acked_by        VARCHAR(200)
);
CREATE INDEX instructions_unsequenced ON instructions (seq, created_at);

-- One row: the last number given to an instruction; locked while numbering.
CREATE TABLE instruction_sequencer (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL
);
INSERT INTO instruction_sequencer (id, last_seq) VALUES (1, 0);
