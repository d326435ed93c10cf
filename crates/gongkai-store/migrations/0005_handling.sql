-- gongkai schema, version 5: case handling extras — staff e-mail addresses
-- for the daily reminder digest, and the record of digests sent.
--
-- Same conventions as 0001–0003 (TEXT dates `YYYY-MM-DD`, RFC 3339 UTC
-- timestamps). `reminder_digests` has one row per user and Beijing day: the
-- digest sender checks it before sending and writes it after, so a restart
-- of the server on the same day does not send twice.

ALTER TABLE staff_users ADD COLUMN email TEXT NOT NULL DEFAULT '';

CREATE TABLE reminder_digests (
    user_id     BIGINT NOT NULL REFERENCES staff_users (id),
    digest_date TEXT NOT NULL,
    email       TEXT NOT NULL,
    case_count  BIGINT NOT NULL,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (user_id, digest_date)
);
