-- Receipt codes are stored as 'hmac-sha256:' + 64 hex digits (76 characters); values without
-- the prefix are the earlier Argon2id hashes (64 hex digits), upgraded on their next look-up.
ALTER TABLE ov_grievance ALTER COLUMN receipt_hash SET DATA TYPE VARCHAR(100);
