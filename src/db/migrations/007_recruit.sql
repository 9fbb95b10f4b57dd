-- The recruitment pipeline (发展党员, issue 4; RULES.md R-REC-1..9, R-LIFE-9).
-- One record per person and attempt: stage applicant → activist → candidate
-- → probationary → full, or cancelled / withdrawn, with the dates and facts
-- the rules need. A person has at most one open record (stage before full).
-- The admission creates the probationary membership (member module), the
-- confirmation makes it full. Dates are "YYYY-MM-DD"; validity as elsewhere:
-- a stage row counts on day d when valid_from <= d AND (valid_to IS NULL OR
-- valid_to > d).

CREATE TABLE recruits (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  party_org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  stage TEXT NOT NULL,                     -- applicant / activist / candidate / probationary / full / cancelled / withdrawn
  applied_on TEXT NOT NULL,                -- 递交入党申请 (R-REC-1)
  talk_on TEXT,                            -- 派人谈话 (R-REC-2)
  talk_by TEXT,
  activist_on TEXT,                        -- 确定为入党积极分子 (R-REC-3)
  candidate_on TEXT,                       -- 列为发展对象 (R-REC-4)
  political_review_on TEXT,                -- 政治审查 (R-REC-5)
  political_review_passed INTEGER,
  training_on TEXT,                        -- 集中培训结束 (R-REC-5)
  training_days DOUBLE PRECISION,
  training_hours DOUBLE PRECISION,
  assembly_on TEXT,                        -- 支部大会讨论接收 (R-LIFE-9)
  assembly_entitled INTEGER,               -- full members entitled to vote
  assembly_present INTEGER,                -- of them, present
  assembly_in_favour INTEGER,              -- of them, in favour
  approved_on TEXT,                        -- 上级党委审批 (R-REC-6)
  approval_special INTEGER NOT NULL DEFAULT 0,   -- special case: 6 months
  oath_on TEXT,                            -- 入党宣誓
  probation_end TEXT,                      -- 预备期届满 (R-REC-7), moved by an extension
  extended INTEGER NOT NULL DEFAULT 0,     -- the probation was extended (once at most)
  decided_on TEXT,                         -- 支部大会讨论转正 / 延长 / 取消 (R-REC-7)
  confirmed_on TEXT,                       -- 转正 (the probation end)
  confirm_approved_on TEXT,                -- 上级党委审批转正
  ended_on TEXT,                           -- cancelled or withdrawn on
  end_reason TEXT,
  next_step TEXT,                          -- R-REC-8, recomputed on every change (recruit/rules next_steps)
  next_earliest TEXT,
  next_due TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX recruits_one_open ON recruits(person_id)
  WHERE stage IN ('applicant', 'activist', 'candidate', 'probationary');
CREATE INDEX recruits_party_org ON recruits(party_org_id);
CREATE INDEX recruits_due ON recruits(next_due);

-- 培养联系人: one or two full members per activist (R-REC-3).
CREATE TABLE recruit_sponsors (
  id {{ID}},
  recruit_id BIGINT NOT NULL REFERENCES recruits(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  since TEXT NOT NULL
);
CREATE INDEX recruit_sponsors_recruit ON recruit_sponsors(recruit_id);

-- Half-yearly reviews of an activist (R-REC-9).
CREATE TABLE recruit_reviews (
  id {{ID}},
  recruit_id BIGINT NOT NULL REFERENCES recruits(id),
  reviewed_on TEXT NOT NULL,
  note TEXT,
  by_login TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX recruit_reviews_recruit ON recruit_reviews(recruit_id);

-- The stage a record was in, with validity: the pipeline counts per stage on
-- any day (STATS.md "Pipeline on d").
CREATE TABLE recruit_stages (
  id {{ID}},
  recruit_id BIGINT NOT NULL REFERENCES recruits(id),
  stage TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX recruit_stages_recruit ON recruit_stages(recruit_id);
CREATE INDEX recruit_stages_from ON recruit_stages(valid_from);

-- Every step recorded: the timeline of a person.
CREATE TABLE recruit_events (
  id {{ID}},
  recruit_id BIGINT NOT NULL REFERENCES recruits(id),
  event TEXT NOT NULL,                     -- applied, talk, activist, review, candidate, political_review, training,
                                           -- assembly, approval, oath, confirmation, extension, cancellation, withdrawal
  on_date TEXT NOT NULL,
  stage_from TEXT,
  stage_to TEXT,
  detail TEXT,                             -- JSON: the facts recorded with the step
  by_login TEXT,
  at TEXT NOT NULL
);
CREATE INDEX recruit_events_recruit ON recruit_events(recruit_id);
