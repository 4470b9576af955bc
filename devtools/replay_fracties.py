"""The replay server's TK OData `Fractie` collection, from the recorded entity set
(samples/tk_odata_Fractie_snapshot_20260928.fractie_changes.jsonl: every row of the live set of
2026-09-28 in another warehouse's column names, times in UTC). Served in the API's names with
the API's local dates ("2023-10-27T00:00:00+02:00"): DERIVED from the recording, not a recorded
response. Served by replay_odata.collection_page, checked and paged as `Document` is."""

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

FRACTIE_FILE = "tk_odata_Fractie_snapshot_20260928.fractie_changes.jsonl"
# the recording's column -> the API's field
_API_NAMES = {
    "id": "Id", "deleted": "Verwijderd", "nummer": "Nummer", "afkorting": "Afkorting",
    "naam_nl": "NaamNL", "naam_en": "NaamEN", "aantal_zetels": "AantalZetels",
    "datum_actief": "DatumActief", "datum_inactief": "DatumInactief",
    "source_updated": "GewijzigdOp", "api_updated": "ApiGewijzigdOp",
}  # fmt: skip
_DATES = ("DatumActief", "DatumInactief")


def _local_midnight(utc: str | None) -> str | None:
    """The API's value of a recorded UTC time: the calendar date (UTC + 2 h, as the recording's
    README says) at local midnight, "+02:00"."""
    if utc is None:
        return None
    day = (datetime.fromisoformat(utc) + timedelta(hours=2)).date()
    return f"{day.isoformat()}T00:00:00+02:00"


def load_fracties(samples: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (samples / FRACTIE_FILE).read_text("utf-8").splitlines()]
    out = []
    for row in rows:
        record = {api: row.get(col) for col, api in _API_NAMES.items()}
        for name in _DATES:
            record[name] = _local_midnight(record[name])
        out.append(record)
    return out
