-- A retried request is compared by a hash of its parsed form, stored with the prefix "c1:"
-- (67 characters), where hashes of the body's bytes took 64. Existing hashes stay as they are:
-- a hash without the prefix is compared with the bytes of the retry, so a byte-identical retry
-- of a request made before this version still replays. Widening a VARCHAR rewrites no rows.
ALTER TABLE transfers ALTER COLUMN request_hash SET DATA TYPE VARCHAR(80);
ALTER TABLE idempotency_keys ALTER COLUMN request_hash SET DATA TYPE VARCHAR(80);
