-- gongkai schema, version 2: disclosure applications (依申请公开) — staff
-- users, applicants, applications with their procedural events and
-- attachments, and the reconsideration/litigation cases about them.
--
-- Same conventions as 0001: {{id}} is the dialect's 64-bit identity key,
-- {{blob}} its binary type (BLOB / BYTEA); dates are YYYY-MM-DD TEXT,
-- timestamps RFC 3339 TEXT in UTC, JSON is TEXT, enumerations are TEXT keys.

CREATE TABLE staff_users (
    id            {{id}},
    agency_code   TEXT NOT NULL REFERENCES agencies (code),
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('administrator', 'supervisor', 'officer', 'reviewer')),
    password_hash TEXT,
    active        BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX staff_users_agency ON staff_users (agency_code, username);

CREATE TABLE applicants (
    id                 {{id}},
    applicant_type     TEXT NOT NULL CHECK (applicant_type IN ('natural_person', 'commercial', 'research', 'social_welfare', 'legal_services', 'other_org')),
    name               TEXT NOT NULL,
    id_document_type   TEXT NOT NULL CHECK (id_document_type IN ('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent_resident', 'business_license', 'other')),
    id_document_number TEXT NOT NULL,
    phone              TEXT NOT NULL,
    address            TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    organisation_name  TEXT,
    credit_code        TEXT,
    created_at         TEXT NOT NULL
);

CREATE TABLE application_counters (
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    year        BIGINT NOT NULL,
    last_seq    BIGINT NOT NULL,
    PRIMARY KEY (agency_code, year)
);

CREATE TABLE applications (
    id             {{id}},
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    number         TEXT NOT NULL,
    query_code     TEXT NOT NULL UNIQUE,
    applicant_id   BIGINT NOT NULL REFERENCES applicants (id),
    applicant_type TEXT NOT NULL,
    channel        TEXT NOT NULL CHECK (channel IN ('in_person', 'post_signed', 'ordinary_letter_confirmed', 'online_confirmed', 'fax_confirmed', 'email')),
    received_on    TEXT NOT NULL,
    description    TEXT NOT NULL,
    delivery_form  TEXT NOT NULL CHECK (delivery_form IN ('paper_post', 'paper_pickup', 'electronic_email', 'electronic_online', 'inspection')),
    state          TEXT NOT NULL,
    outcome        TEXT,
    closed_on      TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (agency_code, number)
);
-- Covering indexes for the annual-report counts (GROUP BY without table lookups).
CREATE INDEX applications_received ON applications (agency_code, received_on, closed_on, applicant_type, outcome);
CREATE INDEX applications_closed ON applications (agency_code, closed_on, received_on, applicant_type, outcome);
CREATE INDEX applications_state ON applications (agency_code, state, received_on);

CREATE TABLE application_events (
    id             {{id}},
    application_id BIGINT NOT NULL REFERENCES applications (id),
    seq            BIGINT NOT NULL,
    kind           TEXT NOT NULL,
    event_date     TEXT NOT NULL,
    event_json     TEXT NOT NULL,
    actor          TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (application_id, seq)
);

CREATE TABLE attachments (
    id             {{id}},
    application_id BIGINT NOT NULL REFERENCES applications (id),
    file_name      TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256         TEXT NOT NULL,
    content        {{blob}} NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX attachments_application ON attachments (application_id, id);

CREATE TABLE review_cases (
    id             {{id}},
    application_id BIGINT NOT NULL REFERENCES applications (id),
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    kind           TEXT NOT NULL CHECK (kind IN ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration')),
    case_number    TEXT NOT NULL DEFAULT '',
    filed_on       TEXT NOT NULL,
    decided_on     TEXT,
    result         TEXT NOT NULL CHECK (result IN ('upheld', 'corrected', 'other', 'pending')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX review_cases_filed ON review_cases (agency_code, filed_on);
CREATE INDEX review_cases_application ON review_cases (application_id);
