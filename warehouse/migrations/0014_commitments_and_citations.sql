-- 0014: what the government bound itself to, which pair cites which Kamerstuk, and the Council
-- timeline with the chambers apart.
--
-- `commitments`: answer sentences in which the government binds itself to a future act
-- (parsers/segment/commitments.py), kind send_document | report_in_council_report |
-- inform_kamer | act_in_council | other. A document's rows are replaced with its other rows
-- (unique by construction, as in 0008). `kamerstuk_references` gets the pair a citation is in
-- (`seq`, NULL in the front matter) and its `part` (front | question | answer | footnote).
-- Stored parses get both with `jbz reparse` (PARSER_VERSION 2.7.0).
CREATE TABLE commitments (
    consultation_id VARCHAR NOT NULL,
    n               INTEGER NOT NULL,      -- 1, 2, … in document order
    seq             INTEGER NOT NULL,      -- the pair whose answer holds it
    kind            VARCHAR NOT NULL,
    sentence        VARCHAR NOT NULL
);

ALTER TABLE kamerstuk_references ADD COLUMN seq INTEGER;
ALTER TABLE kamerstuk_references ADD COLUMN part VARCHAR;

-- Each commitment with the pair it answers (fractie, topic), its consultation and the Council
-- meeting the consultation belongs to; `date` is the answer letter's date where printed, else
-- the Council's first day.
CREATE VIEW v_commitments AS
SELECT c.council_date, c.chamber, coalesce(c.answers_sent, c.council_date) AS date,
       m.meeting_id, m.council, m.starts_on AS meeting_starts_on,
       c.consultation_id, c.document_id, c.title,
       k.n, k.seq, p.fractie, p.fractie_ids, p.topic, k.kind, k.sentence, p.question
FROM commitments k
JOIN v_consultations c USING (consultation_id)
LEFT JOIN qa_pairs p ON p.consultation_id = k.consultation_id AND p.seq = k.seq
LEFT JOIN council_meeting_documents l ON l.document_id = c.document_id
LEFT JOIN council_meetings m ON m.meeting_id = l.meeting_id
ORDER BY c.council_date, c.consultation_id, k.n;

-- Each Kamerstuk citation with the pair it is in (NULL in the front matter), its consultation
-- and Council meeting: "which question cites 32317-781" is one WHERE.
CREATE VIEW v_citations AS
SELECT c.council_date, c.chamber, m.meeting_id, m.council,
       c.consultation_id, c.document_id, c.title,
       r.n, r.kamerstuk, r.dossier, r.toevoeging, r.ondernummer, r.text, r.seq, r.part,
       p.fractie, p.fractie_ids, p.topic, p.question, p.answer
FROM kamerstuk_references r
JOIN v_consultations c USING (consultation_id)
LEFT JOIN qa_pairs p ON p.consultation_id = r.consultation_id AND p.seq = r.seq
LEFT JOIN council_meeting_documents l ON l.document_id = c.document_id
LEFT JOIN council_meetings m ON m.meeting_id = l.meeting_id
ORDER BY c.council_date, c.consultation_id, r.n;

-- The Council timeline with the chambers apart: the columns of 0005 count Tweede Kamer documents
-- only (an Eerste Kamer verslag, "kst-32317-DR", dated before the TK inbreng, made the answers of
-- the meeting of 6-7 March 2025 come before its questions); Eerste Kamer documents, pairs and
-- fracties have their own columns. days_inbreng_to_answers is the second interval.
CREATE OR REPLACE VIEW v_council_timeline AS
WITH docs AS (
    SELECT l.meeting_id, l.role, l.document_id, d.dossier, d.document_date,
           coalesce(d.chamber, 'TK') AS chamber,
           coalesce(d.dossier || '-' || d.ondernummer, d.document_number, l.document_id) AS label
    FROM council_meeting_documents l
    JOIN documents d USING (document_id)
    WHERE NOT d.deleted
),
per_meeting AS (
    SELECT meeting_id,
           list(DISTINCT dossier ORDER BY dossier) FILTER (WHERE dossier IS NOT NULL) AS dossiers,
           string_agg(DISTINCT label, ', ' ORDER BY label)
               FILTER (WHERE role = 'agenda' AND chamber = 'TK') AS agenda,
           min(document_date) FILTER (WHERE role = 'agenda' AND chamber = 'TK') AS agenda_date,
           list(DISTINCT label ORDER BY label)
               FILTER (WHERE role = 'inbreng' AND chamber = 'TK') AS inbreng,
           min(document_date) FILTER (WHERE role = 'inbreng' AND chamber = 'TK') AS inbreng_date,
           list(DISTINCT label ORDER BY label)
               FILTER (WHERE role = 'verslag' AND chamber = 'TK') AS verslagen,
           min(document_date) FILTER (WHERE role = 'verslag' AND chamber = 'TK') AS answers_date,
           string_agg(DISTINCT label, ', ' ORDER BY label)
               FILTER (WHERE role = 'council_report' AND chamber = 'TK') AS council_report,
           min(document_date) FILTER (WHERE role = 'council_report' AND chamber = 'TK')
               AS report_date,
           list(DISTINCT label ORDER BY label)
               FILTER (WHERE role = 'debate' AND chamber = 'TK') AS debates,
           list(DISTINCT label ORDER BY label) FILTER (WHERE chamber = 'EK') AS ek_documents,
           min(document_date) FILTER (WHERE chamber = 'EK') AS ek_date
    FROM docs
    GROUP BY meeting_id
),
seen AS (
    SELECT l.meeting_id, c.consultation_id, c.pair_count, coalesce(c.chamber, 'TK') AS chamber
    FROM council_meeting_documents l
    JOIN v_consultations c USING (document_id)
),
pairs AS (
    SELECT meeting_id,
           coalesce(sum(pair_count) FILTER (WHERE chamber = 'TK'), 0)::BIGINT AS pairs,
           coalesce(sum(pair_count) FILTER (WHERE chamber = 'EK'), 0)::BIGINT AS ek_pairs
    FROM seen GROUP BY meeting_id
),
asked AS (
    SELECT s.meeting_id,
           list(DISTINCT p.fractie ORDER BY p.fractie) FILTER (WHERE s.chamber = 'TK') AS fracties,
           list(DISTINCT p.fractie ORDER BY p.fractie) FILTER (WHERE s.chamber = 'EK')
               AS ek_fracties
    FROM seen s
    JOIN qa_pairs p USING (consultation_id)
    GROUP BY s.meeting_id
)
SELECT m.meeting_id, m.council, m.informal, m.starts_on, m.ends_on, m.place, d.dossiers,
       d.agenda, d.agenda_date, d.inbreng, d.inbreng_date, d.verslagen, d.answers_date,
       d.council_report, d.report_date, d.debates,
       coalesce(p.pairs, 0) AS pairs, coalesce(a.fracties, []::VARCHAR[]) AS fracties,
       date_diff('day', d.agenda_date, d.answers_date) AS days_agenda_to_answers,
       d.ek_documents, d.ek_date, coalesce(p.ek_pairs, 0) AS ek_pairs,
       coalesce(a.ek_fracties, []::VARCHAR[]) AS ek_fracties,
       date_diff('day', d.inbreng_date, d.answers_date) AS days_inbreng_to_answers
FROM council_meetings m
LEFT JOIN per_meeting d USING (meeting_id)
LEFT JOIN pairs p USING (meeting_id)
LEFT JOIN asked a USING (meeting_id)
ORDER BY m.starts_on, m.council;
