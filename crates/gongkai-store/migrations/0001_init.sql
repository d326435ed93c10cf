-- gongkai schema, version 1: agencies, disclosure pages, the proactive-disclosure
-- catalog, annual reports and the audit log.
--
-- Portable SQL for SQLite and PostgreSQL. The migration runner replaces
-- {{id}} with the dialect's auto-generated 64-bit primary key. Dates are ISO
-- 8601 TEXT (YYYY-MM-DD), timestamps RFC 3339 TEXT in UTC, JSON is TEXT,
-- enumerations are TEXT keys checked by CHECK constraints.

CREATE TABLE agencies (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('government', 'department', 'town')),
    parent_code  TEXT REFERENCES agencies (code),
    address      TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    office_hours TEXT NOT NULL DEFAULT '',
    sort_order   BIGINT NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX agencies_parent ON agencies (parent_code, sort_order);

CREATE TABLE agency_pages (
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    kind        TEXT NOT NULL CHECK (kind IN ('guide', 'rules')),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (agency_code, kind)
);

CREATE TABLE catalog_items (
    id                  {{id}},
    index_no            TEXT NOT NULL UNIQUE,
    agency_code         TEXT NOT NULL REFERENCES agencies (code),
    title               TEXT NOT NULL,
    doc_number          TEXT,
    written_on          TEXT,
    published_on        TEXT,
    category            TEXT NOT NULL,
    topic               TEXT NOT NULL DEFAULT '',
    validity            TEXT NOT NULL CHECK (validity IN ('valid', 'expired', 'repealed')),
    validity_changed_on TEXT,
    disclosure_mode     TEXT NOT NULL CHECK (disclosure_mode IN ('proactive', 'on_request')),
    body                TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX catalog_items_listing ON catalog_items (agency_code, status, published_on, index_no);
CREATE INDEX catalog_items_category ON catalog_items (agency_code, status, category, published_on, index_no);

CREATE TABLE annual_reports (
    agency_code  TEXT NOT NULL REFERENCES agencies (code),
    year         BIGINT NOT NULL CHECK (year BETWEEN 2008 AND 2100),
    report_json  TEXT NOT NULL,
    published_at TEXT,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (agency_code, year)
);

CREATE TABLE audit_log (
    id          {{id}},
    occurred_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_key  TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_key, id);
