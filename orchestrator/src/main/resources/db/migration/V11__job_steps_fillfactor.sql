-- A job's steps are inserted together when the job is issued, then each is updated as the station reports it. With
-- full pages every update moved the row to another page and added an entry to the primary key; with room left on
-- each page the update stays on it (a heap-only tuple: no index entry, less write-ahead log).
ALTER TABLE job_steps SET (fillfactor = 50);
