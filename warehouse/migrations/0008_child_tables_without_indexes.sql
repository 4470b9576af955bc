-- 0008: the rows of a consultation (and the parse issues of a document) without PRIMARY KEY.
--
-- Why: DuckDB keeps a PRIMARY KEY as an ART index, a second copy of the key that every insert,
-- delete and commit maintains and that each checkpoint writes out whole; on a batched reparse
-- of 1,000 documents (bench/load.py) these indexes took about half of the time. The keys are
-- unique by construction, not by lookup: a document's rows are always deleted and inserted
-- together in one transaction (warehouse/consultations.py), numbered by the loader (position, n)
-- or checked there (a pair `seq` given twice refuses the document before the transaction;
-- footnote numbers and a pair's footnotes are made unique). tests/test_warehouse_batch.py
-- checks that no key is doubled after loading and reloading. `consultations` keeps its keys:
-- one row per document, so its index is small, and it guards one consultation per document.
-- DuckDB cannot drop a constraint: each table is copied into one without, in the same column
-- order (the loader inserts by position), and renamed. Views bind by name, so they still work.

CREATE TABLE consultation_subjects_0008 (
    consultation_id VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    title           VARCHAR,
    kamerstukken    VARCHAR[],
    zaak            VARCHAR
);
INSERT INTO consultation_subjects_0008 SELECT * FROM consultation_subjects;
DROP TABLE consultation_subjects;
ALTER TABLE consultation_subjects_0008 RENAME TO consultation_subjects;

CREATE TABLE sections_0008 (
    consultation_id VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    fractie         VARCHAR NOT NULL,
    parties         VARCHAR[],
    heading         VARCHAR,
    singular_member BOOLEAN,
    line            INTEGER
);
INSERT INTO sections_0008 SELECT * FROM sections;
DROP TABLE sections;
ALTER TABLE sections_0008 RENAME TO sections;

CREATE TABLE qa_pairs_0008 (
    consultation_id VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    fractie         VARCHAR NOT NULL,
    parties         VARCHAR[],             -- of the fractie's section ("PvdA", "GroenLinks")
    topic           VARCHAR,
    question        VARCHAR NOT NULL,
    answer          VARCHAR,               -- NULL in an inbreng
    question_count  INTEGER NOT NULL,
    answer_line     INTEGER
);
INSERT INTO qa_pairs_0008 SELECT * FROM qa_pairs;
DROP TABLE qa_pairs;
ALTER TABLE qa_pairs_0008 RENAME TO qa_pairs;

CREATE TABLE answer_references_0008 (
    consultation_id VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,      -- the referring pair
    n               INTEGER NOT NULL,      -- 1, 2, … per pair, in order of mention
    ref_fractie     VARCHAR NOT NULL,
    ref_seq         INTEGER                -- the pair referred to, when resolved
);
INSERT INTO answer_references_0008 SELECT * FROM answer_references;
DROP TABLE answer_references;
ALTER TABLE answer_references_0008 RENAME TO answer_references;

CREATE TABLE footnotes_0008 (
    consultation_id VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    text            VARCHAR,
    line            INTEGER
);
INSERT INTO footnotes_0008 SELECT * FROM footnotes;
DROP TABLE footnotes;
ALTER TABLE footnotes_0008 RENAME TO footnotes;

CREATE TABLE pair_footnotes_0008 (
    consultation_id VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    footnote_n      INTEGER NOT NULL
);
INSERT INTO pair_footnotes_0008 SELECT * FROM pair_footnotes;
DROP TABLE pair_footnotes;
ALTER TABLE pair_footnotes_0008 RENAME TO pair_footnotes;

CREATE TABLE kamerstuk_references_0008 (
    consultation_id VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    kamerstuk       VARCHAR NOT NULL,      -- "32317-790", "36200-VI-24" (dossier[-toevoeging]-nr)
    dossier         VARCHAR NOT NULL,
    toevoeging      VARCHAR,
    ondernummer     VARCHAR,
    text            VARCHAR
);
INSERT INTO kamerstuk_references_0008 SELECT * FROM kamerstuk_references;
DROP TABLE kamerstuk_references;
ALTER TABLE kamerstuk_references_0008 RENAME TO kamerstuk_references;

CREATE TABLE unassigned_text_0008 (
    consultation_id VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    text            VARCHAR,
    line            INTEGER
);
INSERT INTO unassigned_text_0008 SELECT * FROM unassigned_text;
DROP TABLE unassigned_text;
ALTER TABLE unassigned_text_0008 RENAME TO unassigned_text;

CREATE TABLE consultation_associations_0008 (
    consultation_id VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    fractie         VARCHAR NOT NULL,
    joins           VARCHAR[] NOT NULL
);
INSERT INTO consultation_associations_0008 SELECT * FROM consultation_associations;
DROP TABLE consultation_associations;
ALTER TABLE consultation_associations_0008 RENAME TO consultation_associations;

CREATE TABLE parse_issues_0008 (
    document_id     VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    code            VARCHAR NOT NULL,
    message         VARCHAR,
    line            INTEGER,
    sha256          VARCHAR,
    recorded_at     TIMESTAMP NOT NULL
);
INSERT INTO parse_issues_0008 SELECT * FROM parse_issues;
DROP TABLE parse_issues;
ALTER TABLE parse_issues_0008 RENAME TO parse_issues;
