-- A member's posts (issue 4): a committee post may name the registered
-- member who holds it. Posts recorded by name only (the party org ledger,
-- the committee tab) keep person_id NULL. The member module sets it through
-- the party org service and ends a member's open posts when the membership
-- ends (transfer, transfer out, death, leaving).
ALTER TABLE committee_posts ADD COLUMN person_id BIGINT REFERENCES persons(id);
CREATE INDEX committee_posts_person ON committee_posts(person_id);
