"""Score the parser on the real document openings of tests/fixtures/devset (copied from the
shared dev set), field by field, the way `../shared/tools/score_openings.py` scores `jbz parse`.

Run directly to print every miss: `.venv/bin/python -m tests.devset_score`.
"""

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parsers.api import parse_document
from parsers.model import Consultation

DEVSET = Path(__file__).parent / "fixtures" / "devset"


@dataclass(frozen=True)
class Miss:
    ident: str
    key: str
    got: object
    want: object

    def __str__(self) -> str:
        return f"{self.ident} {self.key}: got {self.got!r} want {self.want!r}"


def devset_ids() -> list[str]:
    return sorted(p.stem for p in (DEVSET / "gold").glob("*.json"))


def devset_text(ident: str) -> str:
    """The document text without the two header lines (SOURCE:, COMPLETE:)."""
    lines = (DEVSET / "docs" / f"{ident}.txt").read_text(encoding="utf-8").split("\n")
    return (
        "\n".join(line for line in lines[:2] if not line.startswith(("SOURCE:", "COMPLETE:")))
        + "\n"
        + "\n".join(lines[2:])
    )


def devset_gold(ident: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEVSET / "gold" / f"{ident}.json").read_text("utf-8"))
    return data


def parse_devset(ident: str) -> Consultation:
    return parse_document(devset_text(ident).encode("utf-8"), name=ident)


def _fractie(s: str | None) -> str:
    s = (s or "").lower().replace("-fractie", "").replace(" en ", "+").replace(" & ", "+")
    return re.sub(r"\s+", " ", s).strip()


def _name(s: object) -> str:
    t = re.sub(r"\s+", " ", str(s or "")).strip().rstrip(",.")
    return re.sub(r"^(de|het)\s+", "", t, flags=re.I).lower()


def wanted(gold: dict[str, Any]) -> dict[str, object]:
    want: dict[str, object] = {}
    want["kind"] = "inbreng" if gold["doc_type"].startswith("inbreng") else "verslag"
    for key in ("dossier", "ondernummer", "date"):
        if gold.get(key):
            want[key] = gold[key]
    source = gold.get("fracties_source") or ""
    if gold.get("fracties_asking_complete") and "table of contents" in source:
        want["toc_fracties"] = [_fractie(x) for x in gold["fracties_asking"]]
    for key in ("committee", "chair", "clerk"):
        if gold.get(key):
            want[key] = _name(gold[key])
    return want


def got(c: Consultation) -> dict[str, object]:
    d = c.document
    return {
        "kind": "inbreng" if "inbreng" in str(d.kind).lower() else "verslag",
        "dossier": d.dossier or "",
        "ondernummer": d.ondernummer or "",
        "date": (d.date or "")[:10],
        "toc_fracties": [_fractie(x) for x in d.toc_fracties],
        "committee": _name(d.committee),
        "chair": _name(d.chair),
        "clerk": _name(d.clerk),
    }


def score(ident: str) -> tuple[int, list[Miss]]:
    want = wanted(devset_gold(ident))
    have = got(parse_devset(ident))
    misses = [Miss(ident, k, have[k], v) for k, v in want.items() if have[k] != v]
    return len(want), misses


def score_all() -> tuple[int, int, list[Miss]]:
    total, misses = 0, []
    for ident in devset_ids():
        n, m = score(ident)
        total += n
        misses += m
    return total - len(misses), total, misses


if __name__ == "__main__":
    ok, total, misses = score_all()
    for miss in misses:
        print(miss)
    print(f"devset: {ok}/{total} fields ({100 * ok / total:.1f}%)")
    sys.exit(0)
