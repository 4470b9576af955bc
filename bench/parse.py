"""Parse speed per reader on the example report (inputs built in memory): MB/s and ms/document.

Run: .venv/bin/python bench/parse.py [repetitions]
"""

import statistics
import sys
import time
from collections.abc import Callable
from functools import partial

from devtools.builders import build_docx_from_text, build_pdf_from_text
from devtools.builders_koop import build_html_from_text, build_koop_xml_from_text
from devtools.recorded import EXAMPLE_REPORT
from parsers.api import parse_document, read_blocks

EXAMPLE = EXAMPLE_REPORT


def _median_ms(fn: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    text = EXAMPLE.read_text(encoding="utf-8")
    inputs = {
        "txt": text.encode("utf-8"),
        "pdf": build_pdf_from_text(text),
        "docx": build_docx_from_text(text),
        "xml": build_koop_xml_from_text(text),
        "html": build_html_from_text(text),
    }
    print(f"example report, median of {reps} runs")
    print(f"{'format':6} {'bytes':>9} {'read ms':>9} {'parse ms':>9} {'MB/s':>8}")
    for fmt, data in inputs.items():
        read_ms = _median_ms(partial(read_blocks, data), reps)
        total_ms = _median_ms(partial(parse_document, data), reps)
        mbps = len(data) / 1e6 / (total_ms / 1000)
        print(f"{fmt:6} {len(data):9d} {read_ms:9.1f} {total_ms:9.1f} {mbps:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
