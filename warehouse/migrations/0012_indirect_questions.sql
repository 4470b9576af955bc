-- 0012: questions asked with and without a question mark. `question_count` stays as it was (the
-- sentences ending in "?"); `questions_direct` is the same count, `questions_indirect` the
-- sentences that ask or request without "?" ("De leden vragen de staatssecretaris …", "horen
-- graag"). A stored pair keeps its count as direct; its indirect count comes with `jbz reparse`
-- (PARSER_VERSION 2.4.0).
ALTER TABLE qa_pairs ADD COLUMN questions_direct INTEGER;
ALTER TABLE qa_pairs ADD COLUMN questions_indirect INTEGER;
UPDATE qa_pairs SET questions_direct = question_count;

-- v_qa as in 0010, with both counts.
CREATE OR REPLACE VIEW v_qa AS
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
       r.refers_to, r.refers_to_seqs, n.footnotes,
       coalesce(p.chamber, 'TK') AS chamber, p.fractie_ids, p.questions_direct,
       p.questions_indirect
FROM qa_pairs p
JOIN v_consultations c USING (consultation_id)
LEFT JOIN refs r USING (consultation_id, seq)
LEFT JOIN notes n USING (consultation_id, seq);

-- How much each fractie asked before each Council, per chamber: `questions` is direct (a
-- sentence ending in "?") plus indirect (asked or requested without one), so a fractie that asks
-- "De leden vragen de staatssecretaris …" counts as much as one that writes "?".
CREATE OR REPLACE VIEW v_questions_per_fractie AS
SELECT council_date, chamber, fractie, fractie_ids,
       count(*) AS pairs,
       sum(coalesce(questions_direct, question_count) + coalesce(questions_indirect, 0))::BIGINT
           AS questions,
       count(*) FILTER (WHERE answered) AS answered_pairs,
       count(DISTINCT consultation_id) AS consultations,
       sum(coalesce(questions_direct, question_count))::BIGINT AS questions_direct,
       sum(questions_indirect)::BIGINT AS questions_indirect
FROM v_qa
GROUP BY council_date, chamber, fractie, fractie_ids
ORDER BY council_date, chamber, fractie;
