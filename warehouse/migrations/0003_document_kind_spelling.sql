-- 0003: one spelling of the document kinds (contract/kinds.py, DocumentKind). The parse's kind in
-- consultations.kind was "verslag schriftelijk overleg"; it is now the value documents.kind, the
-- `--kinds` option and the run form use: "verslag_schriftelijk_overleg". The two views that
-- compare kinds are the same as in 0002 but for those literals.
UPDATE consultations SET kind = replace(kind, ' ', '_')
WHERE kind IN ('verslag schriftelijk overleg', 'inbreng schriftelijk overleg');

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
      r.kind = 'inbreng_schriftelijk_overleg'
      AND EXISTS (
          SELECT 1 FROM ranked v
          WHERE v.copy_rank = 1 AND v.kind = 'verslag_schriftelijk_overleg'
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

CREATE OR REPLACE VIEW v_open_consultations AS
WITH counts AS (
    SELECT consultation_id,
           count(*) AS pairs,
           count(*) FILTER (WHERE answer IS NOT NULL AND trim(answer) <> '') AS answered_pairs
    FROM qa_pairs
    GROUP BY consultation_id
)
SELECT c.council_date, c.consultation_id, c.document_id, c.kind, c.committee, c.title,
       c.agenda_key, coalesce(n.pairs, 0) AS pairs, coalesce(n.answered_pairs, 0) AS answered_pairs,
       CASE WHEN c.kind = 'inbreng_schriftelijk_overleg' THEN 'inbreng without its verslag'
            ELSE 'no answers yet' END AS reason
FROM v_consultations c
LEFT JOIN counts n USING (consultation_id)
WHERE c.kind = 'inbreng_schriftelijk_overleg'
   OR (coalesce(n.pairs, 0) > 0 AND coalesce(n.answered_pairs, 0) = 0)
ORDER BY c.council_date, c.consultation_id;
