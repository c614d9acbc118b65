-- The station-silence check asks, every few seconds, which units are in a job on which station. Without an index
-- that is a scan of every unit ever registered (33 ms per call at 4,000 units, the largest server cost after the
-- unit updates in the throughput benchmark). Partial: only units in a job are indexed, and the columns kept out of
-- it (updated_at) still let most unit updates stay HOT.
CREATE INDEX devices_in_job ON devices (station_id) WHERE state IN ('JOB_ISSUED', 'FLASHING', 'FUSES_BURNING');
