-- 0016: the export row of a pair speaks for its canonical fracties and its own chamber (issue
-- 18's `fractie_ids` and pair `chamber`, which 0015 could not use yet), with the direct and
-- indirect question counts beside `question_count`. Columns as 0015, plus `fractie_ids`
-- (comma-separated), `questions_direct`, `questions_indirect`; `chamber` is the pair's.
DROP VIEW v_qa_export;
CREATE VIEW v_qa_export AS
SELECT q.consultation_id || '#' || q.seq AS pair_id,
       q.consultation_id, q.document_id, q.seq,
       q.fractie, array_to_string(q.parties, ', ') AS parties,
       array_to_string(q.fractie_ids, ', ') AS fractie_ids,
       coalesce(q.chamber, d.chamber) AS chamber, q.topic,
       q.question, q.answer, q.question_count, q.questions_direct, q.questions_indirect,
       q.answered,
       q.refers_to, array_to_string(q.refers_to_seqs, ', ') AS refers_to_seqs,
       array_to_string(q.footnotes, ', ') AS footnotes,
       m.meeting_id, m.council, m.informal, m.starts_on AS meeting_starts_on,
       m.ends_on AS meeting_ends_on, m.place AS meeting_place,
       q.council_date, q.council_end, c.report_date, d.document_date,
       q.kind, q.dossier, q.ondernummer, q.title, q.committee, c.addressee,
       l.page_url, l.kamerstuk_url, l.tk_url, l.file_url,
       c.quality, array_to_string(c.quality_reasons, ', ') AS quality_reasons,
       c.parser_version, c.parsed_at
FROM v_qa q
JOIN consultations c USING (consultation_id)
LEFT JOIN documents d ON d.document_id = q.document_id
LEFT JOIN v_document_links l ON l.document_id = q.document_id
LEFT JOIN council_meeting_documents md ON md.document_id = q.document_id
LEFT JOIN council_meetings m ON m.meeting_id = md.meeting_id;
