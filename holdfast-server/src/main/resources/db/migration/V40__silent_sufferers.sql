-- Silent sufferers: confirmed scammers, the sweeps that find everyone who paid them (and their
-- mules and linked accounts), the money traced onward, outreach conversations with victims who
-- never reported, and law-enforcement requests. Portable between PostgreSQL and H2.

-- A counterparty declared a scammer (by an analyst, a confirmed case, or law enforcement). One
-- row per subject, so every later sweep of the same scammer shares its victims and outreach.
CREATE TABLE scammers (
  scammer_id  VARCHAR(64) PRIMARY KEY,
  subject_key VARCHAR(260) NOT NULL UNIQUE,
  case_id     VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  basis       VARCHAR(16) NOT NULL CHECK (basis IN ('ANALYST', 'CASE_CONFIRMED',
                'LAW_ENFORCEMENT')),
  created_by  VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One run of a sweep: queued, claimed by a worker (lease_owner and lease_until, so a worker
-- that died leaves it claimable again), and done with its counts. The window is fixed when
-- the sweep is requested, so a retried sweep reads the same transfers.
CREATE TABLE sweeps (
  sweep_id         VARCHAR(64) PRIMARY KEY,
  scammer_id       VARCHAR(64) NOT NULL REFERENCES scammers (scammer_id),
  trigger_kind     VARCHAR(16) NOT NULL CHECK (trigger_kind IN ('ANALYST', 'CASE_CONFIRMED',
                     'LAW_ENFORCEMENT')),
  trigger_ref      VARCHAR(200),
  since_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  until_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  state            VARCHAR(16) NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  attempts         INTEGER NOT NULL CHECK (attempts >= 0),
  lease_owner      VARCHAR(64),
  lease_until      TIMESTAMP WITH TIME ZONE,
  cluster_size     INTEGER NOT NULL,
  victims_found    INTEGER NOT NULL,
  victims_written  INTEGER NOT NULL,
  silent_victims   INTEGER NOT NULL,
  reporters_linked INTEGER NOT NULL,
  outreach_opened  INTEGER NOT NULL,
  claims_opened    INTEGER NOT NULL,
  truncations      VARCHAR(4000),
  error            VARCHAR(1000),
  requested_by     VARCHAR(200) NOT NULL,
  requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE,
  finished_at      TIMESTAMP WITH TIME ZONE,
  CHECK (since_at < until_at),
  CHECK ((state = 'RUNNING') = (lease_owner IS NOT NULL)),
  CHECK ((state IN ('DONE', 'FAILED')) = (finished_at IS NOT NULL))
);
CREATE INDEX sweeps_queue ON sweeps (state, requested_at);
CREATE INDEX sweeps_by_scammer ON sweeps (scammer_id, requested_at);

-- The accounts a scammer's latest sweep treated as its cluster: mules and shared devices/IPs.
CREATE TABLE sweep_cluster (
  scammer_id VARCHAR(64) NOT NULL REFERENCES scammers (scammer_id),
  member_key VARCHAR(260) NOT NULL,
  relation   VARCHAR(16) NOT NULL CHECK (relation IN ('SCAMMER', 'MULE', 'DEVICE', 'IP')),
  hops       INTEGER NOT NULL CHECK (hops >= 0),
  via_key    VARCHAR(260),
  evidence   VARCHAR(500) NOT NULL,
  sweep_id   VARCHAR(64) NOT NULL,
  PRIMARY KEY (scammer_id, member_key)
);

-- Every victim of a scammer, one row per account and currency, refreshed by each sweep. A
-- victim who reported is linked to the report; a silent one to their outreach and claim.
CREATE TABLE sweep_victims (
  scammer_id       VARCHAR(64) NOT NULL REFERENCES scammers (scammer_id),
  victim_account   VARCHAR(128) NOT NULL,
  currency         VARCHAR(10) NOT NULL,
  amount_minor     BIGINT NOT NULL CHECK (amount_minor > 0),
  amount_usd_minor BIGINT NOT NULL CHECK (amount_usd_minor >= 0),
  transfers        INTEGER NOT NULL CHECK (transfers > 0),
  first_paid_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_paid_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  hops             INTEGER NOT NULL CHECK (hops >= 0),
  via_key          VARCHAR(260) NOT NULL,
  report_id        VARCHAR(64),
  outreach_id      VARCHAR(64),
  claim_id         VARCHAR(64),
  first_sweep_id   VARCHAR(64) NOT NULL,
  last_sweep_id    VARCHAR(64) NOT NULL,
  PRIMARY KEY (scammer_id, victim_account, currency),
  CHECK (first_paid_at <= last_paid_at)
);

-- Where the latest sweep's trace found the scammer's money still held: freeze candidates.
CREATE TABLE trace_holdings (
  scammer_id   VARCHAR(64) NOT NULL REFERENCES scammers (scammer_id),
  holder_key   VARCHAR(260) NOT NULL,
  currency     VARCHAR(10) NOT NULL,
  traced_minor BIGINT NOT NULL CHECK (traced_minor > 0),
  hops         INTEGER NOT NULL CHECK (hops >= 0),
  sweep_id     VARCHAR(64) NOT NULL,
  PRIMARY KEY (scammer_id, holder_key, currency)
);

-- An outreach conversation with a victim who never reported; one per victim and case. The
-- next reminder's time is a column (next_at), run by a sweeper like hold deadlines.
CREATE TABLE outreach_cases (
  outreach_id    VARCHAR(64) PRIMARY KEY,
  case_id        VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  scammer_id     VARCHAR(64) NOT NULL REFERENCES scammers (scammer_id),
  victim_account VARCHAR(128) NOT NULL,
  scam_type      VARCHAR(16) NOT NULL,
  language       VARCHAR(8) NOT NULL,
  state          VARCHAR(16) NOT NULL CHECK (state IN ('CONTACTED', 'READ', 'REPLIED',
                   'CLAIM_FILED', 'REPAID', 'DECLINED', 'UNREACHABLE')),
  guide_sent     INTEGER NOT NULL CHECK (guide_sent >= 0 AND guide_sent <= 5),
  reminders_sent INTEGER NOT NULL CHECK (reminders_sent >= 0),
  next_at        TIMESTAMP WITH TIME ZONE,
  state_at       TIMESTAMP WITH TIME ZONE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        INTEGER NOT NULL,
  UNIQUE (case_id, victim_account),
  CHECK (state <> 'CONTACTED' OR next_at IS NOT NULL),
  CHECK (state IN ('CONTACTED', 'READ', 'REPLIED') OR next_at IS NULL)
);
CREATE INDEX outreach_due ON outreach_cases (next_at);

-- The outbox of outreach messages the platform delivers through its chat or in-app inbox.
-- seq is given after commit by one sequencer, as for money instructions, so a platform
-- reading seq > cursor never skips a message that committed late.
CREATE TABLE outreach_messages (
  message_id       VARCHAR(100) PRIMARY KEY,
  outreach_id      VARCHAR(64) NOT NULL REFERENCES outreach_cases (outreach_id),
  seq              BIGINT UNIQUE,
  victim_account   VARCHAR(128) NOT NULL,
  step             VARCHAR(16) NOT NULL,
  language         VARCHAR(8) NOT NULL,
  template_version INTEGER NOT NULL,
  title            VARCHAR(300) NOT NULL,
  body             VARCHAR(8000) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  shown_at         TIMESTAMP WITH TIME ZONE,
  shown_channel    VARCHAR(32)
);
CREATE INDEX outreach_messages_unsequenced ON outreach_messages (seq, created_at);
CREATE INDEX outreach_messages_by_case ON outreach_messages (outreach_id, created_at);

CREATE TABLE outreach_sequencer (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL
);
INSERT INTO outreach_sequencer (id, last_seq) VALUES (1, 0);

-- What victims wrote back, as the platform posted it.
CREATE TABLE outreach_replies (
  reply_id    VARCHAR(64) PRIMARY KEY,
  outreach_id VARCHAR(64) NOT NULL REFERENCES outreach_cases (outreach_id),
  intent      VARCHAR(16) NOT NULL CHECK (intent IN ('CONFIRM_LOSS', 'DECLINE', 'MESSAGE')),
  body        VARCHAR(4000),
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  received_by VARCHAR(200) NOT NULL
);
CREATE INDEX outreach_replies_by_case ON outreach_replies (outreach_id, received_at);

-- A law-enforcement request recorded into a case; analysts act on it with the normal controls.
CREATE TABLE le_requests (
  request_id       VARCHAR(64) PRIMARY KEY,
  case_id          VARCHAR(64) NOT NULL REFERENCES cases (case_id),
  agency           VARCHAR(200) NOT NULL,
  reference        VARCHAR(200) NOT NULL,
  requested_action VARCHAR(16) NOT NULL CHECK (requested_action IN ('FREEZE', 'PRESERVE',
                     'DISCLOSE')),
  note             VARCHAR(4000),
  created_by       VARCHAR(200) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (agency, reference)
);
CREATE INDEX le_requests_by_case ON le_requests (case_id);

CREATE TABLE le_request_subjects (
  request_id  VARCHAR(64) NOT NULL REFERENCES le_requests (request_id),
  subject_key VARCHAR(260) NOT NULL,
  scammer_id  VARCHAR(64) NOT NULL REFERENCES scammers (scammer_id),
  PRIMARY KEY (request_id, subject_key)
);

-- Accounts linked by a shared device or IP are found by the value, not by the account.
CREATE INDEX account_events_by_device ON account_events (device_id);
CREATE INDEX account_events_by_ip ON account_events (ip);

-- A silent victim's claim waits for the victim to confirm the loss: confirming a case confirms
-- the claims of those who reported, not of those who were only found in the transfers.
ALTER TABLE claims ADD COLUMN awaiting_victim BOOLEAN DEFAULT FALSE NOT NULL;

-- The outreach guide, per step, scam type and language, in the ladder's template table.
-- Placeholders: {loss} {first_paid_at} {last_paid_at} {frozen} {decide_by}.
INSERT INTO message_templates (kind, scam_type, language, version, title, body) VALUES
('OR_HAPPENED', 'GENERAL', 'en', 1, 'We think you may have been scammed',
 'Between {first_paid_at} and {last_paid_at} you sent {loss} to an account we have since confirmed as a scammer. Many people never tell anyone; you are not to blame, and you have the same right to get money back as everyone who reported. Reply "yes, I lost this" and we will open your claim, or "no" if this payment was genuine.'),
('OR_HAPPENED', 'INVESTMENT', 'en', 1, 'The investment you paid into was a scam',
 'Between {first_paid_at} and {last_paid_at} you sent {loss} to an account we have confirmed runs a fake investment scheme. The profits it showed were not real. You are not to blame, and you have the same right to get money back as everyone who reported. Reply "yes, I lost this" and we will open your claim.'),
('OR_HAPPENED', 'ROMANCE', 'en', 1, 'Someone you trusted may have deceived you',
 'Between {first_paid_at} and {last_paid_at} you sent {loss} to an account we have confirmed belongs to a scammer who builds friendships or relationships online to ask for money. This happens to careful people every day. Reply "yes, I lost this" and we will open your claim.'),
('OR_FROZEN', 'GENERAL', 'en', 1, 'What we have done so far',
 'We have frozen the accounts that received the money where we could: {frozen}. Frozen money is shared among everyone who lost money to this scammer, in proportion to what each lost.'),
('OR_CLAIM', 'GENERAL', 'en', 1, 'How to claim',
 'Reply "yes, I lost this" to confirm your loss of {loss}. That is all we need: your claim is opened at once and decided by {decide_by}. You will never be asked to pay a fee to get your money back; anyone who asks is another scammer.'),
('OR_PROTECT', 'GENERAL', 'en', 1, 'Protect your account',
 'Change your password and turn on two-factor authentication. Never share codes, never install remote-access apps, and never move money to a "safe" account because someone tells you to. Be wary of anyone offering to recover your money for a fee.'),
('OR_SUPPORT', 'GENERAL', 'en', 1, 'Where to get support',
 'You can reply here at any time and a person will answer. You can also report the scam to the police and talk to a victim-support service in your country. Being scammed is a crime against you, not a mistake of yours.'),
('OR_REMINDER', 'GENERAL', 'en', 1, 'We are still here to help',
 'We wrote to you about {loss} you sent to a confirmed scammer. You can still claim: reply "yes, I lost this", or "no" if the payment was genuine.'),
('OR_RECEIVED', 'GENERAL', 'en', 1, 'Your claim is open',
 'Thank you. Your claim for {loss} is open and will be decided by {decide_by}. We will write when money is repaid to you.'),
('OR_DECLINED', 'GENERAL', 'en', 1, 'We will not contact you about this again',
 'Thank you for telling us. If you change your mind, reply here at any time.'),
('OR_REPAID', 'GENERAL', 'en', 1, 'Money has been repaid to you',
 'We have repaid what we recovered of your loss of {loss}. Thank you for your patience.'),
('OR_HAPPENED', 'GENERAL', 'es', 1, 'Creemos que pudiste ser víctima de una estafa',
 'Entre {first_paid_at} y {last_paid_at} enviaste {loss} a una cuenta que hemos confirmado como estafadora. Mucha gente nunca se lo cuenta a nadie; no es tu culpa, y tienes el mismo derecho a recuperar dinero que quienes lo denunciaron. Responde "sí, perdí esto" y abriremos tu reclamación, o "no" si el pago era legítimo.'),
('OR_HAPPENED', 'INVESTMENT', 'es', 1, 'La inversión en la que pagaste era una estafa',
 'Entre {first_paid_at} y {last_paid_at} enviaste {loss} a una cuenta que hemos confirmado que opera un esquema de inversión falso. Las ganancias que mostraba no eran reales. No es tu culpa. Responde "sí, perdí esto" y abriremos tu reclamación.'),
('OR_FROZEN', 'GENERAL', 'es', 1, 'Lo que hemos hecho hasta ahora',
 'Hemos congelado las cuentas que recibieron el dinero cuando fue posible: {frozen}. El dinero congelado se reparte entre todas las personas que perdieron dinero con este estafador, en proporción a lo que perdió cada una.'),
('OR_CLAIM', 'GENERAL', 'es', 1, 'Cómo reclamar',
 'Responde "sí, perdí esto" para confirmar tu pérdida de {loss}. Es todo lo que necesitamos: tu reclamación se abre enseguida y se decide antes del {decide_by}. Nunca te pediremos pagar una comisión para recuperar tu dinero; quien lo pida es otro estafador.'),
('OR_PROTECT', 'GENERAL', 'es', 1, 'Protege tu cuenta',
 'Cambia tu contraseña y activa la verificación en dos pasos. No compartas códigos, no instales aplicaciones de acceso remoto y nunca muevas dinero a una cuenta "segura" porque alguien te lo diga. Desconfía de quien ofrezca recuperar tu dinero a cambio de una comisión.'),
('OR_SUPPORT', 'GENERAL', 'es', 1, 'Dónde encontrar apoyo',
 'Puedes responder aquí en cualquier momento y te atenderá una persona. También puedes denunciar la estafa a la policía y hablar con un servicio de apoyo a víctimas de tu país. Ser estafado es un delito contra ti, no un error tuyo.'),
('OR_REMINDER', 'GENERAL', 'es', 1, 'Seguimos aquí para ayudarte',
 'Te escribimos sobre {loss} que enviaste a un estafador confirmado. Todavía puedes reclamar: responde "sí, perdí esto", o "no" si el pago era legítimo.'),
('OR_RECEIVED', 'GENERAL', 'es', 1, 'Tu reclamación está abierta',
 'Gracias. Tu reclamación por {loss} está abierta y se decidirá antes del {decide_by}. Te escribiremos cuando se te devuelva dinero.'),
('OR_DECLINED', 'GENERAL', 'es', 1, 'No volveremos a contactarte por esto',
 'Gracias por decírnoslo. Si cambias de opinión, responde aquí cuando quieras.'),
('OR_REPAID', 'GENERAL', 'es', 1, 'Te hemos devuelto dinero',
 'Te hemos devuelto lo que recuperamos de tu pérdida de {loss}. Gracias por tu paciencia.');
