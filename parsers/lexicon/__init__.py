"""The parser's knowledge of Dutch phrases, one module per concern: every pattern with the real
line that needs it. Adding a wording is one line in its module; the code that uses a pattern
does not change. Pure: the modules import nothing but `re` (and each other).

- `frontmatter`: document type, number, dossier, date, committee, chair, clerk, Council, chamber
- `toc`: the table of contents and heading numbers
- `fracties`: fractie headings in every wording, speakers, associations
- `parts`: "Antwoord", the answer and question parts, Eerste Kamer letters
- `timing`: when the questions were sent and the answers came
- `questions`: questions asked without a question mark, and what reads as asking
- `referrals`: answers that point to other answers
- `commitments`: what the government binds itself to
- `citations`: Kamerstuk citations; `meetings`: the Council meeting a title names
- `readers`: words of the formats themselves (Word's error text, style and container names)

Everything is also importable from the package itself (`from parsers import lexicon as lx`).
"""

from parsers.lexicon.citations import *  # noqa: F403
from parsers.lexicon.commitments import *  # noqa: F403
from parsers.lexicon.dates import *  # noqa: F403
from parsers.lexicon.fracties import *  # noqa: F403
from parsers.lexicon.frontmatter import *  # noqa: F403
from parsers.lexicon.meetings import *  # noqa: F403
from parsers.lexicon.parts import *  # noqa: F403
from parsers.lexicon.questions import *  # noqa: F403
from parsers.lexicon.readers import *  # noqa: F403
from parsers.lexicon.referrals import *  # noqa: F403
from parsers.lexicon.timing import *  # noqa: F403
from parsers.lexicon.toc import *  # noqa: F403
