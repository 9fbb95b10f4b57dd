-- Party orgs, more: indexes for what the party org module asks most — the
-- party orgs of an area subtree (area-scoped users) and a name among the
-- children of one parent (names are unique among live siblings, and the
-- 党组织台账 matches rows on 党组织名称 within its parent).
CREATE INDEX party_orgs_area ON party_orgs(area_id);
CREATE INDEX party_orgs_parent_name ON party_orgs(parent_id, name);
