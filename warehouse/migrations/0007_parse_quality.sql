-- The parser's own verdict per consultation, and what it read beyond the first landing:
-- dossier parts, co-dossiers, what decided the kind, the layout, Eerste Kamer associations.
ALTER TABLE consultations ADD COLUMN dossier_number INTEGER;   -- 21501 of "21501-32" (as on documents)
ALTER TABLE consultations ADD COLUMN toevoeging VARCHAR;       -- "32" of "21501-32"
ALTER TABLE consultations ADD COLUMN co_dossiers VARCHAR[];    -- further dossier headers
ALTER TABLE consultations ADD COLUMN kind_evidence VARCHAR;    -- title | template | hint | answers | default
ALTER TABLE consultations ADD COLUMN layout VARCHAR;           -- interleaved | separate_part | questions_only | letter | none
ALTER TABLE consultations ADD COLUMN quality VARCHAR;          -- ok | suspect | failed
ALTER TABLE consultations ADD COLUMN quality_reasons VARCHAR[];

-- "De leden van de D66-fractie sluiten zich aan bij de vragen van de leden van de
-- GroenLinks-PvdA-fractie": joins is empty when the text does not say whose questions.
CREATE TABLE consultation_associations (
    consultation_id VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    fractie         VARCHAR NOT NULL,
    joins           VARCHAR[] NOT NULL,
    PRIMARY KEY (consultation_id, position)
);

-- Every document a person should look at: parses that are not "ok" (with the parser's reasons),
-- and files that could not be parsed at all (the error as the reason), also when an earlier
-- file of the same document parsed and stays loaded (its consultation is of another sha256).
CREATE VIEW v_parse_quality AS
SELECT c.document_id, d.title, c.kind, c.quality AS verdict, c.quality_reasons AS reasons,
       c.layout, c.pair_count, c.issue_count, c.parsed_at
FROM consultations c
LEFT JOIN documents d USING (document_id)
WHERE coalesce(c.quality, 'suspect') <> 'ok'
UNION ALL
SELECT e.document_id, d.title, d.kind, 'failed' AS verdict, list(DISTINCT e.code) AS reasons,
       NULL AS layout, 0 AS pair_count, count(*) AS issue_count, max(e.recorded_at) AS parsed_at
FROM parse_issues e
LEFT JOIN documents d USING (document_id)
WHERE e.code IN ('parse_error', 'parser_crash')
  AND NOT EXISTS (
      SELECT 1 FROM consultations c WHERE c.document_id = e.document_id AND c.sha256 = e.sha256)
GROUP BY e.document_id, d.title, d.kind;
