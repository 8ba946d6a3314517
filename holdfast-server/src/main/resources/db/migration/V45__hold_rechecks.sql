-- The investigation's checks re-run during a hold's window, not only at its deadline: when a
-- held hold is next re-checked is a column, like its deadline and its next ladder step, so the
-- schedule survives restarts. Portable between PostgreSQL and H2 (PostgreSQL mode).
ALTER TABLE holds ADD COLUMN recheck_at TIMESTAMP WITH TIME ZONE;

-- Held holds from before this migration are re-checked at the first run: created_at is in the
-- past of any clock the server reads, and always before their deadline. Holds under
-- investigation already have their finding, and ended holds nothing left to decide.
UPDATE holds SET recheck_at = created_at WHERE state = 'HELD';

-- Only a held hold is re-checked, and only before its deadline: from then on the deadline's
-- sweep runs the same checks. Holds without a re-check have none, so the index below holds
-- only the schedule that matters, as release_at's does.
ALTER TABLE holds ADD CONSTRAINT holds_recheck_held
  CHECK (recheck_at IS NULL OR (state = 'HELD' AND recheck_at < release_at));
CREATE INDEX holds_recheck_due ON holds (recheck_at);
