-- Name search: pg_trgm GIN index serves instr()/LIKE on names of any length.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX orgs_name_trgm ON orgs USING gin (name gin_trgm_ops);
