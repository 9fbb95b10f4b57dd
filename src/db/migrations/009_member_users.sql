-- The party member behind a user account (issue 5): a member signs in and
-- sees his own meetings, attendance and check-ins. One account per person
-- and one person per account; the member module owns this table.
CREATE TABLE member_users (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  person_id BIGINT NOT NULL UNIQUE REFERENCES persons(id),
  created_at TEXT NOT NULL
);
