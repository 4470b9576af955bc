"""Parse speed per reader on the example report (inputs built in memory): MB/s and ms/document;
then pypdf against pypdfium2 on the same PDF, side by side: extraction time, how much of the
source text comes back, and what the parser makes of it.

Run: .venv/bin/python bench/parse.py [repetitions]   (for the PDF comparison pypdfium2 must be
installed: `.venv/bin/pip install pypdfium2`; it is not a dependency of the product).
"""

import difflib
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial

from devtools.builders import build_docx_from_text, build_pdf_from_text
from devtools.builders_koop import build_html_from_text, build_koop_xml_from_text
from devtools.recorded import EXAMPLE_REPORT
from parsers.api import parse_document, read_blocks
from parsers.consultation import parse_blocks
from parsers.readers.pdf import PAGE_SEPARATOR, extract_pdf_text
from parsers.readers.text import read_text

EXAMPLE = EXAMPLE_REPORT


def _times_ms(fn: Callable[[], object], reps: int) -> list[float]:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _median_ms(fn: Callable[[], object], reps: int) -> float:
    return statistics.median(_times_ms(fn, reps))


def main() -> int:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    text = EXAMPLE.read_text(encoding="utf-8")
    inputs = {
        "txt": text.encode("utf-8"),
        "pdf": build_pdf_from_text(text),
        "docx": build_docx_from_text(text),
        "xml": build_koop_xml_from_text(text),
        "html": build_html_from_text(text),
    }
    # the minimum is what the code costs; a busy shared host only ever adds to a run, so the
    # median (from which MB/s is figured) moves with the neighbours
    print(f"example report, {reps} runs each (MB/s from the median)")
    print(f"{'format':6} {'bytes':>9} {'read ms':>9} {'min ms':>9} {'median ms':>9} {'MB/s':>8}")
    for fmt, data in inputs.items():
        read_ms = _median_ms(partial(read_blocks, data), reps)
        times = _times_ms(partial(parse_document, data), reps)
        total_ms = statistics.median(times)
        mbps = len(data) / 1e6 / (total_ms / 1000)
        fastest = min(times)
        print(f"{fmt:6} {len(data):9d} {read_ms:9.1f} {fastest:9.1f} {total_ms:9.1f} {mbps:8.2f}")
    compare_pdf_readers(text, inputs["pdf"], reps)
    return 0


def pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    pages = [doc[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(doc))]
    return PAGE_SEPARATOR.join(p.rstrip("\n") for p in pages)


def compare_pdf_readers(source: str, data: bytes, reps: int) -> None:
    print(f"\nPDF text extraction, same file ({len(data)} bytes)")
    print(f"{'reader':10} {'ms':>8} {'words kept':>11} {'pairs':>6} {'answered':>9}")
    for name, fn in (("pypdf", extract_pdf_text), ("pypdfium2", pdfium_text)):
        try:
            text = fn(data)
        except ImportError:
            print(f"{name:10} not installed")
            continue
        ms = _median_ms(partial(fn, data), reps)
        kept = difflib.SequenceMatcher(None, source.split(), text.split(), autojunk=False).ratio()
        c = parse_blocks(read_text(text), source_format="pdf")
        answered = sum(1 for p in c.pairs if p.answer)
        print(f"{name:10} {ms:8.1f} {kept:11.4f} {len(c.pairs):6d} {answered:9d}")


if __name__ == "__main__":
    raise SystemExit(main())
