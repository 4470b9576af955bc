-- 0009: files that never come, and a chamber the source may not say.
-- A listed document whose file the source does not serve (HTTP 204 or 404, a JSON error with
-- status 200, an error page, a body shorter than announced, over the size limit, a redirect to
-- a host not allowed) is recorded here, not stored as its file, and retried by id on later runs
-- without holding the listing cursor back (SOURCES.md section 5). After JBZ_MISSING_AFTER_DAYS
-- the run marks it `missing_at_source` and retries it weekly. A file that comes is deleted here.
CREATE TABLE missing_files (
    document_id     VARCHAR PRIMARY KEY,
    reason          VARCHAR NOT NULL,      -- the last failure, as the run summary printed it
    url             VARCHAR,               -- the URL that failed last
    first_failed_at TIMESTAMP NOT NULL,
    last_tried_at   TIMESTAMP NOT NULL,
    attempts        INTEGER NOT NULL,
    status          VARCHAR NOT NULL       -- retrying | missing_at_source
);

CREATE VIEW v_missing_files AS
SELECT m.document_id, d.title, d.kind, d.soort, d.dossier, d.document_date, m.status, m.reason,
       m.url, m.first_failed_at, m.last_tried_at, m.attempts,
       date_diff('day', m.first_failed_at, m.last_tried_at) AS days_missing
FROM missing_files m
LEFT JOIN documents d USING (document_id)
ORDER BY m.status DESC, m.first_failed_at;

-- v5 `$metadata` may lack `Kamer` (an optional field): the chamber is then unknown, not 'TK'.
ALTER TABLE documents ALTER COLUMN chamber DROP NOT NULL;
