-- 0001: the tables. Keys are the sources' own identifiers; children of a consultation are keyed
-- on (consultation_id, position) and replaced as a whole when a document is parsed again.
-- No FOREIGN KEY constraints: DuckDB refuses to update a referenced parent row, and every write
-- goes through warehouse/*.py, which replaces a document's rows inside one transaction.
-- Timestamps are UTC without time zone (TIMESTAMP), so pandas and the DuckDB CLI read them as is.

CREATE TABLE documents (
    document_id     VARCHAR PRIMARY KEY,   -- "tk:<GUID>" or "koop:<identifier>"
    source          VARCHAR NOT NULL,      -- "tk" | "koop"
    source_id       VARCHAR NOT NULL,
    kind            VARCHAR,               -- warehouse.records.ALL_KINDS
    soort           VARCHAR,
    title           VARCHAR,
    dossier         VARCHAR,
    ondernummer     VARCHAR,
    document_number VARCHAR,
    document_date   DATE,
    modified_at     TIMESTAMP,
    deleted         BOOLEAN NOT NULL DEFAULT false,
    version         VARCHAR,
    koop_id         VARCHAR,
    file_url        VARCHAR,
    chamber         VARCHAR NOT NULL DEFAULT 'TK',
    raw_json        VARCHAR,
    first_seen_at   TIMESTAMP NOT NULL,
    last_seen_at    TIMESTAMP NOT NULL,
    changed_at      TIMESTAMP NOT NULL,    -- last time the listed metadata changed
    deleted_at      TIMESTAMP
);

CREATE TABLE raw_files (
    sha256          VARCHAR PRIMARY KEY,   -- hex digest of data
    fmt             VARCHAR NOT NULL,      -- sniffed from the bytes
    size            BIGINT NOT NULL,
    data            BLOB NOT NULL,         -- the bytes exactly as received
    stored_at       TIMESTAMP NOT NULL
);

CREATE TABLE document_files (
    document_id     VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    fetched_at      TIMESTAMP NOT NULL,    -- first fetch of these bytes for this document
    last_fetched_at TIMESTAMP NOT NULL,    -- latest fetch: the newest file has the greatest
    url             VARCHAR,
    content_type    VARCHAR,
    version         VARCHAR,
    PRIMARY KEY (document_id, sha256)
);

CREATE TABLE consultations (
    consultation_id VARCHAR PRIMARY KEY,   -- equal to document_id (one consultation per document)
    document_id     VARCHAR NOT NULL UNIQUE,
    kind            VARCHAR NOT NULL,      -- parsers.model KIND_VERSLAG / KIND_INBRENG
    dossier         VARCHAR,
    ondernummer     VARCHAR,
    title           VARCHAR,
    report_date     DATE,                  -- "Vastgesteld …"
    council_dates   VARCHAR,               -- as parsed: "2022-12-08/2022-12-09" or one date
    council_date    DATE,                  -- first day of the Council meeting
    council_end     DATE,                  -- last day (= council_date for one-day meetings)
    committee       VARCHAR,
    chair           VARCHAR,
    clerk           VARCHAR,
    addressee       VARCHAR,
    toc_fracties    VARCHAR[],
    agenda_key      VARCHAR,               -- matches an inbreng with its verslag (see README)
    pair_count      INTEGER NOT NULL,
    unassigned_count INTEGER NOT NULL,
    issue_count     INTEGER NOT NULL,
    source_format   VARCHAR,
    parser_version  VARCHAR,
    sha256          VARCHAR NOT NULL,      -- the raw file this parse came from
    parsed_at       TIMESTAMP NOT NULL
);

CREATE TABLE consultation_subjects (
    consultation_id VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    title           VARCHAR,
    kamerstukken    VARCHAR[],
    zaak            VARCHAR,
    PRIMARY KEY (consultation_id, position)
);

CREATE TABLE sections (
    consultation_id VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    fractie         VARCHAR NOT NULL,
    parties         VARCHAR[],
    heading         VARCHAR,
    singular_member BOOLEAN,
    line            INTEGER,
    PRIMARY KEY (consultation_id, position)
);

CREATE TABLE qa_pairs (
    consultation_id VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    fractie         VARCHAR NOT NULL,
    parties         VARCHAR[],             -- of the fractie's section ("PvdA", "GroenLinks")
    topic           VARCHAR,
    question        VARCHAR NOT NULL,
    answer          VARCHAR,               -- NULL in an inbreng
    question_count  INTEGER NOT NULL,
    answer_line     INTEGER,
    PRIMARY KEY (consultation_id, seq)
);

CREATE TABLE answer_references (
    consultation_id VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,      -- the referring pair
    n               INTEGER NOT NULL,      -- 1, 2, … per pair, in order of mention
    ref_fractie     VARCHAR NOT NULL,
    ref_seq         INTEGER,               -- the pair referred to, when resolved
    PRIMARY KEY (consultation_id, seq, n)
);

CREATE TABLE footnotes (
    consultation_id VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    text            VARCHAR,
    line            INTEGER,
    PRIMARY KEY (consultation_id, n)
);

CREATE TABLE pair_footnotes (
    consultation_id VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    footnote_n      INTEGER NOT NULL,
    PRIMARY KEY (consultation_id, seq, footnote_n)
);

CREATE TABLE kamerstuk_references (
    consultation_id VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    kamerstuk       VARCHAR NOT NULL,      -- "32317-790", "36200-VI-24" (dossier[-toevoeging]-nr)
    dossier         VARCHAR NOT NULL,
    toevoeging      VARCHAR,
    ondernummer     VARCHAR,
    text            VARCHAR,
    PRIMARY KEY (consultation_id, n)
);

CREATE TABLE unassigned_text (
    consultation_id VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    text            VARCHAR,
    line            INTEGER,
    PRIMARY KEY (consultation_id, n)
);

CREATE TABLE parse_issues (
    document_id     VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    code            VARCHAR NOT NULL,
    message         VARCHAR,
    line            INTEGER,
    sha256          VARCHAR,
    recorded_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (document_id, n)
);

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    params          VARCHAR,               -- JSON
    summary         VARCHAR                -- JSON
);

CREATE TABLE sync_state (
    source          VARCHAR PRIMARY KEY,
    cursor          VARCHAR NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
