-- Statistics: the report workbooks (季度/年度统计报表) that background jobs
-- write, kept in the database so any server process can hand one out
-- (docs/architecture.md "Reports"). The file is stored base64-encoded as
-- text, which both databases take through the same text parameters. A
-- report belongs to its job: only the job's creator or an admin downloads
-- it. Rows older than 30 days are removed when a new report is stored.
CREATE TABLE stats_reports (
  id {{ID}},
  job_id BIGINT NOT NULL UNIQUE REFERENCES jobs(id),
  created_by BIGINT REFERENCES users(id),
  scope TEXT NOT NULL,
  as_of TEXT NOT NULL,
  filename TEXT NOT NULL,
  size BIGINT NOT NULL,
  content_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX stats_reports_created_at ON stats_reports(created_at);
