"""Listed records for many copies of one report: the documents the benchmarks load."""

from datetime import UTC, datetime

from contract.records import KIND_VERSLAG, DocumentRecord


def copy_records(copies: int) -> list[DocumentRecord]:
    """`copies` verslagen "bench:0000", "bench:0001", … of dossier 32317, listed at one time."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        DocumentRecord(f"bench:{i:04d}", "tk", f"{i:04d}", KIND_VERSLAG, None, f"copy {i}",
                       "32317", str(10000 + i), None, None, now, False, "1", None, None)
        for i in range(copies)
    ]  # fmt: skip
