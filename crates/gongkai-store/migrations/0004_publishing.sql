-- gongkai schema: publishing workflow (helper fills)
-- Placeholder: replace this statement with the real schema.
CREATE TABLE placeholder_0004 (x BIGINT);
