"""pypdf against pypdfium2 on the same PDF (the example report built as a PDF), side by side:
extraction time, how much of the source text comes back, and what the parser makes of it.

Run: .venv/bin/python bench/pdf_readers.py [repetitions]   (pypdfium2 must be installed:
`.venv/bin/pip install pypdfium2`; it is not a dependency of the product).
"""

import difflib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from devtools.builders import build_pdf_from_text
from parsers.consultation import parse_blocks
from parsers.readers.pdf import PAGE_SEPARATOR, extract_pdf_text
from parsers.readers.text import read_text

EXAMPLE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"
TEXT = (EXAMPLE / "schriftelijk-overleg-jbz-2022-12-08.txt").read_text(encoding="utf-8")


def pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    pages = [doc[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(doc))]
    return PAGE_SEPARATOR.join(p.rstrip("\n") for p in pages)


def median_ms(fn: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def words_kept(text: str) -> float:
    src, got = TEXT.split(), text.split()
    return difflib.SequenceMatcher(None, src, got, autojunk=False).ratio()


def main() -> int:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    data = build_pdf_from_text(TEXT)
    print(f"example report as PDF: {len(data)} bytes, median of {reps} runs")
    print(f"{'reader':10} {'ms':>8} {'words kept':>11} {'pairs':>6} {'answered':>9}")
    for name, fn in (("pypdf", extract_pdf_text), ("pypdfium2", pdfium_text)):
        try:
            text = fn(data)
        except ImportError:
            print(f"{name:10} not installed")
            continue
        ms = median_ms(lambda f=fn: f(data), reps)  # type: ignore[misc]
        c = parse_blocks(read_text(text), source_format="pdf")
        answered = sum(1 for p in c.pairs if p.answer)
        print(f"{name:10} {ms:8.1f} {words_kept(text):11.4f} {len(c.pairs):6d} {answered:9d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
