-- 0014: what the government bound itself to, and which pair cites which Kamerstuk.
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
