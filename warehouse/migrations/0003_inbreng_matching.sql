-- 0003: match an inbreng with its verslag more robustly. The parse of an inbreng may lack the
-- "Geannoteerde agenda" subject; the TK title usually names it anyway ("Inbreng verslag
-- schriftelijk overleg over de geannoteerde agenda JBZ-Raad 12-13 december 2024 (Kamerstuk
-- 32317-907)"). Without any agenda Kamerstuk on one side, the same Council dates and addressee
-- decide (the two reports per Council are addressed to the minister and the staatssecretaris).
CREATE OR REPLACE VIEW v_consultations AS
WITH base AS (
    SELECT c.*,
           coalesce(d.title, c.title) AS document_title,
           coalesce(d.source, 'unknown') AS source,
           coalesce(c.dossier, d.dossier) AS dossier_nr,
           coalesce(d.ondernummer, c.ondernummer) AS number,
           regexp_extract(coalesce(d.title, ''), 'Kamerstuk (\d{5}(-[A-Z0-9]+)?-\d+)', 1)
               AS title_kamerstuk
    FROM consultations c
    LEFT JOIN documents d USING (document_id)
    WHERE NOT coalesce(d.deleted, false)
),
keyed AS (
    SELECT * EXCLUDE (agenda_key, title_kamerstuk),
           CASE WHEN agenda_key LIKE 'kst:%' THEN agenda_key
                WHEN title_kamerstuk <> '' THEN 'kst:' || title_kamerstuk
                ELSE agenda_key END AS agenda_key
    FROM base
),
ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY kind, dossier_nr, coalesce(number, consultation_id)
               ORDER BY (source = 'koop') DESC, parsed_at DESC, consultation_id
           ) AS copy_rank
    FROM keyed
)
SELECT r.consultation_id, r.document_id, r.source, r.kind, r.dossier_nr AS dossier,
       r.number AS ondernummer, r.document_title AS title, r.council_date, r.council_end,
       r.committee, r.chair, r.clerk, r.addressee, r.agenda_key, r.pair_count,
       r.source_format, r.parser_version, r.sha256, r.parsed_at
FROM ranked r
WHERE r.copy_rank = 1
  AND NOT (
      r.kind = 'inbreng schriftelijk overleg'
      AND EXISTS (
          SELECT 1 FROM ranked v
          WHERE v.copy_rank = 1 AND v.kind = 'verslag schriftelijk overleg'
            AND (
                v.agenda_key = r.agenda_key
                OR (
                    NOT (coalesce(v.agenda_key, '') LIKE 'kst:%'
                         AND coalesce(r.agenda_key, '') LIKE 'kst:%')
                    AND v.council_date = r.council_date
                    AND coalesce(v.council_end, v.council_date)
                        = coalesce(r.council_end, r.council_date)
                    AND coalesce(v.addressee, '') = coalesce(r.addressee, '')
                )
            )
      )
  );
