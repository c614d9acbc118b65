-- A station may build one open work order per chip family at a time (a station with ESP32 and ESP32-C3 jigs builds
-- two products side by side). The work order remembers its recipe's chip; '*' is an assignment made before chips
-- were known (it admits any chip, as it did then).
ALTER TABLE work_orders ADD COLUMN chip text NOT NULL DEFAULT '*';

ALTER TABLE station_assignments ADD COLUMN chip text NOT NULL DEFAULT '*';
ALTER TABLE station_assignments DROP CONSTRAINT station_assignments_pkey;
ALTER TABLE station_assignments ADD PRIMARY KEY (station_id, chip);
