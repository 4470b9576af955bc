"""The Eerste Kamer letter layout: a committee letter with numbered questions ("BRIEF VAN DE
VOORZITTER VAN DE VASTE COMMISSIE VOOR …", kst-33328-AI) and the minister's answer letter
("BRIEF VAN DE MINISTER VAN …") as the answer part; letter furniture ("Den Haag, …",
"Hoogachtend,", signatures) is kept as headings (`events.LETTER`).

Its pairing step is that of the layout its parts have (`layouts.pair_as_parts`): the answer
letter is an answer part (`answer_part.py`); a letter with no answer pairs as questions only.
"""

from collections.abc import Sequence

from parsers.segment.events import LETTER, Event


def is_letter(events: Sequence[Event]) -> bool:
    """The letter layout's test: any letter heading or letter line in the body."""
    return any(ev.kind == LETTER for ev in events)
