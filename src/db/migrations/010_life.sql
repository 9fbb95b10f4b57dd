-- Organisational life (issue 5; RULES.md R-LIFE-1..10): meetings of every
-- kind with attendance, minutes (sanitised HTML) and attachments, member
-- review ratings, heart talks, the discussion of online meetings, and daily
-- check-ins. Compliance is computed from these rows, never stored
-- (R-LIFE-10). A meeting recorded by mistake is deleted softly (deleted_at),
-- so its audit trail and attachments stay explainable; every read skips it.
-- Times are UTC ISO-8601; on_date is the meeting's day in Asia/Shanghai.

CREATE TABLE meetings (
  id {{ID}},
  party_org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  group_id BIGINT REFERENCES party_orgs(id),   -- group meetings: the party group (党小组)
  kind TEXT NOT NULL,                          -- general_assembly / committee_meeting / group_meeting / party_lesson /
                                               -- theme_day / life_meeting / member_review / heart_talk
  starts_at TEXT NOT NULL,
  ends_at TEXT,
  on_date TEXT NOT NULL,
  place TEXT,
  online INTEGER NOT NULL DEFAULT 0,           -- 网上组织生活: held on the platform between starts_at and ends_at
  topic TEXT NOT NULL,
  host TEXT,
  recorder TEXT,
  lecturer TEXT,                               -- party lessons: who gave it
  by_secretary INTEGER NOT NULL DEFAULT 0,     -- party lessons: given by the secretary (R-LIFE-4)
  minutes TEXT,                                -- sanitised HTML (core/html)
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meetings_party_org ON meetings(party_org_id, on_date);
CREATE INDEX meetings_on_date ON meetings(on_date);

-- Who was expected and how each took part. Expected: the party org's members
-- on the meeting day. Probationary members attend without a vote.
CREATE TABLE meeting_attendance (
  id {{ID}},
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  status TEXT NOT NULL,                        -- present / late / absent
  absence_reason TEXT,                         -- business / sick / personal / other (公出 / 病假 / 事假 / 其他)
  absence_note TEXT,
  voting INTEGER NOT NULL DEFAULT 1,           -- 0 for probationary members
  UNIQUE (meeting_id, person_id)
);
CREATE INDEX meeting_attendance_person ON meeting_attendance(person_id);

-- Files of a meeting, stored on disk under the data folder by a random name.
CREATE TABLE meeting_attachments (
  id {{ID}},
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  created_by TEXT,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments(meeting_id);

-- 民主评议党员 (R-LIFE-7): one rating per member per review meeting.
CREATE TABLE member_ratings (
  id {{ID}},
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  rating TEXT NOT NULL,                        -- excellent / qualified / basically_qualified / unqualified
  UNIQUE (meeting_id, person_id)
);
CREATE INDEX member_ratings_person ON member_ratings(person_id);

-- 谈心谈话 (R-LIFE-8): a committee member (by post) talks with a member.
CREATE TABLE heart_talks (
  id {{ID}},
  party_org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  post_id BIGINT REFERENCES committee_posts(id),   -- the talker's committee post
  talker TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES persons(id),
  on_date TEXT NOT NULL,
  summary TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX heart_talks_party_org ON heart_talks(party_org_id, on_date);

-- The discussion of an online meeting: posted while it is open, part of the
-- minutes once it has closed.
CREATE TABLE meeting_messages (
  id {{ID}},
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  body TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX meeting_messages_meeting ON meeting_messages(meeting_id, id);

-- 网上报到: once a day counts once.
CREATE TABLE check_ins (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  on_date TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (person_id, on_date)
);
