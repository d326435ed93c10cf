-- gongkai schema, version 9: words administrators add to the search
-- segmentation dictionary (jieba), e.g. local place and project names
-- (海塘安澜) that would otherwise be cut in two. The search index loads them
-- at start-up and whenever they change; additions and removals are in the
-- audit log (entity `search_word`). Same timestamp conventions as 0003.

CREATE TABLE search_words (
    word     TEXT PRIMARY KEY,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
