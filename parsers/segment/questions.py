"""How many questions a block asks: `questions_direct`, the sentences ending in "?" (the same
count as `question_count`), and `questions_indirect`, the sentences without one that ask or
request ("De leden vragen de regering …", "horen graag", "ontvangen graag", "verzoeken …",
"…, zo vragen deze leden."): the phrases are in `parsers/lexicon/questions.py`, each with its
real line."""

import re

from parsers import lexicon as ph

# A sentence ends at ".", "!" or "?" before whitespace and a capital, quote or bracket: not at
# "(Kamerstuk 36200-VI, nr. 24)?" (pair 1), which would cut a question from its "?".
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(])")


def indirect_questions(question: str) -> int:
    """The sentences of a question block without "?" that ask or request something."""
    count = 0
    for sentence in _SENTENCE_END_RE.split(question.strip()):
        if not sentence or "?" in sentence:
            continue  # a direct question (counted by `question_count`)
        if ph.INTERROGATIVE_RE.match(sentence) or (
            may_ask(sentence) and any(rx.search(sentence) for rx in ph.INDIRECT_QUESTION_RES)
        ):
            count += 1
    return count


# Every wording of `INDIRECT_QUESTION_RES` holds one of these: most sentences of a block state
# rather than ask, and a substring test is cheaper than five patterns (a test holds them together).
GATE_WORDS = ("vragen", "vraag", "graag", "weten", "geïnformeerd", "verzoek", "oproep", "dringen")


def may_ask(sentence: str) -> bool:
    low = sentence.lower()  # "Graag een reactie hierop." (pair 63)
    return any(word in low for word in GATE_WORDS)
