-- Rule changes by people go through drafts (issue #19): one person proposes a new rule or a
-- new version of a live rule, a second person publishes it (RuleDrafts), and the proposer can
-- never publish their own. A draft keeps the whole rule as proposed, and for a change the
-- version of the live rule it was proposed against, so a draft overtaken by another change is
-- refused rather than published over it. Drafts are never deleted: published and withdrawn ones
-- stay as the record of who proposed what and who let it go live.
CREATE TABLE rule_drafts (
  draft_id     VARCHAR(64) PRIMARY KEY,
  rule_name    VARCHAR(64) NOT NULL,
  base_version INTEGER CHECK (base_version IS NULL OR base_version >= 1),
  expression   TEXT NOT NULL,
  outcome      VARCHAR(8) CHECK (outcome IS NULL OR outcome IN ('WARN', 'HOLD', 'BLOCK')),
  score        DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
  reason_code  VARCHAR(64) NOT NULL,
  description  VARCHAR(1000) NOT NULL,
  status       VARCHAR(16) NOT NULL CHECK (status IN ('ACTIVE', 'SHADOW', 'DISABLED')),
  note         VARCHAR(1000),
  state        VARCHAR(16) NOT NULL CHECK (state IN ('PROPOSED', 'PUBLISHED', 'WITHDRAWN')),
  proposed_by  VARCHAR(200) NOT NULL,
  proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  published_by VARCHAR(200),
  published_at TIMESTAMP WITH TIME ZONE,
  withdrawn_by VARCHAR(200),
  withdrawn_at TIMESTAMP WITH TIME ZONE,
  CHECK ((state = 'PUBLISHED') = (published_by IS NOT NULL AND published_at IS NOT NULL)),
  CHECK ((state = 'WITHDRAWN') = (withdrawn_by IS NOT NULL AND withdrawn_at IS NOT NULL)),
  CHECK (published_by IS NULL OR published_by <> proposed_by)
);
CREATE INDEX rule_drafts_by_state ON rule_drafts (state, proposed_at DESC, draft_id);
CREATE INDEX rule_drafts_by_rule ON rule_drafts (rule_name, proposed_at DESC);

-- How often each shadow rule matched, per UTC day: the decision writer adds a batch's shadow
-- hits in the batch's own transaction (one upsert per rule and day), so the risk team can read a
-- shadow rule's last seven days without scanning the decisions' stored responses.
CREATE TABLE rule_shadow_hits (
  rule_name VARCHAR(64) NOT NULL,
  day       DATE NOT NULL,
  hits      BIGINT NOT NULL CHECK (hits >= 0),
  PRIMARY KEY (rule_name, day)
);
