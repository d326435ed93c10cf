-- gongkai schema, version 3: staff sign-in — server-side sessions and the
-- record of login attempts used for throttling and lock-out.
--
-- Same conventions as 0001/0002. A session row is keyed by the SHA-256 of
-- the random session id in the cookie, so the table alone cannot be used to
-- take over a session. Timestamps are RFC 3339 TEXT in UTC with seconds
-- (`YYYY-MM-DDTHH:MM:SSZ`), which sort and compare as text.

CREATE TABLE staff_sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES staff_users (id),
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    ip           TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);

CREATE TABLE login_attempts (
    id          {{id}},
    username    TEXT NOT NULL,
    ip          TEXT NOT NULL,
    result      TEXT NOT NULL CHECK (result IN ('success', 'failure', 'locked')),
    occurred_at TEXT NOT NULL
);
CREATE INDEX login_attempts_username ON login_attempts (username, occurred_at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, occurred_at);
