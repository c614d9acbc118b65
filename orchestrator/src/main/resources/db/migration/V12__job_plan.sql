-- A job's plan (its steps: number, kind, irreversible, params) is stored with the job, as one JSON array, and
-- job_steps keeps only what happened to a step (started, completed, failed, with its evidence). Inserting every
-- planned step as a row when the job was issued, then updating each, wrote each step twice; now a step's row is
-- written when the station first reports it. Jobs issued before this migration keep their full rows and no plan.
ALTER TABLE jobs ADD COLUMN plan jsonb;
ALTER TABLE job_steps ALTER COLUMN kind DROP NOT NULL;
ALTER TABLE job_steps ALTER COLUMN irreversible DROP NOT NULL;
ALTER TABLE job_steps ALTER COLUMN params DROP NOT NULL;

-- Every step of every job, as the job_steps table read before: the planned steps with their progress (PENDING
-- until reported), or the stored rows of a job without a plan. Readers use this view; writers use job_steps.
CREATE VIEW job_step_view AS
SELECT j.job_id, p.number, p.kind, p.irreversible, p.params,
       coalesce(s.status, 'PENDING') AS status, s.started_at, s.finished_at, s.duration_ms, s.evidence,
       s.failure_reason
FROM jobs j
CROSS JOIN LATERAL jsonb_to_recordset(j.plan) AS p(number integer, kind text, irreversible boolean, params jsonb)
LEFT JOIN job_steps s ON s.job_id = j.job_id AND s.number = p.number
WHERE j.plan IS NOT NULL
UNION ALL
SELECT s.job_id, s.number, s.kind, s.irreversible, s.params, s.status, s.started_at, s.finished_at, s.duration_ms,
       s.evidence, s.failure_reason
FROM job_steps s JOIN jobs j ON j.job_id = s.job_id
WHERE j.plan IS NULL;
