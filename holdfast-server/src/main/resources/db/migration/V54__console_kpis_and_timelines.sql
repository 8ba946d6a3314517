-- The console's programme KPIs (GET /v1/stats/programme) count per day over a bounded window,
-- and a case's timeline (GET /v1/cases/{id}/timeline) reads the latest events of each kind.
-- Each query gets an index that starts where it filters, so it reads the rows of its window or
-- its case, never the whole table: holds by when they were placed and when they ended, freezes,
-- refunds and finished calls by time; a case's reports, claims, refunds and outreach by case
-- and time (the existing by-case indexes have no time, so the latest 500 of a case with 10,000
-- victims were a sort of all 10,000). The time indexes append at their right edge, the
-- cheapest kind of index write; terminal holds already have a NULL release_at, so resolved_at
-- is the one column that says when they ended. The new by-case indexes serve every lookup
-- the old ones did (a case id is their first column), so those are dropped: one index to
-- write per report and refund, not two.
CREATE INDEX holds_by_created ON holds (created_at);
CREATE INDEX holds_by_resolved ON holds (resolved_at);
CREATE INDEX freezes_by_created ON freezes (created_at);
CREATE INDEX refunds_by_created ON refunds (created_at);
CREATE INDEX call_tasks_by_done ON call_tasks (done_at);
CREATE INDEX reports_by_case_time ON reports (case_id, created_at);
CREATE INDEX claims_by_case_time ON claims (case_id, created_at);
CREATE INDEX refunds_by_case_time ON refunds (case_id, created_at);
CREATE INDEX outreach_by_case_time ON outreach_cases (case_id, created_at);
CREATE INDEX scammers_by_case ON scammers (case_id);
DROP INDEX reports_by_case;
DROP INDEX refunds_by_case;

-- The held-payments queue filters open holds by state, by tier or by both, soonest deadline
-- first. holds_due serves the unfiltered queue, but a filter that few open holds match walked
-- all of it to fill a page (200 ms with 100,000 open holds and none matching, measured by
-- `./holdfast bench console`). One index per filter, in the queue's order and only over open
-- holds (an ended hold has no release_at), returns a page by reading about a page.
CREATE INDEX holds_open_by_state ON holds (state, tier, release_at, hold_id)
  WHERE release_at IS NOT NULL;
CREATE INDEX holds_open_by_tier ON holds (tier, release_at, hold_id)
  WHERE release_at IS NOT NULL;
