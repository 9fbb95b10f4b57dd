-- Name search: FTS5 trigram (3+ characters); shorter terms use instr().
CREATE VIRTUAL TABLE orgs_fts USING fts5(name, content='orgs', content_rowid='id', tokenize='trigram');
CREATE TRIGGER orgs_fts_insert AFTER INSERT ON orgs BEGIN
  INSERT INTO orgs_fts(rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER orgs_fts_delete AFTER DELETE ON orgs BEGIN
  INSERT INTO orgs_fts(orgs_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER orgs_fts_update AFTER UPDATE OF name ON orgs BEGIN
  INSERT INTO orgs_fts(orgs_fts, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO orgs_fts(rowid, name) VALUES (new.id, new.name);
END;
