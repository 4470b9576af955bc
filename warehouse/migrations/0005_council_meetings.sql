-- 0005: each EU Council meeting as one record, the documents that belong to it, and its timeline.
-- Both tables are derived data: warehouse/councils.py rebuilds them whole after every load from
-- documents (titles, dates, kinds) and the parsed subjects, so a better rule fixes old rows too.

CREATE TABLE council_meetings (
    meeting_id  VARCHAR PRIMARY KEY,   -- "jbz-raad-2024-12-12": council and first day
    council     VARCHAR NOT NULL,      -- one name however printed: "JBZ-Raad", "Raad Algemene Zaken"
    informal    BOOLEAN NOT NULL,      -- a title said "informele" / "iJBZ-Raad"
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,         -- = starts_on for a one-day meeting
    place       VARCHAR                -- where a title says ("Kopenhagen"), else NULL
);

-- UNIQUE (document_id): a document belongs to one meeting at most.
CREATE TABLE council_meeting_documents (
    meeting_id  VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL UNIQUE,
    role        VARCHAR NOT NULL,      -- agenda | inbreng | verslag | council_report | debate
    PRIMARY KEY (meeting_id, document_id)
);

-- One row per meeting: its annotated agenda, the written consultation (inbreng, verslagen with
-- the answers), the government's report afterwards and any commissiedebat report, with dates.
-- A document listed by TK and KOOP is one Kamerstuk ("32317-909"): lists hold each once, an
-- inbreng (no Kamerstuk number) is named by its TK document number ("2024D49082"). The dates are
-- the sources' document dates (the first one of each role). Pairs and fracties come from the
-- consultations a reader sees (v_consultations: one copy per report, an inbreng only until its
-- verslag is in), so an answered question is not counted twice.
CREATE VIEW v_council_timeline AS
WITH docs AS (
    SELECT l.meeting_id, l.role, l.document_id, d.dossier, d.document_date,
           coalesce(d.dossier || '-' || d.ondernummer, d.document_number, l.document_id) AS label
    FROM council_meeting_documents l
    JOIN documents d USING (document_id)
    WHERE NOT d.deleted
),
per_meeting AS (
    SELECT meeting_id,
           list(DISTINCT dossier ORDER BY dossier) FILTER (WHERE dossier IS NOT NULL) AS dossiers,
           string_agg(DISTINCT label, ', ' ORDER BY label) FILTER (WHERE role = 'agenda') AS agenda,
           min(document_date) FILTER (WHERE role = 'agenda') AS agenda_date,
           list(DISTINCT label ORDER BY label) FILTER (WHERE role = 'inbreng') AS inbreng,
           min(document_date) FILTER (WHERE role = 'inbreng') AS inbreng_date,
           list(DISTINCT label ORDER BY label) FILTER (WHERE role = 'verslag') AS verslagen,
           min(document_date) FILTER (WHERE role = 'verslag') AS answers_date,
           string_agg(DISTINCT label, ', ' ORDER BY label) FILTER (WHERE role = 'council_report')
               AS council_report,
           min(document_date) FILTER (WHERE role = 'council_report') AS report_date,
           list(DISTINCT label ORDER BY label) FILTER (WHERE role = 'debate') AS debates
    FROM docs
    GROUP BY meeting_id
),
seen AS (
    SELECT l.meeting_id, c.consultation_id, c.pair_count
    FROM council_meeting_documents l
    JOIN v_consultations c USING (document_id)
),
pairs AS (
    SELECT meeting_id, sum(pair_count)::BIGINT AS pairs FROM seen GROUP BY meeting_id
),
asked AS (
    SELECT s.meeting_id, list(DISTINCT p.fractie ORDER BY p.fractie) AS fracties
    FROM seen s
    JOIN qa_pairs p USING (consultation_id)
    GROUP BY s.meeting_id
)
SELECT m.meeting_id, m.council, m.informal, m.starts_on, m.ends_on, m.place, d.dossiers,
       d.agenda, d.agenda_date, d.inbreng, d.inbreng_date, d.verslagen, d.answers_date,
       d.council_report, d.report_date, d.debates,
       coalesce(p.pairs, 0) AS pairs, coalesce(a.fracties, []::VARCHAR[]) AS fracties,
       date_diff('day', d.agenda_date, d.answers_date) AS days_agenda_to_answers
FROM council_meetings m
LEFT JOIN per_meeting d USING (meeting_id)
LEFT JOIN pairs p USING (meeting_id)
LEFT JOIN asked a USING (meeting_id)
ORDER BY m.starts_on, m.council;
