-- Prevention (issue #7): the vulnerability register and personal interventions. Portable
-- between PostgreSQL and H2 (PostgreSQL mode).

-- The register's own view of an account, beside the platform's consented flags (which stay on
-- accounts.vulnerability_flags, replaced by each profile update). The chronic-victim marker is
-- derived from history by ChronicVictimPolicy and recomputed when history changes.
CREATE TABLE vulnerability_register (
  account_id     VARCHAR(128) PRIMARY KEY,
  chronic_since  TIMESTAMP WITH TIME ZONE,
  chronic_reason VARCHAR(2000),
  checked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        INTEGER NOT NULL,
  CHECK ((chronic_since IS NULL) = (chronic_reason IS NULL))
);

-- Flags recorded by Holdfast's people: an analyst, or an intervention's outcome. A profile
-- update from the platform never touches them.
CREATE TABLE vulnerability_flags (
  account_id VARCHAR(128) NOT NULL,
  flag       VARCHAR(32) NOT NULL,
  source     VARCHAR(16) NOT NULL CHECK (source IN ('ANALYST', 'INTERVENTION')),
  reason     VARCHAR(1000) NOT NULL,
  set_by     VARCHAR(200) NOT NULL,
  set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_id, flag)
);

-- How far the register has read the history that can make a chronic victim (claims, cases,
-- freezes, scammers), so a periodic refresh only looks at what changed since.
CREATE TABLE register_cursor (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  scanned_to TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO register_cursor (id, scanned_to) VALUES (1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');

-- The call queue becomes the intervention queue. Every new column has a default or is
-- nullable, so a plain INSERT of the original columns (the ladder's, the daily assessment's)
-- still works; a NULL sla_at is filled by the sweeper from the priority.
ALTER TABLE call_tasks ADD COLUMN kind VARCHAR(8) DEFAULT 'CALL' NOT NULL;
ALTER TABLE call_tasks ADD COLUMN source VARCHAR(16) DEFAULT 'LADDER' NOT NULL;
ALTER TABLE call_tasks ADD COLUMN scam_type VARCHAR(16);
ALTER TABLE call_tasks ADD COLUMN sla_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE call_tasks ADD COLUMN assigned_to VARCHAR(200);
ALTER TABLE call_tasks ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE call_tasks ADD COLUMN breached_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE call_tasks ADD COLUMN reassignments INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE call_tasks ADD COLUMN created_by VARCHAR(200);
ALTER TABLE call_tasks ADD COLUMN done_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE call_tasks ADD COLUMN done_by VARCHAR(200);
ALTER TABLE call_tasks ADD CONSTRAINT call_tasks_kind CHECK (kind IN ('CALL', 'CHAT'));
ALTER TABLE call_tasks ADD CONSTRAINT call_tasks_source
  CHECK (source IN ('LADDER', 'ASSESSMENT', 'ANALYST'));
ALTER TABLE call_tasks ADD CONSTRAINT call_tasks_claim
  CHECK ((assigned_to IS NULL) = (claimed_at IS NULL));
ALTER TABLE call_tasks ADD CONSTRAINT call_tasks_priority CHECK (priority >= 1);
-- The sweeper's scans: open tasks by deadline, and tasks still without one. A person's earlier
-- outcomes are found through V42's call_tasks_by_account_state.
CREATE INDEX call_tasks_sla ON call_tasks (state, sla_at);

-- Scripts for interventions that are not about a held payment (no amount to quote), per scam
-- type, falling back to GENERAL; a held payment's task keeps the CALL_SCRIPT templates.
INSERT INTO message_templates (kind, scam_type, language, version, title, body) VALUES
('INTERVENTION', 'GENERAL', 'en', 1, 'Intervention script',
 'Introduce yourself by name; never ask for passwords, codes or payments. Say why we are in touch: {reason}. Ask whether anyone they met online or by phone is asking them to move, invest or send money, or to keep it secret. Explain the warning signs calmly, offer to pause payments, and agree a trusted contact if they wish. Record whether they were reached, dissuaded, went ahead anyway, or could not be reached.'),
('INTERVENTION', 'INVESTMENT', 'en', 1, 'Intervention script: investment',
 'Say why we are in touch: {reason}. Ask how they found the investment, whether they have ever withdrawn anything, and whether they were asked to pay fees or taxes to withdraw. Explain that guaranteed returns and pressure to add more money are the pattern of investment scams. Offer to pause payments to the platform.'),
('INTERVENTION', 'IMPERSONATION', 'en', 1, 'Intervention script: impersonation',
 'Say why we are in touch: {reason}. Ask whether someone claiming to be support, a bank or the police asked them to move funds to a safe wallet or install an app. Explain we never do this. Help them secure the account: new password, two-factor, remove unknown devices.'),
('INTERVENTION', 'ROMANCE', 'en', 1, 'Intervention script: romance',
 'Say why we are in touch: {reason}. Gently ask whether they have met in person the person they are sending money to, and whether that person has asked for money for an emergency, a ticket or an investment. Suggest talking to someone they trust before sending more.'),
('INTERVENTION', 'FAKE_SUPPORT', 'en', 1, 'Intervention script: fake support',
 'Say why we are in touch: {reason}. Ask whether someone guided them to deposit and then send funds to verify or unlock the account. Our support never asks for a transfer. Help them secure the account.');
