-- 0006: the published snapshot (warehouse/publish.py) copies raw_files without the bytes, so
-- `data` may be NULL there; the pipeline's working database always stores them.
ALTER TABLE raw_files ALTER COLUMN data DROP NOT NULL;
