-- Secondary indexes a bulk import dropped to load faster and must build again afterwards. The
-- row is written in the transaction that drops the index, so a crash between the drop and the
-- rebuild leaves the definition here, and the next import or server start builds it again.
CREATE TABLE deferred_indexes (
  index_name  VARCHAR(128) PRIMARY KEY,
  table_name  VARCHAR(128) NOT NULL,
  definition  VARCHAR(2000) NOT NULL,
  deferred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  deferred_by VARCHAR(200) NOT NULL
);
