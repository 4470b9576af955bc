"""Shortcuts the parser takes for speed give what the plain rule gives: each is checked against
the rule it stands for (a pattern, or a call per line) on many generated inputs."""

import random
import re

from parsers.lexicon.fracties import MEMBERS_RE as _MEMBERS_RE
from parsers.lexicon.questions import ASKING_RE as _ASKING_RE
from parsers.lexicon.referrals import POINTER_RE as _POINTER_RE
from parsers.segment.build import _QUESTION_END_RE, question_count
from parsers.segment.crossrefs import (
    _SENTENCE_RE,
    _may_point,
    _sentences_with_pointer_words,
)
from parsers.segment.headings import (
    _may_end_in_fractie,
    _may_have_suffix,
    _may_lead,
    _may_name_members,
)
from parsers.segment.interleaved import question_like
from parsers.segment.markers import (
    _STOP_RE,
    _WORD_RE,
    _YEAR_RE,
    _candidates,
    _lines_with_digits,
)
from parsers.segment.units import Unit, flatten, flatten_all, join_lines


def test_flatten_all_is_flatten_of_each_text() -> None:
    """`flatten_all` looks at the texts joined; it must give `flatten` of each one, whichever
    texts hold runs of spaces, tabs or no-break spaces (and wherever they sit in the list)."""
    pieces = ["a", "b c", "d  e", "f\tg", "h\u00a0i", "j   k", "EU-", "-", "é", "12"]
    rng = random.Random(7)
    for _ in range(2000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))) for _ in range(5)]
        assert flatten_all(texts) == [flatten(t) for t in texts], texts
    assert flatten_all(["32317-790       JBZ-Raad", "flat", "a  b"]) == [
        "32317-790 JBZ-Raad",
        "flat",
        "a b",
    ]


def test_lines_with_digits_are_those_a_per_line_search_finds() -> None:
    pieces = ["Brekelmans1", "jl.12", "geen", "", "2019", "x 7", "é", "nr. 790", "a"]
    rng = random.Random(3)
    for _ in range(2000):
        texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(6)]
        expected = [i for i, t in enumerate(texts) if re.search("[0-9]", t)]
        assert _lines_with_digits(texts) == expected, texts


def test_question_count_counts_the_pattern_matches() -> None:
    pieces = ["?", "??", "a", " ", "x?y", '"', "”", ")", "\u00a0", "\t", "vraag", "."]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert question_count(text) == len(_QUESTION_END_RE.findall(text)), text


def test_question_like_is_the_pattern_on_the_joined_lines() -> None:
    pieces = ["Zij vragen de leden", "horen graag", "VRAGEN HET LID", "verzoekt zij", "tekst", "?"]
    pieces += ["antwoord.", "graag toegelicht", "zo vragen", "vraagt dit lid", "EU-", ""]
    rng = random.Random(9)
    for _ in range(2000):
        texts = [rng.choice(pieces) for _ in range(rng.randint(1, 4))]
        units = [Unit(t or "x", i + 1, False, pos=i) for i, t in enumerate(texts)]
        expected = bool(_ASKING_RE.search(join_lines([u.text for u in units])))
        assert question_like(units) == expected, texts


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern, or of its first group when it is one group
    followed by more ("^(?:A|B)\\s+van")."""
    if pattern.startswith("^(?:"):
        depth, end = 0, 0
        for k, ch in enumerate(pattern[1:], start=1):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                end = k
                break
        pattern = pattern[4:end]
    out, depth, start = [], 0, 0
    for k, ch in enumerate(pattern):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
    return [*out, pattern[start:]]


def test_substring_gates_cover_every_wording_of_their_patterns() -> None:
    """A wording added to a gated pattern must hold a word its gate looks for (`question_like`,
    `headings._may_lead`, `_may_name_members`, `crossrefs._may_point`), or the gate would hide
    it; where the words sit inside a pattern, the test pins them."""
    from parsers.lexicon import fracties as ph

    asking = _alternatives(_ASKING_RE.pattern)
    assert len(asking) >= 5
    for alt in asking:
        low = alt.lower()
        assert "?" in low or "vra" in low or "verzoek" in low or "graag" in low, alt
    leads = _alternatives(ph.SECTION_LEAD_RE.pattern)
    assert len(leads) >= 5
    for alt in leads:  # the gate itself, on each wording's pattern text
        assert _may_lead(alt.lower()), alt
    for alt in _alternatives(_MEMBERS_RE.pattern):
        assert _may_name_members(alt), alt
    for alt in _alternatives(_POINTER_RE.pattern):  # also what the pointer sentences look for
        assert _may_point(alt), alt
    # `headings._may_have_suffix` and `_may_end_in_fractie` know these words of the patterns
    assert "(?:reactie|antwoord(?:en)?)" in ph.SECTION_SUFFIX_RE.pattern
    assert ph.SECTION_NAME_FRACTIE_RE.pattern.endswith("fractie:?$")


def _candidates_by_search(text: str) -> list[tuple[int, int, int, bool]]:
    """The rule `_candidates` implements: each pattern searched over the whole text."""
    found: dict[int, tuple[int, int, int, bool]] = {}
    for rx in (_WORD_RE, _STOP_RE):
        for m in rx.finditer(text):
            found[m.start(1)] = (m.start(1), m.end(1), int(m.group(1)), False)
    for m in _YEAR_RE.finditer(text):
        found.setdefault(m.start(2), (m.start(2), m.end(2), int(m.group(2)), True))
    return [found[k] for k in sorted(found)]


def test_marker_candidates_are_those_of_a_search_of_the_whole_line() -> None:
    pieces = ["Brekelmans", "jl.", "1", "12", "2019", "13", "201913", "20191", "1999"]
    pieces += [" ", ",", ".", ")", "a", "Q", "é", "/", "”"]
    rng = random.Random(4)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert _candidates(text) == _candidates_by_search(text), text


def test_members_gate_lets_through_every_text_the_pattern_matches() -> None:
    pieces = ["FRACT", "fract", "İE", "IE", "ie", "ıe", "L", "l", "İD", "ID", "ıd", "EDEN"]
    pieces += [" ", "x"]
    rng = random.Random(6)
    matched = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        if _MEMBERS_RE.search(text):
            matched += 1
            assert _may_name_members(text), text
    assert matched > 200


def test_pointer_sentences_are_those_of_the_sentence_walk() -> None:
    pieces = ["Zie het antwoord", "verwijst", "Verwijzen", "ANTWOORD", ".", "?", "!", "...", " "]
    pieces += ["de vraag", "İ", "beantwoording", "x", "verw"]
    rng = random.Random(2)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        walk = [(m.start(), m.group(0)) for m in _SENTENCE_RE.finditer(text) if _may_point(m[0])]
        assert _sentences_with_pointer_words(text) == walk, text
        found += bool(walk) and "İ" not in text  # the path that looks from the words
    assert found > 500


def test_heading_gates_let_through_every_text_their_patterns_match() -> None:
    """`headings._may_have_suffix` and `_may_end_in_fractie` skip two patterns on most lines;
    every text a pattern matches must pass its gate (cases, "İ" and "ı" included)."""
    from parsers import lexicon as ph

    pieces = ["VVD", "-fractie", " fractie", "-FRACTİE", "-fractıe", ":", "de ", "x", " van "]
    pieces += [" en reactie van de minister", " EN ANTWOORDEN VAN HET kabinet", " en antwoord"]
    pieces += [" en en REACTİE van de", " en reactıe van het", " en Antwoord van de"]
    rng = random.Random(13)
    suffixes = names = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        if ph.SECTION_SUFFIX_RE.search(text):
            suffixes += 1
            assert _may_have_suffix(text.lower()), text
        if ph.SECTION_NAME_FRACTIE_RE.match(text):
            names += 1
            assert _may_end_in_fractie(text), text
    assert suffixes > 500 and names > 200
