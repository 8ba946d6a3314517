-- Prevention, part one: daily proactive risk assessments, the outbox of prevention messages the
-- platform shows its customers (assessments now, warning campaigns later), and customers'
-- opt-outs from those alerts. Portable between PostgreSQL and H2 (PostgreSQL mode).

-- One run per day. The run is resumable: cursor_account is the last account whose chunk
-- committed, written in the same transaction as that chunk's assessments, messages and tasks,
-- so a run that crashed continues after the last committed chunk and never repeats one. Only
-- the lease holder (lease_owner, until lease_until) may advance the cursor, so however many
-- instances are up, one runs the day's batch at a time.
CREATE TABLE assessment_runs (
  run_date            DATE PRIMARY KEY,
  state               VARCHAR(16) NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
  as_of               TIMESTAMP WITH TIME ZONE NOT NULL,
  cursor_account      VARCHAR(128) NOT NULL,
  chunks              INTEGER NOT NULL CHECK (chunks >= 0),
  accounts_assessed   BIGINT NOT NULL CHECK (accounts_assessed >= 0),
  exposures_recorded  BIGINT NOT NULL CHECK (exposures_recorded >= 0),
  messages_sent       BIGINT NOT NULL CHECK (messages_sent >= 0),
  messages_cooling    BIGINT NOT NULL CHECK (messages_cooling >= 0),
  messages_opted_out  BIGINT NOT NULL CHECK (messages_opted_out >= 0),
  tasks_opened        BIGINT NOT NULL CHECK (tasks_opened >= 0),
  assessor_version    VARCHAR(64) NOT NULL,
  lease_owner         VARCHAR(100),
  lease_until         TIMESTAMP WITH TIME ZONE,
  started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at         TIMESTAMP WITH TIME ZONE,
  CHECK ((state = 'DONE') = (finished_at IS NOT NULL)),
  CHECK (messages_sent + messages_cooling + messages_opted_out <= exposures_recorded),
  CHECK (tasks_opened <= exposures_recorded)
);

-- The assessments worth keeping (score at or above the policy's record threshold), with the
-- findings that explain them. score_milli is the score in thousandths.
CREATE TABLE assessments (
  account_id   VARCHAR(128) NOT NULL,
  run_date     DATE NOT NULL REFERENCES assessment_runs (run_date),
  score_milli  INTEGER NOT NULL CHECK (score_milli >= 0 AND score_milli <= 1000),
  resembles    VARCHAR(16) NOT NULL,
  findings     VARCHAR(200) NOT NULL,
  explanation  VARCHAR(2000) NOT NULL,
  action       VARCHAR(16) NOT NULL CHECK (action IN ('RECORDED', 'MESSAGED', 'COOLING_DOWN',
                 'OPTED_OUT')),
  task_opened  BOOLEAN NOT NULL,
  PRIMARY KEY (account_id, run_date)
);
CREATE INDEX assessments_by_run ON assessments (run_date, score_milli);

-- The outbox of prevention messages for the platform to show in its app, by e-mail, push or
-- SMS. message_id is derived from what caused it (the run date or campaign), so a retried
-- batch cannot send a message twice. seq is given after commit by one sequencer, as for the
-- other outboxes, so a platform reading seq > cursor never skips a late commit.
CREATE TABLE prevention_messages (
  message_id       VARCHAR(200) PRIMARY KEY,
  seq              BIGINT UNIQUE,
  account_id       VARCHAR(128) NOT NULL,
  source           VARCHAR(16) NOT NULL CHECK (source IN ('ASSESSMENT', 'CAMPAIGN')),
  source_ref       VARCHAR(128) NOT NULL,
  scam_type        VARCHAR(16) NOT NULL,
  channel          VARCHAR(16) NOT NULL CHECK (channel IN ('IN_APP', 'PUSH', 'EMAIL', 'SMS')),
  language         VARCHAR(8) NOT NULL,
  template_version INTEGER NOT NULL,
  title            VARCHAR(300) NOT NULL,
  body             VARCHAR(8000) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  shown_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX prevention_messages_unsequenced ON prevention_messages (seq, created_at);
CREATE INDEX prevention_messages_by_account ON prevention_messages (account_id, source,
  created_at);

CREATE TABLE prevention_sequencer (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL
);
INSERT INTO prevention_sequencer (id, last_seq) VALUES (1, 0);

-- Channels a customer opted out of for proactive alerts (assessments and campaigns). Warnings
-- about a payment the customer is making, and calls, are not alerts and are not affected.
CREATE TABLE alert_opt_outs (
  account_id   VARCHAR(128) NOT NULL,
  channel      VARCHAR(16) NOT NULL CHECK (channel IN ('IN_APP', 'PUSH', 'EMAIL', 'SMS')),
  opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_id, channel)
);

CREATE INDEX call_tasks_by_account_state ON call_tasks (account_id, state);

-- The personal risk assessment, per scam type: what we noticed ({noticed}), the scam it
-- resembles, and what to do.
INSERT INTO message_templates (kind, scam_type, language, version, title, body) VALUES
('ASSESSMENT', 'GENERAL', 'en', 1, 'A safety check on your account',
 'We check accounts every day for signs that someone may be trying to scam their owner. {noticed} This can be innocent, but it is also how many scams begin. Nobody from our team will ever ask you to move money, share a code or install an app. If someone is telling you what to do with your money, stop, and tell us in the app.'),
('ASSESSMENT', 'INVESTMENT', 'en', 1, 'Is someone helping you invest?',
 '{noticed} Investment scams often start with a friendly contact online who shows you a trading site with big profits, then asks you to add more and never lets you withdraw. Real investments never guarantee returns. Before you send more, check the platform is licensed, and talk to someone you trust. If you think you have been scammed, report it in the app: we can act quickly.'),
('ASSESSMENT', 'IMPERSONATION', 'en', 1, 'Did someone contact you about your account?',
 '{noticed} Scammers pretend to be our support team, your bank or the police, say your account is at risk, and talk you into moving your money to a "safe" wallet. We will never ask you to move money. If this was not you, or someone guided you, contact us in the app now.'),
('ASSESSMENT', 'ROMANCE', 'en', 1, 'Sending money to someone you met online?',
 '{noticed} Romance scammers build trust over weeks, then need money for an emergency, a ticket or an investment, and the requests do not stop. If you have not met this person face to face, please talk to someone you trust before you send more.'),
('ASSESSMENT', 'FAKE_SUPPORT', 'en', 1, 'Did "support" ask you to move money?',
 '{noticed} Fake support agents find you on social media or through search ads, then ask for remote access or tell you to move funds. Our support will never ask you to move money or share a code. If this happened, contact us in the app now.'),
('ASSESSMENT', 'MARKETPLACE', 'en', 1, 'Buying from someone new?',
 '{noticed} Marketplace scams ask you to pay up front, outside the marketplace, for goods that never arrive. Pay only through the marketplace and be wary of prices that are too good.'),
('ASSESSMENT', 'GIVEAWAY', 'en', 1, 'Giveaways never ask you to pay first',
 '{noticed} "Send 1, get 2 back" giveaways, often using a famous name, are always scams. Nobody doubles your money.');
