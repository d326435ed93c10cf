-- gongkai schema, version 4: the publishing workflow of catalog items.
--
-- catalog_items.status stays what the portal needs (draft / published /
-- withdrawn); item_workflow adds the finer stage of each item staff manage
-- (in review, approved, replaced), its review round and who drafted it.
-- Items without a workflow row (imported as published) are ordinary
-- documents whose stage is their status.

CREATE TABLE review_step_configs (
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    position    BIGINT NOT NULL CHECK (position >= 0),
    name        TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (agency_code, position)
);

CREATE TABLE item_workflow (
    item_id          BIGINT PRIMARY KEY REFERENCES catalog_items (id),
    kind             TEXT NOT NULL CHECK (kind IN ('document', 'interpretation')),
    stage            TEXT NOT NULL CHECK (stage IN ('draft', 'in_review', 'approved', 'published', 'withdrawn', 'replaced')),
    steps_json       TEXT NOT NULL DEFAULT '[]',
    current_step     BIGINT NOT NULL DEFAULT 0 CHECK (current_step >= 0),
    round            BIGINT NOT NULL DEFAULT 0 CHECK (round >= 0),
    drafted_by       TEXT NOT NULL,
    last_rejection   TEXT,
    replaces_id      BIGINT REFERENCES catalog_items (id),
    replaced_by_id   BIGINT REFERENCES catalog_items (id),
    withdrawn_reason TEXT,
    withdrawn_on     TEXT,
    updated_at       TEXT NOT NULL
);
CREATE INDEX item_workflow_stage ON item_workflow (stage);
CREATE INDEX item_workflow_replaces ON item_workflow (replaces_id);

-- One row per decision, never changed (append-only guard from migrate.rs).
CREATE TABLE item_reviews (
    id            {{id}},
    item_id       BIGINT NOT NULL REFERENCES catalog_items (id),
    round         BIGINT NOT NULL,
    step_position BIGINT NOT NULL,
    step_name     TEXT NOT NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
    comment       TEXT NOT NULL,
    reviewer      TEXT NOT NULL,
    reviewer_name TEXT NOT NULL,
    decided_at    TEXT NOT NULL
);
CREATE INDEX item_reviews_item ON item_reviews (item_id, id);

CREATE TABLE item_attachments (
    id         {{id}},
    item_id    BIGINT NOT NULL REFERENCES catalog_items (id),
    file_name  TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256     TEXT NOT NULL,
    content    {{blob}} NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX item_attachments_item ON item_attachments (item_id, id);

-- 政策解读 (interpretation) → the document it interprets.
CREATE TABLE item_interpretations (
    interpretation_id BIGINT NOT NULL REFERENCES catalog_items (id),
    document_id       BIGINT NOT NULL REFERENCES catalog_items (id),
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    PRIMARY KEY (interpretation_id, document_id),
    CHECK (interpretation_id <> document_id)
);
CREATE INDEX item_interpretations_document ON item_interpretations (document_id);

-- Derived data: the Art. 26 due date (20 working days after) of each 成文日期
-- under the working-day calendar in use, so that the back-office list can
-- filter and count late items in the database. Refreshed by the listing
-- whenever the calendar gives another date; safe to empty at any time.
CREATE TABLE publish_due_dates (
    written_on TEXT PRIMARY KEY,
    due_on     TEXT NOT NULL
);
