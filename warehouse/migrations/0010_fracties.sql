-- 0010: canonical fracties of both chambers, and the chamber and fracties of every section and pair.
--
-- `fracties` and `fractie_aliases` hold the package's data file (parsers/fracties.json); the
-- warehouse fills them on a write open whenever that file changed (warehouse/fracties.py keeps
-- its checksum in `reference_checksums`), so a new fractie is a data change, not a migration.
CREATE TABLE fracties (
    fractie_id    VARCHAR PRIMARY KEY,       -- "tk-vvd", "ek-fractie-nanninga", "tk-50plus-2025"
    chamber       VARCHAR NOT NULL CHECK (chamber IN ('TK', 'EK')),
    name          VARCHAR NOT NULL,
    abbreviation  VARCHAR NOT NULL,
    active_from   DATE,                      -- inclusive; NULL: not known from the sources
    active_until  DATE,                      -- inclusive; NULL: still active or not known
    parties       VARCHAR[] NOT NULL,        -- the parties of a joint fractie (GroenLinks-PvdA)
    successor_of  VARCHAR[] NOT NULL,        -- fractie ids it continues (merger or rename)
    tk_fractie_id VARCHAR,                   -- the TK API's Fractie.Id
    source        VARCHAR NOT NULL           -- where the row's facts come from
);

-- Names documents print for a fractie, with the dates each was in use: "PvdA en GroenLinks"
-- (the joint block of two fracties), "GL-PvdA", "Lid Omtzigt", EK "Fractie-Nanninga".
CREATE TABLE fractie_aliases (
    alias        VARCHAR NOT NULL,
    chamber      VARCHAR NOT NULL CHECK (chamber IN ('TK', 'EK')),
    fractie_ids  VARCHAR[] NOT NULL,
    active_from  DATE,
    active_until DATE,
    source       VARCHAR NOT NULL
);

CREATE TABLE reference_checksums (
    name     VARCHAR PRIMARY KEY,           -- "fracties"
    checksum VARCHAR NOT NULL               -- sha256 of the data file loaded
);

-- The chamber of a stored parse: an Eerste Kamer number is letters ("BM", "AI"). The parser
-- also reads "Eerste Kamer der Staten-Generaal" in the front matter, and gives every section
-- and pair its fractie_ids: both come with `jbz reparse` (PARSER_VERSION 2.1.0).
ALTER TABLE consultations ADD COLUMN chamber VARCHAR;
UPDATE consultations
SET chamber = CASE WHEN regexp_full_match(coalesce(ondernummer, ''), '[A-Z]{1,3}') THEN 'EK'
                   ELSE 'TK' END;

ALTER TABLE sections ADD COLUMN chamber VARCHAR;
ALTER TABLE sections ADD COLUMN fractie_ids VARCHAR[];
ALTER TABLE qa_pairs ADD COLUMN chamber VARCHAR;
ALTER TABLE qa_pairs ADD COLUMN fractie_ids VARCHAR[];
UPDATE sections s SET chamber = c.chamber
FROM consultations c WHERE c.consultation_id = s.consultation_id;
UPDATE qa_pairs p SET chamber = c.chamber
FROM consultations c WHERE c.consultation_id = p.consultation_id;

-- v_qa, as in 0002, with the pair's chamber and fractie_ids.
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
       coalesce(p.chamber, 'TK') AS chamber, p.fractie_ids
FROM qa_pairs p
JOIN v_consultations c USING (consultation_id)
LEFT JOIN refs r USING (consultation_id, seq)
LEFT JOIN notes n USING (consultation_id, seq);

-- How much each fractie asked before each Council, per chamber (the chambers never add up).
CREATE OR REPLACE VIEW v_questions_per_fractie AS
SELECT council_date, chamber, fractie, fractie_ids,
       count(*) AS pairs,
       sum(question_count)::BIGINT AS questions,
       count(*) FILTER (WHERE answered) AS answered_pairs,
       count(DISTINCT consultation_id) AS consultations
FROM v_qa
GROUP BY council_date, chamber, fractie, fractie_ids
ORDER BY council_date, chamber, fractie;

-- As in 0002, with the chamber of the referring pair.
CREATE OR REPLACE VIEW v_referring_answers AS
SELECT q.council_date, q.consultation_id, q.seq, q.fractie, q.topic, q.question, q.answer,
       q.refers_to, q.refers_to_seqs,
       len(regexp_extract_all(trim(q.answer), '[.!?](\s|$)')) <= 1 AS only_refers,
       t.fractie AS referred_fractie, t.answer AS referred_answer, q.chamber
FROM v_qa q
LEFT JOIN qa_pairs t
       ON t.consultation_id = q.consultation_id AND t.seq = q.refers_to_seqs[1]
WHERE q.refers_to IS NOT NULL
ORDER BY q.council_date, q.consultation_id, q.seq;

-- As in 0002, per chamber.
CREATE OR REPLACE VIEW v_pairs_by_topic AS
SELECT topic, council_date, chamber,
       count(*) AS pairs,
       sum(question_count)::BIGINT AS questions,
       string_agg(DISTINCT fractie, ', ' ORDER BY fractie) AS fracties
FROM v_qa
GROUP BY topic, council_date, chamber
ORDER BY council_date, chamber, pairs DESC, topic;
