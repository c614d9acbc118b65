-- Every consumed event enters the inbox: its key was the two texts (source, event_id), some 70 bytes compared in
-- every probe of the unique index. The key is now a 16-byte digest of the two (InboxStore.Delivery.key: the first
-- 16 bytes of SHA-256 over the source's UTF-8 length, ':', the source and the id); source, id and type stay as
-- columns for whoever reads the table. Rows written before are keyed the same way here, so an event delivered
-- again after the upgrade is still recognised.
ALTER TABLE inbox ADD COLUMN delivery uuid;
UPDATE inbox SET delivery = encode(substring(sha256(convert_to(octet_length(convert_to(source, 'UTF8')) || ':'
    || source || event_id, 'UTF8')) FROM 1 FOR 16), 'hex')::uuid;
ALTER TABLE inbox ALTER COLUMN delivery SET NOT NULL;
ALTER TABLE inbox DROP CONSTRAINT inbox_pkey;
ALTER TABLE inbox ADD PRIMARY KEY (delivery);
