"""Recorded inputs shipped as package data, so `jbz demo` runs from an installed wheel.

`samples/`: real payloads of the TK OData API and KOOP (see samples/README.md); the example
report: the text of the verslag on the JBZ-Raad of 8-9 December 2022 (the parser's reference
document; its hand-checked annotation is in tests/fixtures/corpus/gold/).
"""

from pathlib import Path

RECORDED = Path(__file__).resolve().parent
SAMPLES = RECORDED / "samples"
EXAMPLE_REPORT = RECORDED / "schriftelijk-overleg-jbz-2022-12-08.txt"
