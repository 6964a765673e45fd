"""What the structure of an act looks like in English, Russian and Kazakh.

Each language gets one :class:`Lexicon` of patterns. The segmenter and the note parser only ever ask a
lexicon; no language-specific wording lives elsewhere. Patterns match the cleaned text of a block (markup
and layout whitespace removed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Role

_NUM = r"(\d+(?:-\d+)?)"


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    language: str
    chapter: re.Pattern[str]
    section: re.Pattern[str] | None
    footnote: re.Pattern[str]
    editorial: re.Pattern[str] | None
    order_formula: re.Pattern[str]
    legal_basis: re.Pattern[str]  # the preamble's citation of the empowering provision, in group "basis"
    approval: re.Pattern[str]
    annex_caption: re.Pattern[str]
    header: re.Pattern[str]
    status: re.Pattern[str]
    repeated_header: re.Pattern[str]
    furniture: re.Pattern[str]
    entry_into_force: re.Pattern[str]  # an item that states the act's own entry into force
    point_roles: tuple[tuple[Role, re.Pattern[str]], ...]
    position_point: re.Pattern[str] | None  # order 350: a point that is a position's requirements
    # Lines that always stand alone in a text with wrapped lines (a status word, a heading word).
    standalone: re.Pattern[str]
    # Where a new block starts in a text with wrapped lines (besides numbered points and headings).
    starter: re.Pattern[str]
    stopwords: frozenset[str] = field(default_factory=frozenset)
    card: re.Pattern[str] | None = None
    # A chapter or section heading run into the end of another paragraph (the HTML texts do this).
    inline_heading: re.Pattern[str] | None = None
    # The annex caption is the first block at the margin (the Kazakh agreement blocks before it are indented).
    caption_at_margin: bool = False
    card_fields: tuple[tuple[Role, re.Pattern[str]], ...] = ()


POINT = re.compile(rf"^{_NUM}\.(?!\d)\s*(.*)$", re.DOTALL)
SUBPOINT = re.compile(r"^(\d+)\)\s*(.*)$", re.DOTALL)

EN = Lexicon(
    language="en",
    chapter=_re(rf"^Chapter {_NUM}\.\s*(.*)$"),
    section=_re(rf"^Paragraph {_NUM}\.\s*(.*)$"),
    footnote=_re(r"^Footnote\."),
    editorial=None,
    order_formula=_re(r"\bI HEREBY ORDER:"),
    legal_basis=_re(r"^In (?:accordance|compliance) with (?P<basis>.+?),? I HEREBY ORDER:"),
    approval=_re(r'^"?AGREED"?$'),
    annex_caption=_re(r"^(Appendix|Approved\b|Annex to\b)"),
    header=_re(r"^Order\b.*(?:\bNo\.?|\bNe|№)\s*\d+"),
    status=_re(r"^Invalidated\b"),
    repeated_header=_re(r"^Unofficial translation$"),
    furniture=_re(r"^(©|document_image_\w+\.png$|UU:QIICI \d+$)"),
    entry_into_force=_re(r"^This order shall (be enforced|enter into force|come into effect)"),
    point_roles=(
        (Role.DUTIES, _re(r"^(Official duties|Job responsibilities)\b")),
        (Role.KNOWLEDGE, _re(r"^(Shall be obliged to know|The employee must know)\b")),
        (Role.QUALIFICATION, _re(r"^(Requirements for (the )?qualifications?|Qualification requirements)\s*:")),
    ),
    position_point=_re(r"^Qualification requirements to (?:a |the )?(.+?):?$"),
    standalone=_re(r"^(Invalidated\b.*|Unofficial translation|Appendix|\"?AGREED\"?|Acting|Card of profession:?)$"),
    starter=_re(r"^(Footnote\.|Order of\b|In accordance with\b|In compliance with\b|Minister of\b"
                r"|Approved\b|Annex to\b|Chapter \d|Paragraph \d)"),
    stopwords=frozenset(["the", "of", "and", "a", "an", "to", "in", "with", "for", "on", "by", "or", "at", "from"]),
    card=_re(r"^Card of profession:?$"),
    inline_heading=re.compile(r"\s((?:Chapter|Paragraph) \d+(?:-\d+)?\. [A-Z])"),
    card_fields=(
        (Role.CODE, _re(r"^Code of profession$")),
        (Role.NAME, _re(r"^Name of profession$")),
        (Role.SQF_LEVEL, _re(r"^Qualification level according to SQF:?$")),
        (Role.OTHER_NAMES, _re(r"^Other possible names of profession:?$")),
        (Role.QD_LEVEL, _re(r"^Qualification level for the profession according to\b")),
        (Role.EDUCATION, _re(r"^Level of professional education$")),
        (Role.LABOUR_FUNCTIONS, _re(r"^Labor functions:$")),
        (Role.LABOUR_FUNCTION, _re(r"^Labor function\s*\d*:?$")),
        (Role.TASK, _re(r"^Task\s*\d*:?(\s+.*)?$")),
        (Role.SKILLS, _re(r"^(Skills and abilities|Abilities):$")),
        (Role.KNOWLEDGE, _re(r"^Competence:$")),
        (Role.PERSONAL_COMPETENCIES, _re(r"^Requirements to personal competencies$")),
        (Role.RELATED_SQF, _re(r"^Connection with other professions within SQF$")),
        (Role.RELATED_QD, _re(r"^Connection with QD$")),
        (Role.CONDITIONS, _re(r"^Conditions \(content and quality\) of labor$")),
    ),
)

RU = Lexicon(
    language="ru",
    chapter=_re(rf"^Глава {_NUM}\.\s*(.*)$"),
    section=_re(rf"^Параграф {_NUM}\.\s*(.*)$"),
    footnote=_re(r"^Сноска\."),
    editorial=_re(r"^Примечание (ИЗПИ|РЦПИ)!$"),
    order_formula=_re(r"\bПРИКАЗЫВАЮ:"),
    legal_basis=_re(r"^В соответствии с (?P<basis>.+?),? ПРИКАЗЫВАЮ:"),
    approval=_re(r'^"?СОГЛАСОВАН"?$'),
    annex_caption=_re(r"^(Утвержден|Приложение\b)"),
    header=_re(r"^Приказ\b.*№\s*\d+"),
    status=_re(r"^Утратил силу\b"),
    repeated_header=_re(r"^Неофициальный перевод$"),
    furniture=_re(r"^©"),
    entry_into_force=_re(r"^Настоящий приказ вводится в действие"),
    point_roles=(
        (Role.DUTIES, _re(r"^Должностные обязанности\b")),
        (Role.KNOWLEDGE, _re(r"^Должен знать\b")),
        (Role.QUALIFICATION, _re(r"^Требования к квалификации\s*:")),
    ),
    position_point=None,
    standalone=_re(r"^(Утратил силу.*|СОГЛАСОВАН)$"),
    starter=_re(r"^(Сноска\.|Приказ\b|В соответствии\b|Утвержден|Глава \d|Параграф \d)"),
    stopwords=frozenset(["и", "в", "на", "с", "по", "от", "к", "о", "для", "или"]),
)

KK = Lexicon(
    language="kk",
    chapter=_re(rf"^{_NUM}-тарау\.\s*(.*)$"),
    section=_re(rf"^{_NUM}-параграф\.\s*(.*)$"),
    footnote=_re(r"^Ескерту\."),
    editorial=_re(r"^РҚАО-ның ескертпесі!$"),
    order_formula=_re(r"\bБҰЙЫРАМЫН:"),
    # The Kazakh preamble cites the provision before the verb ("... Заңының 8-бабының 2) тармақшасына сәйкес");
    # in this text the link words were displaced, and the citation is kept as it stands.
    legal_basis=_re(r"^(?P<basis>.+?)\s*БҰЙЫРАМЫН:"),
    approval=_re(r"^КЕЛІСІЛДІ$"),
    # The Kazakh caption names the ministry first and says "қосымша" (annex) at its end; the agreement
    # blocks before it are indented, the caption is not (see segmenter).
    annex_caption=_re(r"^Қазақстан Республикасы\b"),
    header=_re(r"бұйрығы\.\s"),
    status=_re(r"^Күшін жойған$"),
    repeated_header=_re(r"^Ресми емес аударма$"),
    furniture=_re(r"^©"),
    entry_into_force=_re(r"^Осы бұйрық .*қолданысқа енгізіледі"),
    point_roles=(),
    position_point=_re(r"^(.+?)(?:біліктілігіне|біліктілікке) қойылатын талаптар(?:ы)?:$"
                       r"|^(.+?) қойылатын біліктілік талаптары:$"),
    standalone=_re(r"^(Күшін жойған|КЕЛІСІЛДІ|РҚАО-ның ескертпесі!)$"),
    starter=_re(r"^(Ескерту\.|\d+-тарау\.)"),
    stopwords=frozenset(),
    caption_at_margin=True,
)

LEXICONS = {lex.language: lex for lex in (EN, RU, KK)}
