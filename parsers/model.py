"""Frozen records of a parsed written consultation; the JSON shape of `jbz parse` follows them."""

from dataclasses import dataclass, field

from contract.kinds import DocumentKind

KIND_VERSLAG = DocumentKind.VERSLAG  # questions with the government's answers
KIND_INBRENG = DocumentKind.INBRENG  # questions only


@dataclass(frozen=True)
class Subject:
    """A document discussed in the consultation (the bulleted list in the front matter)."""

    title: str
    kamerstukken: tuple[str, ...]  # "32317-790", "36200-VI-24" style: dossier[-toevoeging]-nr
    zaak: str | None  # Tweede Kamer case number ("2022Z23952") when cited by zaak instead


@dataclass(frozen=True)
class DocumentInfo:
    dossier: str | None
    ondernummer: str | None  # the report's own number, where printed (not the agenda's)
    kind: DocumentKind  # KIND_VERSLAG or KIND_INBRENG
    title: str | None
    date: str | None  # ISO date of "Vastgesteld …", where printed
    council_date: str | None  # "2022-12-08/2022-12-09" (start/end), or one ISO date
    committee: str | None
    chair: str | None
    clerk: str | None
    addressee: str | None  # "minister", "staatssecretaris", …
    subjects: tuple[Subject, ...]
    toc_fracties: tuple[str, ...]
    dossier_number: str | None = None  # "21501" of "21501-32"
    toevoeging: str | None = None  # "32" of "21501-32"
    co_dossiers: tuple[str, ...] = ()  # further dossier headers ("35112" beside "33328")
    kind_evidence: str = (
        "default"  # what decided `kind`: title | template | hint | answers | default
    )
    nader: bool = False  # "VERSLAG VAN EEN NADER SCHRIFTELIJK OVERLEG": a second round
    associations: tuple["Association", ...] = ()
    chamber: str = "TK"  # "TK" (Tweede Kamer) or "EK" (Eerste Kamer)
    questions_sent: str | None = None  # ISO date the committee sent its questions
    answers_sent: str | None = None  # ISO date of the (last) answer letter


@dataclass(frozen=True)
class Association:
    """An Eerste Kamer fractie that joins another's questions instead of asking its own: "De
    leden van de D66-fractie sluiten zich aan bij de vragen van de leden van de
    GroenLinks-PvdA-fractie." `joins` is empty when the text does not say whose ("sluiten zich
    hierbij aan": the questions just before)."""

    fractie: str
    joins: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    fractie: str  # canonical: "VVD", "PvdA en GroenLinks"
    parties: tuple[str, ...]  # ("PvdA", "GroenLinks")
    heading: str
    singular_member: bool  # "het lid van de BBB-fractie"
    line: int
    chamber: str = "TK"
    fractie_ids: tuple[
        str, ...
    ] = ()  # every canonical fractie it speaks for (parsers/fracties.json)


@dataclass(frozen=True)
class AnswerRef:
    """An answer that points to another fractie's answer; `seq` is the resolved pair or None,
    `confidence` how sure the resolution is (segment/referrals.py: 1.0 one candidate or
    "bovenstaand antwoord", 0.5 a tie; 0.0 none)."""

    fractie: str
    seq: int | None
    confidence: float = 1.0


@dataclass(frozen=True)
class Pair:
    seq: int  # 1, 2, … in document order
    fractie: str
    topic: str | None
    question: str
    answer: str | None  # None in an inbreng (questions only)
    question_count: int  # question sentences ("?") in the block
    refers_to: tuple[AnswerRef, ...]
    footnotes: tuple[int, ...]
    answer_line: int | None  # the line/position of the "Antwoord" marker
    questions_direct: int = 0  # sentences ending in "?" (as question_count)
    questions_indirect: int = 0  # sentences without "?" that ask or request (segment/questions)
    chamber: str = "TK"
    fractie_ids: tuple[
        str, ...
    ] = ()  # every canonical fractie it speaks for (parsers/fracties.json)


@dataclass(frozen=True)
class Commitment:
    """A sentence of an answer in which the government binds itself to a future act
    (segment/commitments.py): kind is send_document, report_in_council_report, inform_kamer,
    act_in_council or other."""

    seq: int  # the pair whose answer holds it
    sentence: str
    kind: str


@dataclass(frozen=True)
class Footnote:
    n: int
    text: str
    line: int


@dataclass(frozen=True)
class KamerstukRef:
    dossier: str  # "32317"
    toevoeging: str | None  # "VI" in 36200-VI, "20" in 21501-20
    ondernummer: str | None  # "790"
    text: str  # the citation as printed
    seq: int | None = None  # the pair it is in (segment/citations.py); None in the front matter
    part: str | None = None  # front | question | answer | footnote


@dataclass(frozen=True)
class Unassigned:
    text: str
    line: int


@dataclass(frozen=True)
class ParseIssue:
    code: str  # short machine name: "no_fractie_headings", "footnote_text_missing", …
    message: str  # plain words for a person
    line: int | None = None


@dataclass(frozen=True)
class Quality:
    """The parser's own verdict, from checks that need no gold: "ok", "suspect" or "failed",
    with the reasons (short codes such as "toc_fracties_missing_in_body")."""

    verdict: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Consultation:
    document: DocumentInfo
    sections: tuple[Section, ...]
    pairs: tuple[Pair, ...]
    footnotes: tuple[Footnote, ...]
    kamerstuk_references: tuple[KamerstukRef, ...]
    unassigned: tuple[Unassigned, ...] = ()
    issues: tuple[ParseIssue, ...] = ()
    source_format: str = "txt"  # txt | pdf | docx | xml | html
    parser_version: str = field(default="")
    layout: str = "none"  # interleaved | separate_part | questions_only | letter | none
    quality: Quality = field(default_factory=lambda: Quality("ok"))
    commitments: tuple[Commitment, ...] = ()
