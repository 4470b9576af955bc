"""When the questions were sent and the answers came, read from the front matter."""

from pathlib import Path

import pytest

from parsers.api import parse_document
from parsers.model import Consultation

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"


def _parse(path: Path) -> Consultation:
    return parse_document(path.read_bytes(), path.name)


def _devset(doc: str) -> Consultation:
    return _parse(FIXTURES / "devset" / "docs" / f"{doc}.txt")


def test_the_example_sent_its_questions_on_5_december_and_left_the_answer_date_open() -> None:
    c = _parse(EXAMPLE)
    # "De op 5 december [Word artefacts] 2022 toegezonden vragen … bij brief van … toegezonden"
    assert (c.document.questions_sent, c.document.answers_sent) == ("2022-12-05", None)
    unfilled = [i for i in c.issues if i.code == "date_unfilled"]
    assert len(unfilled) == 1 and "answers_sent" in unfilled[0].message
    # the source's own unfilled answer date is not a doubt about the parse
    assert c.quality.verdict == "ok"


@pytest.mark.parametrize(
    ("doc", "asked", "answered"),
    [
        ("kst-21501-02-2516", "2022-07-12", "2022-07-18"),  # "zijn op … voorgelegd. Bij brief van"
        ("kst-21501-32-1074", "2017-12-04", "2017-12-19"),  # answered in two letters: the last
        ("kst-21501-33-341", None, "2011-10-05"),  # "beantwoord bij brief van 5 oktober 2011"
        ("kst-32317-567", None, "2019-07-16"),  # "Bij brief van … hebben de ministers …"
        ("kst-25295-BM", None, "2023-01-30"),  # Eerste Kamer "heeft op … gereageerd"
        ("kst-31549-M", None, "2013-04-02"),  # "bij brieven van 22 februari en 2 april 2013"
    ],
)
def test_dates_in_every_wording_of_the_dev_set(
    doc: str, asked: str | None, answered: str | None
) -> None:
    d = _devset(doc).document
    assert (d.questions_sent, d.answers_sent) == (asked, answered)


def test_an_unfilled_answer_letter_template_is_an_issue() -> None:
    c = _devset("2026D04020")  # "Bij brief van âŠâŠ zijn deze vragen en opmerkingen beantwoord."
    assert c.document.answers_sent is None
    assert any(i.code == "date_unfilled" and "answers_sent" in i.message for i in c.issues)


def test_no_phrase_no_date_and_no_issue() -> None:
    c = _devset("2019D23340")  # an inbreng: nothing sent or answered yet
    assert (c.document.questions_sent, c.document.answers_sent) == (None, None)
    assert not [i for i in c.issues if "sent" in i.message]
