-- The audit API (GET /v1/audit, issue #18) pages through the log with filters by actor,
-- action prefix, entity and time. Each filter gets an index that returns rows in the page's
-- order, so a page reads about as many rows as it returns: "what did this person do" walks
-- one actor's entries in id order; the action index serves a prefix such as 'auth.' as a
-- byte-order range (COLLATE "C", whatever the database's collation); a search by time pages
-- by (at, audit_id), because ids and times rise together only roughly, and an id order would
-- have to skip every entry before the first match. The entity filter already has
-- audit_by_entity, and an entity has few entries to sort. Every index appends at its right
-- edge (actors, actions and times of new rows are mostly the latest), which is the cheapest
-- kind of index write for the screening path's row per transfer. On a large existing log they
-- take a while to build at upgrade.
CREATE INDEX audit_by_actor ON audit_log (actor, audit_id);
CREATE INDEX audit_by_action ON audit_log (action COLLATE "C", audit_id);
CREATE INDEX audit_by_at ON audit_log (at, audit_id);
