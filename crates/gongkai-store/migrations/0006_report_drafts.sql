-- gongkai schema, version 6: annual-report drafts of the report editor.
--
-- One draft per agency and year holds what an officer enters: the figures of
-- table 二 that cannot be derived from the catalog (`figures_json`, canonical
-- cell keys → number or null for blank) and the narrative sections
-- (`narratives_json`, part key → text). Tables 三 and 四 are never stored
-- here: they are recomputed from the cases. `revision` grows by one with
-- every save (lost-update check); the history of every save and publication
-- is in the audit log (entity `report_draft`, key `CODE/YEAR`).
-- `published_at`/`published_late` describe the latest publication of the
-- draft to `annual_reports`. Same timestamp conventions as 0003.

CREATE TABLE report_drafts (
    agency_code     TEXT NOT NULL REFERENCES agencies (code),
    year            BIGINT NOT NULL CHECK (year BETWEEN 2008 AND 2100),
    figures_json    TEXT NOT NULL,
    narratives_json TEXT NOT NULL,
    revision        BIGINT NOT NULL CHECK (revision >= 1),
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    published_at    TEXT,
    published_late  BIGINT NOT NULL DEFAULT 0 CHECK (published_late IN (0, 1)),
    PRIMARY KEY (agency_code, year)
);
