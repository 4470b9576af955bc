-- 0002: views that answer the users' questions in one query. Documented in the README.

-- The consultations a reader should see: the document is not deleted at the source, one copy per
-- report (a report listed by both TK and KOOP counts once: the KOOP copy, the official
-- publication, wins; then the newest parse), and an inbreng (questions only) only until the
-- verslag of the same agenda is loaded (the verslag repeats the questions with the answers).
--
-- Matching an inbreng with its verslag: The parse of an inbreng may lack the
-- "Geannoteerde agenda" subject; the TK title usually names it anyway ("Inbreng verslag
-- schriftelijk overleg over de geannoteerde agenda JBZ-Raad 12-13 december 2024 (Kamerstuk
-- 32317-907)"). Without any agenda Kamerstuk on one side, the same Council dates and addressee
-- decide (the two reports per Council are addressed to the minister and the staatssecretaris).
CREATE VIEW v_consultations AS
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

-- One row per question/answer pair, with everything needed to read it in context.
CREATE VIEW v_qa AS
WITH refs AS (
    SELECT consultation_id, seq,
           string_agg(ref_fractie, ', ' ORDER BY n) AS refers_to,
           list(ref_seq ORDER BY n) FILTER (WHERE ref_seq IS NOT NULL) AS refers_to_seqs
    FROM answer_references
    GROUP BY consultation_id, seq
),
notes AS (
    SELECT consultation_id, seq, list(footnote_n ORDER BY footnote_n) AS footnotes
    FROM pair_footnotes
    GROUP BY consultation_id, seq
)
SELECT c.council_date, c.council_end, c.committee, c.kind, c.title, c.dossier, c.ondernummer,
       p.consultation_id, c.document_id, p.seq, p.fractie, p.parties, p.topic,
       p.question, p.answer, p.question_count,
       (p.answer IS NOT NULL AND trim(p.answer) <> '') AS answered,
       r.refers_to, r.refers_to_seqs, n.footnotes
FROM qa_pairs p
JOIN v_consultations c USING (consultation_id)
LEFT JOIN refs r USING (consultation_id, seq)
LEFT JOIN notes n USING (consultation_id, seq);

-- How much each fractie asked before each Council.
CREATE VIEW v_questions_per_fractie AS
SELECT council_date, fractie,
       count(*) AS pairs,
       sum(question_count)::BIGINT AS questions,
       count(*) FILTER (WHERE answered) AS answered_pairs,
       count(DISTINCT consultation_id) AS consultations
FROM v_qa
GROUP BY council_date, fractie
ORDER BY council_date, fractie;

-- Answers that point to another fractie's (or an earlier) answer, with the answer pointed to.
-- only_refers: the answer is a single sentence, i.e. nothing but the pointer.
CREATE VIEW v_referring_answers AS
SELECT q.council_date, q.consultation_id, q.seq, q.fractie, q.topic, q.question, q.answer,
       q.refers_to, q.refers_to_seqs,
       len(regexp_extract_all(trim(q.answer), '[.!?](\s|$)')) <= 1 AS only_refers,
       t.fractie AS referred_fractie, t.answer AS referred_answer
FROM v_qa q
LEFT JOIN qa_pairs t
       ON t.consultation_id = q.consultation_id AND t.seq = q.refers_to_seqs[1]
WHERE q.refers_to IS NOT NULL
ORDER BY q.council_date, q.consultation_id, q.seq;

-- Pairs per topic subheading and Council (topic NULL: the section had no subheading).
CREATE VIEW v_pairs_by_topic AS
SELECT topic, council_date,
       count(*) AS pairs,
       sum(question_count)::BIGINT AS questions,
       string_agg(DISTINCT fractie, ', ' ORDER BY fractie) AS fracties
FROM v_qa
GROUP BY topic, council_date
ORDER BY council_date, pairs DESC, topic;

-- Questions that are in but whose answers are not: an inbreng whose verslag (same agenda) is not
-- loaded, or a consultation with pairs none of which has an answer yet.
CREATE VIEW v_open_consultations AS
WITH counts AS (
    SELECT consultation_id,
           count(*) AS pairs,
           count(*) FILTER (WHERE answer IS NOT NULL AND trim(answer) <> '') AS answered_pairs
    FROM qa_pairs
    GROUP BY consultation_id
)
SELECT c.council_date, c.consultation_id, c.document_id, c.kind, c.committee, c.title,
       c.agenda_key, coalesce(n.pairs, 0) AS pairs, coalesce(n.answered_pairs, 0) AS answered_pairs,
       CASE WHEN c.kind = 'inbreng schriftelijk overleg' THEN 'inbreng without its verslag'
            ELSE 'no answers yet' END AS reason
FROM v_consultations c
LEFT JOIN counts n USING (consultation_id)
WHERE c.kind = 'inbreng schriftelijk overleg'
   OR (coalesce(n.pairs, 0) > 0 AND coalesce(n.answered_pairs, 0) = 0)
ORDER BY c.council_date, c.consultation_id;
