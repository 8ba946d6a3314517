-- Prevention, part three: targeted warning campaigns. Analysts (or the surge detector) define a
-- campaign; a second person activates it; a leased, resumable delivery job sends each round to
-- the campaign's segment through prevention_messages (source 'CAMPAIGN', source_ref the
-- campaign id), keeping a deterministic holdout that is never sent, so warned and unwarned
-- customers can be compared honestly. Portable between PostgreSQL and H2 (PostgreSQL mode).

-- segment is the criteria as JSON (read by the server into the core's Segment); the state
-- columns follow the core's Campaign types: activated_* once it ran, ended_* when terminal;
-- note is the note of the last command (a pause's, an end's, a dismissal's why).
-- surge_key (region:scam_type) is set on the surge detector's proposals only.
CREATE TABLE campaigns (
  campaign_id      VARCHAR(64) PRIMARY KEY,
  name             VARCHAR(200) NOT NULL,
  state            VARCHAR(16) NOT NULL CHECK (state IN ('DRAFT', 'PROPOSED', 'ACTIVE', 'PAUSED',
                     'ENDED', 'CANCELLED')),
  scam_type        VARCHAR(16) NOT NULL,
  channel          VARCHAR(16) NOT NULL CHECK (channel IN ('IN_APP', 'PUSH', 'EMAIL', 'SMS')),
  segment          VARCHAR(4000) NOT NULL,
  starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  cadence          VARCHAR(8) NOT NULL CHECK (cadence IN ('ONCE', 'DAILY')),
  cap_per_user     INTEGER NOT NULL CHECK (cap_per_user >= 1),
  holdout_bp       INTEGER NOT NULL CHECK (holdout_bp >= 0 AND holdout_bp <= 5000),
  reason           VARCHAR(1000),
  surge_key        VARCHAR(64),
  created_by       VARCHAR(200) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  activated_by     VARCHAR(200),
  activated_at     TIMESTAMP WITH TIME ZONE,
  paused_by        VARCHAR(200),
  paused_at        TIMESTAMP WITH TIME ZONE,
  ended_by         VARCHAR(200),
  ended_at         TIMESTAMP WITH TIME ZONE,
  note             VARCHAR(1000),
  version          INTEGER NOT NULL CHECK (version >= 1),
  CHECK (ends_at > starts_at),
  CHECK (state <> 'PROPOSED' OR reason IS NOT NULL),
  CHECK (state NOT IN ('ACTIVE', 'PAUSED') OR activated_by IS NOT NULL),
  CHECK ((state IN ('ENDED', 'CANCELLED')) = (ended_at IS NOT NULL))
);
CREATE INDEX campaigns_by_state ON campaigns (state, created_at);
CREATE INDEX campaigns_by_surge ON campaigns (surge_key, state);

-- One message per scam type and language; every campaign has English for its own scam type.
CREATE TABLE campaign_messages (
  campaign_id VARCHAR(64) NOT NULL REFERENCES campaigns (campaign_id),
  scam_type   VARCHAR(16) NOT NULL,
  language    VARCHAR(8) NOT NULL,
  title       VARCHAR(300) NOT NULL,
  body        VARCHAR(4000) NOT NULL,
  PRIMARY KEY (campaign_id, scam_type, language)
);

-- One row per round sent (or being sent). Resumable like assessment_runs: cursor_account is the
-- last account whose chunk committed, written in the same transaction as that chunk's messages
-- and holdouts; only the lease holder advances it, so one instance sends a round at a time.
CREATE TABLE campaign_rounds (
  campaign_id     VARCHAR(64) NOT NULL REFERENCES campaigns (campaign_id),
  round_no        INTEGER NOT NULL CHECK (round_no >= 1),
  state           VARCHAR(16) NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
  as_of           TIMESTAMP WITH TIME ZONE NOT NULL,
  cursor_account  VARCHAR(128) NOT NULL,
  chunks          INTEGER NOT NULL CHECK (chunks >= 0),
  matched         BIGINT NOT NULL CHECK (matched >= 0),
  sent            BIGINT NOT NULL CHECK (sent >= 0),
  held_out        BIGINT NOT NULL CHECK (held_out >= 0),
  opted_out       BIGINT NOT NULL CHECK (opted_out >= 0),
  capped          BIGINT NOT NULL CHECK (capped >= 0),
  lease_owner     VARCHAR(100),
  lease_until     TIMESTAMP WITH TIME ZONE,
  started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (campaign_id, round_no),
  CHECK ((state = 'DONE') = (finished_at IS NOT NULL)),
  CHECK (sent + held_out + opted_out + capped <= matched)
);

-- The control group: members of the segment who would have been sent the campaign and were
-- drawn (by a hash of campaign and account) not to be. Recorded once, in the round they were
-- first drawn, in that round's chunk transaction.
CREATE TABLE campaign_holdouts (
  campaign_id  VARCHAR(64) NOT NULL REFERENCES campaigns (campaign_id),
  account_id   VARCHAR(128) NOT NULL,
  round_no     INTEGER NOT NULL,
  held_out_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (campaign_id, account_id)
);

-- The surge detector's daily runs: a day is run once; its proposals are campaigns.
CREATE TABLE surge_runs (
  run_date     DATE PRIMARY KEY,
  proposals    INTEGER NOT NULL CHECK (proposals >= 0),
  finished_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Campaign deliveries look up an account's messages of one campaign and its recent alerts.
CREATE INDEX prevention_messages_by_source_ref ON prevention_messages (source_ref, account_id);
CREATE INDEX prevention_messages_recent ON prevention_messages (account_id, created_at);
CREATE INDEX reports_by_time ON reports (created_at);

-- The surge detector's default warning, per scam type ({region} is the country code).
INSERT INTO message_templates (kind, scam_type, language, version, title, body) VALUES
('CAMPAIGN', 'GENERAL', 'en', 1, 'Scams are rising near you',
 'We are seeing more confirmed scams reported by customers in {region} this week. Nobody from our team will ever ask you to move money, share a code or install an app. If someone is telling you what to do with your money, stop, and tell us in the app.'),
('CAMPAIGN', 'INVESTMENT', 'en', 1, 'Investment scams are rising near you',
 'Customers in {region} have reported more investment scams this week: a friendly contact shows a trading site with big profits, asks you to add more, and never lets you withdraw. Real investments never guarantee returns. Talk to someone you trust before you send money.'),
('CAMPAIGN', 'IMPERSONATION', 'en', 1, 'Someone may pretend to be us',
 'Customers in {region} have reported more impersonation scams this week: callers pretending to be us, your bank or the police say your account is at risk and ask you to move money to a safe wallet. We will never ask you to move money.'),
('CAMPAIGN', 'ROMANCE', 'en', 1, 'Romance scams are rising near you',
 'Customers in {region} have reported more romance scams this week: someone met online builds trust, then needs money for an emergency or an investment. If you have not met them face to face, talk to someone you trust before you send money.'),
('CAMPAIGN', 'FAKE_SUPPORT', 'en', 1, 'Fake support agents are active near you',
 'Customers in {region} have reported more fake support scams this week: people posing as our support on social media ask for remote access or tell you to move funds. Our support will never ask you to move money or share a code.'),
('CAMPAIGN', 'MARKETPLACE', 'en', 1, 'Marketplace scams are rising near you',
 'Customers in {region} have reported more marketplace scams this week: sellers ask for payment up front, outside the marketplace, for goods that never arrive. Pay only through the marketplace.'),
('CAMPAIGN', 'GIVEAWAY', 'en', 1, 'Fake giveaways are rising near you',
 'Customers in {region} have reported more giveaway scams this week. Nobody doubles your money: "send 1, get 2 back" is always a scam.');
