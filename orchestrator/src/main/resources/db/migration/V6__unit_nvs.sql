-- Every job renders the unit's own NVS partition (recipe nvs template) from the unit's lot and the device
-- certificate the vault issued with its keys; retries and re-sent jobs render it again, so the unit keeps both.
-- Both are public: the certificate's private key never reaches the orchestrator.
ALTER TABLE devices ADD COLUMN lot text;
ALTER TABLE devices ADD COLUMN certificate_pem text;

-- Units admitted before this migration take their work order's lot (the certificate cannot be recovered: such a
-- unit is held when its next job needs one, and re-enters with new key material after a RETEST release).
UPDATE devices d SET lot = w.lot FROM work_orders w WHERE w.id = d.work_order_id;
