-- gongkai schema: case handling extras (helper fills)
-- Placeholder: replace this statement with the real schema.
CREATE TABLE placeholder_0005 (x BIGINT);
