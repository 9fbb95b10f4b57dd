-- The figures of GET /api/v1/stats/coverage for the whole district on day
-- @D@ (STATS.md; the same definitions as src/modules/stats/repo.cpp), in one
-- statement for the sqlite3 shell: every table is read once — members per
-- workplace aggregated in one pass instead of a lookup per org, the best
-- covering formation per org, the work contacts — and the orgs are joined
-- to those once. @CUTOFF@ is the day 3 months earlier (census.stale_months).
WITH
mem AS (
  SELECT pe.workplace_org_id AS org_id,
         SUM(CASE WHEN m.confirmed_on <= '@D@' OR (m.confirmed_on IS NULL AND m.status = 'full') THEN 1 ELSE 0 END) AS full_members
  FROM memberships m JOIN persons pe ON pe.id = m.person_id
  WHERE pe.workplace_org_id IS NOT NULL AND m.valid_from <= '@D@' AND (m.valid_to IS NULL OR m.valid_to > '@D@')
  GROUP BY pe.workplace_org_id),
cov AS (
  SELECT c.org_id,
         MIN(CASE p.formation WHEN 'single' THEN 1 WHEN 'joint' THEN 2 WHEN 'attached' THEN 3 WHEN 'area_joint' THEN 4
             WHEN 'industry' THEN 5 WHEN 'dispatched' THEN 6 WHEN 'lead_firm' THEN 7 WHEN 'chain' THEN 8
             WHEN 'incubated' THEN 9 ELSE 10 END) AS best
  FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id
  WHERE c.valid_from <= '@D@' AND (c.valid_to IS NULL OR c.valid_to > '@D@')
    AND p.founded_on <= '@D@' AND (p.dissolved_on IS NULL OR p.dissolved_on > '@D@')
  GROUP BY c.org_id),
ct AS (
  SELECT org_id FROM assignments WHERE valid_from <= '@D@' AND (valid_to IS NULL OR valid_to > '@D@')
  UNION
  SELECT org_id FROM mass_orgs WHERE (founded_on IS NULL OR founded_on <= '@D@') AND (dissolved_on IS NULL OR dissolved_on > '@D@')),
o AS (
  SELECT o.verified_on, COALESCE(mem.full_members, o.declared_members, 0) AS full_members, cov.best, ct.org_id AS contact
  FROM orgs o LEFT JOIN mem ON mem.org_id = o.id LEFT JOIN cov ON cov.org_id = o.id LEFT JOIN ct ON ct.org_id = o.id
  WHERE COALESCE(o.registered_on, substr(o.created_at, 1, 10)) <= '@D@' AND (o.closed_on IS NULL OR o.closed_on > '@D@'))
SELECT
  COUNT(*) AS orgs,
  SUM(CASE WHEN best IS NOT NULL THEN 1 ELSE 0 END) AS covered,
  SUM(CASE WHEN best = 1 THEN 1 ELSE 0 END) AS covered_single,
  SUM(CASE WHEN best = 2 THEN 1 ELSE 0 END) AS covered_joint,
  SUM(CASE WHEN best = 3 THEN 1 ELSE 0 END) AS covered_attached,
  SUM(CASE WHEN best >= 4 THEN 1 ELSE 0 END) AS covered_other,
  SUM(CASE WHEN best = 4 THEN 1 ELSE 0 END) AS covered_area_joint,
  SUM(CASE WHEN best = 5 THEN 1 ELSE 0 END) AS covered_industry,
  SUM(CASE WHEN best >= 6 THEN 1 ELSE 0 END) AS covered_rest,
  SUM(CASE WHEN best IS NOT NULL OR contact IS NOT NULL THEN 1 ELSE 0 END) AS work_reached,
  SUM(CASE WHEN best IS NULL AND contact IS NOT NULL THEN 1 ELSE 0 END) AS yellow,
  SUM(CASE WHEN full_members >= 3 AND (best IS NULL OR best <> 1) THEN 1 ELSE 0 END) AS should_build,
  SUM(CASE WHEN verified_on IS NULL OR verified_on < '@CUTOFF@' THEN 1 ELSE 0 END) AS stale,
  (SELECT COUNT(*) FROM party_orgs WHERE founded_on <= '@D@' AND (dissolved_on IS NULL OR dissolved_on > '@D@')) AS party_orgs,
  (SELECT COUNT(*) FROM party_orgs p LEFT JOIN areas a ON a.id = p.area_id
   WHERE p.founded_on <= '@D@' AND (p.dissolved_on IS NULL OR p.dissolved_on > '@D@') AND p.type <> 'group'
     AND p.term_start IS NOT NULL
     AND date(p.term_start, '+' || COALESCE(p.term_years, CASE WHEN p.type = 'committee' THEN 5
                                  WHEN a.level IN ('community', 'village') THEN 5 ELSE 3 END) || ' years') <= '@D@')
    AS overdue_reelections
FROM o;
