-- 0011: when the committee sent its questions and when the government answered, as the
-- report's front matter says ("De op 5 december 2022 toegezonden vragen …", "Bij brief van 29
-- januari 2025 zijn de vragen beantwoord"). An unfilled template ("bij brief van …") is NULL, with
-- the parse issue date_unfilled. Stored parses get the dates with `jbz reparse` (PARSER_VERSION
-- 2.3.0).
ALTER TABLE consultations ADD COLUMN questions_sent DATE;
ALTER TABLE consultations ADD COLUMN answers_sent DATE;

-- v_consultations as in 0003, with the chamber (0010), both dates and the days between them.
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
       r.source_format, r.parser_version, r.sha256, r.parsed_at,
       coalesce(r.chamber, 'TK') AS chamber, r.questions_sent, r.answers_sent,
       date_diff('day', r.questions_sent, r.answers_sent) AS days_to_answer
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
