-- Jobs left behind by a process that died (issue 6): the process running or
-- holding a queued job stamps heartbeat_unix every few seconds; a job still
-- queued or running whose stamp is older than five minutes belongs to no
-- living process and is failed by whichever server looks next (at start and
-- every minute), instead of showing 进行中 forever.
ALTER TABLE jobs ADD COLUMN heartbeat_unix BIGINT;
CREATE INDEX jobs_status ON jobs(status);
