-- gongkai schema: annual-report editor (helper fills)
-- Placeholder: replace this statement with the real schema.
CREATE TABLE placeholder_0006 (x BIGINT);
