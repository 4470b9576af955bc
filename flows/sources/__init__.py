"""The public sources: the only code that talks HTTP (through flows.sources.http.HttpClient).

- tk_odata: `iter_tk_documents` and the other listings (queries in tk_queries); tk_records:
  `read_tk_record`; tk_files: `fetch_tk_file`
- koop: `iter_koop_records`, `fetch_koop_file`, `parse_sru_page`, `read_koop_record`
- classify: `classify_document(soort, onderwerp) -> kind`
- cursor: `next_cursor`, `listing_start`, `format_cursor`, `parse_cursor`

- check + probes: the lines of `jbz check-source` (flows/check_cmd.py asks every source)
- http: `HttpClient`, `SourceError` and its kinds (`SourceUnavailable`, `HostNotAllowed`,
  `SoftNotFound`, `TooLarge`, `BadResponse`)

Sources build `contract` records and know nothing of the warehouse.

May import: contract, parsers, flows.config.
"""
