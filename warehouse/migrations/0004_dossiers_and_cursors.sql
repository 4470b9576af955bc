-- 0004: several dossiers (JBZ_DOSSIERS), one cursor per source and dossier.
-- `documents.dossier` stays as printed ("21501-02"); its parts get their own columns so a query
-- can ask for every 21501 dossier at once.
ALTER TABLE documents ADD COLUMN dossier_number INTEGER;
ALTER TABLE documents ADD COLUMN toevoeging VARCHAR;
UPDATE documents
SET dossier_number = TRY_CAST(regexp_extract(dossier, '^(\d+)', 1) AS INTEGER),
    toevoeging = NULLIF(regexp_extract(dossier, '^\d+-(\w+)$', 1), '')
WHERE dossier IS NOT NULL;

-- Cursors were one per source and meant dossier 32317: they become "tk:32317" and "koop:32317",
-- and the TK deletion listing ("tk:deletions") starts where the TK cursor was. The TK cursor now
-- follows ApiGewijzigdOp (when a record became visible in the API), a little after GewijzigdOp;
-- the overlap window (JBZ_CURSOR_OVERLAP_HOURS) covers the difference.
INSERT INTO sync_state
SELECT source || ':32317', cursor, updated_at FROM sync_state WHERE source IN ('tk', 'koop');
INSERT INTO sync_state
SELECT 'tk:deletions', cursor, updated_at FROM sync_state WHERE source = 'tk';
DELETE FROM sync_state WHERE source IN ('tk', 'koop');
