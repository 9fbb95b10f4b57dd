-- Census, more: the pinyin sort key of an org's name and unique area codes.
-- name_sort holds the ICU "zh@collation=pinyin" sort key of orgs.name as hex
-- (census/collation.hpp), written by the census service with the name, so
-- ORDER BY name_sort gives pinyin order on both databases and paging stays
-- in SQL. It compares bytewise ({{PATH}} is the bytewise text type).
ALTER TABLE orgs ADD COLUMN name_sort {{PATH}};
CREATE INDEX orgs_name_sort ON orgs(name_sort);
CREATE UNIQUE INDEX areas_code ON areas(code);
-- An org's change history is the audit rows whose target is "org:{id}".
CREATE INDEX audit_log_target ON audit_log(target);
