-- The page of workload 1 (GET /api/v1/orgs?page=1&size=20&kind=enterprise&
-- sort=registered_on&desc=true) as the fastest SQL found for the sqlite3
-- shell: the total, then the 20 ids in order from the narrowest scan, then
-- their columns and coverage flags (per row, by index). Not a limit in the
-- table: it shows what the database alone needs for one page on day @D@.
SELECT COUNT(*) FROM orgs WHERE kind = 'enterprise';
SELECT o.id, o.name, o.uscc, o.kind, o.sub_kind, o.industry, o.area_id, o.area_path, o.address, o.registered_on,
       o.closed_on, o.operating_status, o.workforce, o.declared_members, o.above_scale, o.principal,
       o.principal_is_member, o.no_party_org_reason, o.contact_name, o.contact_phone_enc, o.contact_phone_hash,
       o.contact_phone_mask, o.verified_on, o.created_at, o.updated_at, a.name,
       EXISTS (SELECT 1 FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id WHERE c.org_id = o.id
               AND c.valid_from <= '@D@' AND (c.valid_to IS NULL OR c.valid_to > '@D@')
               AND p.founded_on <= '@D@' AND (p.dissolved_on IS NULL OR p.dissolved_on > '@D@')),
       EXISTS (SELECT 1 FROM assignments s WHERE s.org_id = o.id AND s.valid_from <= '@D@'
               AND (s.valid_to IS NULL OR s.valid_to > '@D@'))
       OR EXISTS (SELECT 1 FROM mass_orgs m WHERE m.org_id = o.id AND (m.founded_on IS NULL OR m.founded_on <= '@D@')
                  AND (m.dissolved_on IS NULL OR m.dissolved_on > '@D@'))
FROM (SELECT id FROM orgs WHERE kind = 'enterprise' ORDER BY registered_on DESC, id DESC LIMIT 20) pg
JOIN orgs o ON o.id = pg.id JOIN areas a ON a.id = o.area_id
ORDER BY o.registered_on DESC, o.id DESC;
