-- Census and party organisations: 两新 orgs with the five-clear fields,
-- coverage links, committee posts, instructors and liaisons, mass orgs.
-- Validity: a record counts on day d when start <= d and (end IS NULL OR
-- end > d); every end date (closed_on, dissolved_on, valid_to) is the first
-- day it no longer counts. Nothing a statistic counts is deleted.

CREATE TABLE orgs (
  id {{ID}},
  name TEXT NOT NULL,
  uscc TEXT NOT NULL UNIQUE,               -- 统一社会信用代码 (R-ID-2)
  kind TEXT NOT NULL,                      -- enterprise / social / gig_site
  sub_kind TEXT,                           -- 私营企业, 社会团体, … (TEMPLATES 组织类型)
  industry TEXT,                           -- GB/T 4754 section letter A–T
  area_id BIGINT NOT NULL REFERENCES areas(id),
  area_path {{PATH}} NOT NULL,             -- the area's path, for subtree filters
  address TEXT,
  registered_on TEXT,                      -- 成立日期
  closed_on TEXT,                          -- 注销 date: ends the record
  operating_status TEXT NOT NULL DEFAULT 'normal',  -- normal / suspended / closed (R-CEN-1)
  workforce INTEGER,                       -- 从业人员数 (R-CEN-1)
  declared_members INTEGER,                -- 党员数 as declared (R-CEN-1)
  above_scale INTEGER NOT NULL DEFAULT 0,
  principal TEXT,                          -- 出资人（负责人） (R-CEN-1)
  principal_is_member INTEGER,
  no_party_org_reason TEXT,                -- 未建党组织原因 (R-CEN-1)
  contact_name TEXT,
  contact_phone_enc TEXT,                  -- encrypted at rest
  contact_phone_hash TEXT,                 -- keyed hash, for lookup
  contact_phone_mask TEXT,                 -- masked form for lists (R-ID-4)
  verified_on TEXT,                        -- 核实日期 (R-CEN-2)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX orgs_area_path ON orgs(area_path);
CREATE INDEX orgs_kind ON orgs(kind);
CREATE INDEX orgs_verified ON orgs(verified_on);

-- Party orgs: counts declared until member records exist (R-ORG-3, R-ORG-4).
ALTER TABLE party_orgs ADD COLUMN declared_members INTEGER;
ALTER TABLE party_orgs ADD COLUMN declared_full_members INTEGER;

-- Which orgs a party org covers (组织覆盖), with validity.
CREATE TABLE coverage (
  id {{ID}},
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  party_org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX coverage_org ON coverage(org_id);
CREATE INDEX coverage_party_org ON coverage(party_org_id);

-- Committee posts of a party org: secretary, deputy_secretary, organisation,
-- publicity, discipline, member (R-ORG-4).
CREATE TABLE committee_posts (
  id {{ID}},
  party_org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  post TEXT NOT NULL,
  person_name TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX committee_posts_party_org ON committee_posts(party_org_id);

-- Instructors (党建指导员) and liaisons (联络员) sent to orgs.
CREATE TABLE assignments (
  id {{ID}},
  person_name TEXT NOT NULL,
  phone_enc TEXT,
  phone_hash TEXT,
  phone_mask TEXT,
  role TEXT NOT NULL,                      -- instructor / liaison
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assignments_org ON assignments(org_id);
CREATE INDEX assignments_phone ON assignments(phone_hash);

-- Mass organisations of an org: union / youth_league / womens_federation.
CREATE TABLE mass_orgs (
  id {{ID}},
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  type TEXT NOT NULL,
  founded_on TEXT,
  dissolved_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_id, type)
);
