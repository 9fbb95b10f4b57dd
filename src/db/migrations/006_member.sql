-- Members (issue 4): persons, their memberships of party orgs, the history of
-- every change, and transfers of organisational relations (组织关系转接).
-- A person may be an applicant without any membership (the recruitment
-- pipeline builds on persons). ID numbers and phones are personal data
-- (R-ID-4): only ciphertext (crypto/pii), a keyed hash for lookup and
-- uniqueness, and the masked form are stored — never the plain value.
-- Validity as elsewhere: a membership counts on day d when
-- valid_from <= d AND (valid_to IS NULL OR valid_to > d).

CREATE TABLE persons (
  id {{ID}},
  name TEXT NOT NULL,
  gender TEXT NOT NULL,                    -- male / female, derived from the ID number (R-ID-1)
  ethnicity TEXT,                          -- one of the 56 names (member/rules.cpp)
  birth_date TEXT NOT NULL,                -- derived from the ID number (R-ID-1)
  id_number_enc TEXT NOT NULL,             -- secretbox ciphertext
  id_number_hash TEXT NOT NULL UNIQUE,     -- keyed hash: lookup, and the same ID twice is refused
  id_number_mask TEXT NOT NULL,            -- "110105********002X" (R-ID-4)
  education TEXT,                          -- postgraduate / bachelor / college / secondary / junior
  phone_enc TEXT,
  phone_hash TEXT,
  phone_mask TEXT,
  workplace_org_id BIGINT REFERENCES orgs(id),   -- the census org the person works in (R-ORG-1)
  mobile INTEGER NOT NULL DEFAULT 0,       -- 流动党员
  name_sort {{PATH}},                      -- pinyin sort key (census/collation), bytewise
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX persons_phone ON persons(phone_hash);
CREATE INDEX persons_workplace ON persons(workplace_org_id);
CREATE INDEX persons_name_sort ON persons(name_sort);

-- One row per stay of a person in one party org. A transfer inside the
-- system closes the row (end_reason 'transfer') and opens one in the
-- receiving party org with the same admitted_on / confirmed_on. Status on a
-- day d: full when confirmed_on <= d, else probationary; `status` is the
-- status now, kept for lists.
CREATE TABLE memberships (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  party_org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  status TEXT NOT NULL,                    -- probationary / full
  admitted_on TEXT NOT NULL,               -- 入党日期 (became a probationary member)
  confirmed_on TEXT,                       -- 转正日期
  valid_from TEXT NOT NULL,
  valid_to TEXT,                           -- first day it no longer counts
  start_reason TEXT NOT NULL,              -- admitted / registered / transfer / transfer_in
  end_reason TEXT,                         -- transfer / transfer_out / deceased / left / expelled / cancelled
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- A person is a member of one party org at a time.
CREATE UNIQUE INDEX memberships_one_open ON memberships(person_id) WHERE valid_to IS NULL;
CREATE INDEX memberships_person ON memberships(person_id);
CREATE INDEX memberships_party_org ON memberships(party_org_id);

-- Every change of a person or membership: what, old and new value (ID
-- numbers and phones only masked), the day it takes effect, who did it.
CREATE TABLE member_history (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  what TEXT NOT NULL,                      -- a field name or an event (admitted, confirmed, transfer, ended, …)
  old_value TEXT,
  new_value TEXT,
  on_date TEXT NOT NULL,
  by_login TEXT,
  at TEXT NOT NULL
);
CREATE INDEX member_history_person ON member_history(person_id);

-- Transfers of organisational relations. kind: internal (party org to party
-- org in the system; pending until the receiving side answers), in (from
-- outside, recorded done), out (to outside, recorded done; ends the
-- membership on the date given).
CREATE TABLE transfers (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  kind TEXT NOT NULL,                      -- internal / in / out
  from_party_org_id BIGINT REFERENCES party_orgs(id),
  to_party_org_id BIGINT REFERENCES party_orgs(id),
  external_name TEXT,                      -- the other side outside the system
  letter_no TEXT,                          -- 介绍信编号
  status TEXT NOT NULL,                    -- pending / accepted / rejected / cancelled / done
  started_on TEXT NOT NULL,
  answered_on TEXT,                        -- accepted / rejected / recorded on
  reason TEXT,                             -- why rejected
  note TEXT,
  started_by TEXT,
  answered_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX transfers_person ON transfers(person_id);
CREATE INDEX transfers_from ON transfers(from_party_org_id);
CREATE INDEX transfers_to ON transfers(to_party_org_id);
