-- The freeze a report made, as a key: the recovery numbers joined reports to freezes by parsing
-- the freeze decision's text, which a change of wording would have broken silently.
ALTER TABLE reports ADD COLUMN freeze_id VARCHAR(64);
UPDATE reports SET freeze_id = SUBSTRING(freeze_decision, 9)
  WHERE freeze_decision LIKE 'frozen: %';
CREATE INDEX reports_by_freeze ON reports (freeze_id);
