"""The interleaved layout's pairing step (`layouts.LAYOUTS`), on the events of `events.py`.

INTERLEAVED layout (each question block is followed by "Antwoord" and the answer):
the text between two "Antwoord" lines of a section is answer paragraphs followed by the next
question paragraphs. The last paragraph before an "Antwoord" always belongs to the question;
earlier paragraphs join it, walking backwards, while they read like questions (a "?" or an asking
phrase: "vragen de leden", "horen graag", "Graag een reactie"), but the first paragraph after an
"Antwoord" is always answer. A topic subheading or fractie heading ends an answer; a subheading
inside a question block (the Volt intro "De leden van de Volt-fractie hebben kennisgenomen …",
then "Ministeriële bijeenkomsten …") only sets the topic. When the text between two "Antwoord"
lines is a single paragraph (PDF text without blank separator lines), it is cut where a line ends
a sentence and the next starts one, and the same backward walk runs over those pieces, also
taking pieces that open like a question ("De leden …", "Deze leden …", "Kan …", "Welke …").

The separate-answer layout pairs in `answer_part.py`, questions only (inbreng) in
`questions_only.py`, an Eerste Kamer letter as its parts say (`layouts.py`).

WITHOUT FRACTIE HEADINGS (reports organised by topic, a shared "Inleiding" before the fractie
headings, Eerste Kamer letters): where no fractie heading is in force, a paragraph that names its
speaker ("De leden van de VVD-fractie vragen …") opens a question block of that fractie under the
current topic; the paragraphs after it ("Deze leden …") stay with it until another speaker, a
topic or a fractie heading. A paragraph with no speaker and no fractie in force is unassigned.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.lexicon.questions import ASKING_RE, QUESTION_OPENING_RE
from parsers.segment.events import ANSWER, PARA, PART, SECTION, TOPIC, Event
from parsers.segment.headings import speaker, topic_name
from parsers.segment.paired import Draft, Paired
from parsers.segment.units import Unit, join_lines, sentence_boundary


@dataclass
class _State:
    fractie: str | None = None
    topic: str | None = None
    question: list[Unit] = field(default_factory=list)
    answer: list[list[Unit]] | None = None  # answer paragraphs while after an "Antwoord"
    answer_line: int | None = None
    topic_at_answer: str | None = None
    by_heading: bool = False  # the fractie comes from a fractie heading, not from a speaker
    drafts: list[Draft] = field(default_factory=list)
    orphans: list[Unit] = field(default_factory=list)


def question_like(units: Sequence[Unit]) -> bool:
    texts = [u.text for u in units]
    raw = " ".join(texts)
    if "?" in raw:
        return True
    # every other alternative of `ASKING_RE` holds "vra", "verzoek" or "graag": most answer
    # paragraphs hold none, and three substring tests cost less than the pattern
    low = raw.lower()
    if "vra" not in low and "verzoek" not in low and "graag" not in low:
        return False
    return bool(ASKING_RE.search(join_lines(texts)))


def pair_interleaved(events: Sequence[Event]) -> Paired:
    st = _State()
    for ev in events:
        if ev.kind == SECTION and ev.head:
            _close(st)
            st.fractie, st.topic, st.by_heading = ev.head.fractie, None, True
        elif ev.kind == TOPIC:
            if st.answer is not None or not st.by_heading:
                _close(st)
            st.topic = topic_name(ev.units)
            st.fractie = st.fractie if st.by_heading else None
        elif ev.kind == ANSWER:
            _on_answer(st, ev.units[0].line)
        elif ev.kind == PARA and st.answer is not None:
            st.answer.append(list(ev.units))
        elif ev.kind == PARA and not st.by_heading and (who := speaker(ev.units[0].text)):
            if who != st.fractie:
                _close(st)
            st.fractie = who
            st.question.extend(ev.units)
        elif ev.kind in (PARA, PART):
            st.question.extend(ev.units)
    _close(st)
    return Paired(tuple(st.drafts), tuple(st.orphans))


def split_answer_question(paras: list[list[Unit]]) -> int:
    """Index of the first paragraph of the next question block (see the module docstring)."""
    if len(paras) == 1 and len(paras[0]) > 1:
        return -1  # one paragraph only: the caller splits it at sentence ends
    k = len(paras) - 1
    while k - 1 >= 1 and question_like(paras[k - 1]):
        k -= 1
    return k if k >= 1 else len(paras)  # "Antwoord" right after "Antwoord": nothing to split


def _sentence_chunks(units: list[Unit]) -> list[list[Unit]]:
    """A paragraph cut where a line ends a sentence and the next starts one ("…grensbeheer." /
    "De leden van de CDA-fractie …"): the fallback when the text has no blank separator lines."""
    chunks: list[list[Unit]] = [[units[0]]]
    for prev, u in zip(units, units[1:], strict=False):
        if sentence_boundary(prev.text, u.text):
            chunks.append([u])
        else:
            chunks[-1].append(u)
    return chunks


def _split_chunks(chunks: list[list[Unit]]) -> int:
    k = len(chunks) - 1
    while k - 1 >= 1 and (question_like(chunks[k - 1]) or _opens_question(chunks[k - 1])):
        k -= 1
    return max(k, 1)


def _opens_question(units: Sequence[Unit]) -> bool:
    return bool(QUESTION_OPENING_RE.match(units[0].text))


def _on_answer(st: _State, line: int) -> None:
    if st.answer is not None:
        paras = st.answer
        k = split_answer_question(paras)
        if k < 0:
            paras = _sentence_chunks(paras[0])
            k = _split_chunks(paras)
        st.answer = paras[:k]
        next_question = [u for p in paras[k:] for u in p]
        _close(st)
        st.question = next_question
    st.answer, st.answer_line, st.topic_at_answer = [], line, st.topic


def _close(st: _State) -> None:
    """Finish the pending pair (question with or without an answer)."""
    if st.fractie is None:
        st.orphans.extend(st.question)
        st.orphans.extend(u for p in st.answer or [] for u in p)
    elif st.answer is not None:
        answer = [u for p in st.answer for u in p]
        topic = st.topic_at_answer
        st.drafts.append(Draft(st.fractie, topic, st.question, answer, st.answer_line))
    elif st.question:
        st.drafts.append(Draft(st.fractie, st.topic, st.question))
    st.question, st.answer, st.answer_line = [], None, None


def has_answer_markers(events: Sequence[Event]) -> bool:
    """The interleaved layout's test: an "Antwoord" marker anywhere in the body."""
    return any(ev.kind == ANSWER for ev in events)
