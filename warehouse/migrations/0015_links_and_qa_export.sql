-- 0015: links a person can open and cite, and one wide view of the pairs for one-step exports.

-- Per document: the page a reader opens and cites, beside the raw file the pipeline fetched
-- (file_url: an OData `/resource` download or a KOOP .xml, nothing to cite). A Kamerstuk (its
-- KOOP identifier is known, also on a TK record) has its officielebekendmakingen .html page;
-- a TK document has its tweedekamer.nl page, by document number (an inbreng has no Kamerstuk
-- number, so that page is the only one). page_url is the first of the two.
CREATE VIEW v_document_links AS
SELECT document_id,
       CASE WHEN coalesce(koop_id, '') <> ''
            THEN 'https://zoek.officielebekendmakingen.nl/' || koop_id || '.html'
       END AS kamerstuk_url,
       CASE WHEN source = 'tk' AND coalesce(document_number, '') <> ''
            THEN 'https://www.tweedekamer.nl/kamerstukken/detail?id=' || document_number
                 || '&did=' || document_number
       END AS tk_url,
       coalesce(kamerstuk_url, tk_url) AS page_url,
       file_url
FROM documents;

-- One row per pair of v_qa, with everything a spreadsheet needs beside it: the Council meeting
-- (council_meetings, via the document's place in council_meeting_documents), the dates, the
-- links and the parser's verdict on the consultation. Lists are joined into text (", ") so a
-- CSV export reads as is in a spreadsheet. `chamber` is the chamber of the document (TK/EK)
-- as listed today; canonical fracties (issue 18) can be added by a later migration that
-- replaces this view.
CREATE VIEW v_qa_export AS
SELECT q.consultation_id || '#' || q.seq AS pair_id,
       q.consultation_id, q.document_id, q.seq,
       q.fractie, array_to_string(q.parties, ', ') AS parties, d.chamber, q.topic,
       q.question, q.answer, q.question_count, q.answered,
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
