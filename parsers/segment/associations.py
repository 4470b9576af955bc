"""Eerste Kamer fracties that join another fractie's questions instead of asking their own.

"De leden van de D66-fractie sluiten zich aan bij de vragen van de leden van de
GroenLinks-PvdA-fractie. De leden van de BBB-fractie sluiten zich aan bij de vragen van de leden
van de fracties van GroenLinks-PvdA en de VVD." (kst-33328-AI); "De leden van de fracties van de
PvdA, de SP en D66 sluiten zich hierbij aan" (kst-31549-M: the questions just before, unnamed).
"""

from parsers import lexicon as ph
from parsers.model import Association


def _names(text: str) -> tuple[str, ...]:
    """ "de BBB, GroenLinks-PvdA en de VVD" -> ("BBB", "GroenLinks-PvdA", "VVD")."""
    out = []
    for part in ph.ASSOCIATION_LIST_SPLIT_RE.split(text.strip()):
        name = ph.ASSOCIATION_NAME_TRIM_RE.sub("", part.strip(" .")).strip()
        if name and len(name) <= 40:
            out.append(name)
    return tuple(out)


def parse_associations(text: str) -> tuple[Association, ...]:
    found: list[Association] = []
    for m in ph.ASSOCIATION_RE.finditer(text):
        who = _names(m.group("many")) if m.group("many") else _names(m.group("one"))
        joins = _names(ph.ASSOCIATION_LEAD_RE.sub("", m.group("joins"))) if m.group("joins") else ()
        found += [Association(f, joins) for f in who]
    return tuple(dict.fromkeys(found))
