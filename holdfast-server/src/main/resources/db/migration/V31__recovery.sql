-- Rapid recovery: victim reports and their verdicts, cases, freezes, frozen funds, claims and
-- refunds. Portable between PostgreSQL and H2 (PostgreSQL mode).

-- One case per suspected scammer (the subject): it gathers the reports, freezes, claims,
-- refunds and notes of one scam.
CREATE TABLE cases (
  case_id           VARCHAR(64) PRIMARY KEY,
  subject_key       VARCHAR(260) NOT NULL UNIQUE,
  state             VARCHAR(16) NOT NULL CHECK (state IN ('OPEN', 'CONFIRMED', 'REJECTED')),
  scam_type         VARCHAR(16),
  assigned_to       VARCHAR(200),
  decided_by        VARCHAR(200),
  decided_at        TIMESTAMP WITH TIME ZONE,
  restitution_round INTEGER NOT NULL CHECK (restitution_round >= 0),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  version           INTEGER NOT NULL,
  CHECK ((state = 'OPEN') = (decided_at IS NULL))
);

CREATE TABLE reports (
  report_id        VARCHAR(64) PRIMARY KEY,
  reporter_account VARCHAR(128) NOT NULL,
  subject_key      VARCHAR(260) NOT NULL,
  case_id          VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  scam_type        VARCHAR(16),
  narrative        TEXT NOT NULL,
  messages         TEXT NOT NULL,
  contact_channel  VARCHAR(32),
  reporter_paid    BOOLEAN NOT NULL,
  loss_usd_minor   BIGINT NOT NULL CHECK (loss_usd_minor >= 0),
  verdict          VARCHAR(16) NOT NULL CHECK (verdict IN ('SCAM', 'NOT_SCAM', 'NEEDS_REVIEW')),
  probability      DOUBLE PRECISION NOT NULL CHECK (probability >= 0 AND probability <= 1),
  reasons          TEXT NOT NULL,
  model_version    VARCHAR(80) NOT NULL,
  evidence         TEXT NOT NULL,
  freeze_decision  VARCHAR(2000) NOT NULL,
  label            VARCHAR(16) CHECK (label IN ('CONFIRMED', 'REJECTED')),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  verdict_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reports_by_reporter ON reports (reporter_account, created_at);
CREATE INDEX reports_by_subject ON reports (subject_key, created_at);
CREATE INDEX reports_by_case ON reports (case_id);

-- What a report names or mentions: transfers, the recipient, the recipient's other inbound
-- transfers and holds, other reports against it, addresses and accounts found in the text.
CREATE TABLE report_links (
  report_id VARCHAR(64) NOT NULL REFERENCES reports (report_id),
  link_type VARCHAR(24) NOT NULL,
  link_key  VARCHAR(260) NOT NULL,
  PRIMARY KEY (report_id, link_type, link_key)
);
CREATE INDEX report_links_by_key ON report_links (link_type, link_key);

-- active_subject is the subject while the freeze is active and NULL once it ended, so the
-- UNIQUE constraint allows one active freeze per subject on both databases (H2 has no
-- partial indexes). expires_at is kept only while active, so the due index holds live rows.
CREATE TABLE freezes (
  freeze_id       VARCHAR(64) PRIMARY KEY,
  case_id         VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  subject_key     VARCHAR(260) NOT NULL,
  account_id      VARCHAR(128),
  active_subject  VARCHAR(260) UNIQUE,
  basis           VARCHAR(16) NOT NULL CHECK (basis IN ('VERDICT', 'ANALYST', 'LAW_ENFORCEMENT')),
  reason          VARCHAR(2000) NOT NULL,
  kind            VARCHAR(16) NOT NULL CHECK (kind IN ('PRECAUTIONARY', 'CONFIRMED')),
  state           VARCHAR(16) NOT NULL CHECK (state IN ('ACTIVE', 'LIFTED', 'EXPIRED')),
  expires_at      TIMESTAMP WITH TIME ZONE,
  appeal_by       VARCHAR(200),
  appeal_at       TIMESTAMP WITH TIME ZONE,
  appeal_grounds  VARCHAR(2000),
  unfreeze_by     VARCHAR(200),
  unfreeze_at     TIMESTAMP WITH TIME ZONE,
  unfreeze_note   VARCHAR(1000),
  ended_at        TIMESTAMP WITH TIME ZONE,
  ended_by        VARCHAR(200),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      VARCHAR(200) NOT NULL,
  version         INTEGER NOT NULL,
  CHECK ((state = 'ACTIVE') = (active_subject IS NOT NULL)),
  CHECK ((state = 'ACTIVE') = (ended_at IS NULL)),
  CHECK (expires_at IS NULL OR state = 'ACTIVE')
);
CREATE INDEX freezes_due ON freezes (expires_at);
CREATE INDEX freezes_by_case ON freezes (case_id);
CREATE INDEX freezes_by_subject ON freezes (subject_key);

-- What the platform reports it froze on an account, per currency (the latest total).
CREATE TABLE frozen_funds (
  freeze_id    VARCHAR(64) NOT NULL REFERENCES freezes (freeze_id),
  currency     VARCHAR(10) NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  reported_by  VARCHAR(200) NOT NULL,
  PRIMARY KEY (freeze_id, currency)
);

-- A victim's claim on a case's recovery pool, one per victim and currency. paid_minor never
-- exceeds loss_minor: the database refuses a second payment of the same loss.
CREATE TABLE claims (
  claim_id           VARCHAR(64) PRIMARY KEY,
  case_id            VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  report_id          VARCHAR(64) REFERENCES reports (report_id),
  victim_account     VARCHAR(128) NOT NULL,
  currency           VARCHAR(10) NOT NULL,
  loss_minor         BIGINT NOT NULL CHECK (loss_minor > 0),
  paid_minor         BIGINT NOT NULL CHECK (paid_minor >= 0),
  state              VARCHAR(16) NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'REJECTED')),
  victim_vulnerable  BOOLEAN NOT NULL,
  reimbursable_minor BIGINT NOT NULL CHECK (reimbursable_minor >= 0),
  decide_by          TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at         TIMESTAMP WITH TIME ZONE,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  version            INTEGER NOT NULL,
  UNIQUE (case_id, victim_account, currency),
  CHECK (paid_minor <= loss_minor)
);
CREATE INDEX claims_by_case ON claims (case_id, state);
CREATE INDEX claims_by_victim ON claims (victim_account);

-- Money paid back to a victim from one frozen account in one restitution round.
CREATE TABLE refunds (
  refund_id    VARCHAR(100) PRIMARY KEY,
  case_id      VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  claim_id     VARCHAR(64) NOT NULL REFERENCES claims (claim_id),
  freeze_id    VARCHAR(64) NOT NULL REFERENCES freezes (freeze_id),
  round        INTEGER NOT NULL CHECK (round >= 1),
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  currency     VARCHAR(10) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by   VARCHAR(200) NOT NULL,
  UNIQUE (claim_id, freeze_id, round)
);
CREATE INDEX refunds_by_case ON refunds (case_id);

CREATE TABLE case_notes (
  note_id    BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_id    VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  author     VARCHAR(200) NOT NULL,
  body       VARCHAR(4000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_notes_by_case ON case_notes (case_id);
