"""English: the unofficial translations. "Paragraph" names both a section heading (Russian "Параграф") and a
numbered point (Russian "Пункт"); notes resolve it by structure (see resolve.py)."""

from __future__ import annotations

import re

from zangraph.model.document import ChangeKind, DocumentKind, Role
from zangraph.parse.lexicon.common import NUM, Lexicon, NoteWords, RuleWords, rx

_ACT_WORDS = r"(?:joint\s+)?(?:order|resolution|decree|decision|law|code)"

NOTES = NoteWords(
    units=(
        ("subpoint", rx(r"sub-?paragraph\w*|sub-?point\w*|sub-?item\w*")),
        ("paragraph", rx(r"paragraph\w*")),
        ("point", rx(r"\bpoint\w*|\bitem\w*")),
        ("indent", rx(r"\bindent\w*|\babzats?\b")),
        ("chapter", rx(r"\bchapter\w*")),
        ("division", rx(r"\bdivision\w*|\bsection\w*")),
        ("article", rx(r"\barticle\w*")),
        ("annex", rx(r"\bannex\w*|\bappendi\w*")),
        ("table", rx(r"\btable\w*")),
        ("preamble", rx(r"\bpreamble\w*")),
        ("heading", rx(r"\bheading\w*|\btitle\b|\bcaption\w*")),
        ("preface", rx(r"upper\s+right\s+corner")),
    ),
    number_first=False,
    changes=(
        (ChangeKind.NEW_WORDING, rx(r"as\s+(?:revised|amended|restated)|in\s+(?:the\s+)?(?:new\s+)?(?:wording|edition)"
                                    r"|is\s+(?:set\s+out|worded|restated)")),
        (ChangeKind.CHANGED, rx(r"with\s+(?:the\s+)?(?:changes|amendments|alterations)|(?:changes|amendments)\s+"
                                r"(?:were\s+|have\s+been\s+)?(?:made|introduced)|(?:is|was|as)\s+changed")),
        (ChangeKind.SUPPLEMENTED, rx(r"\b(?:is\s+|was\s+)?supplemented")),
        (ChangeKind.EXCLUDED, rx(r"\b(?:is\s+|was\s+)?(?:excluded|deleted)")),
        (ChangeKind.INVALIDATED, rx(r"\babolished|became\s+invalid|(?:is|was)\s+(?:declared\s+)?invalid\w*"
                                    r"|lost\s+(?:its\s+)?force|\brepealed")),
    ),
    announce=rx(r"\b(?:is|are)\s+(?:expected|envisaged|provided\s+for)\b"),
    act_types=(
        ("joint-order", rx(r"joint\s+order")),
        ("order", rx(r"\border")),
        ("resolution", rx(r"\bresolution")),
        ("decree", rx(r"\bdecree")),
        ("law", rx(r"\blaw\b")),
        ("code", rx(r"\bcode\b")),
        ("decision", rx(r"\bdecision")),
    ),
    language_only=(
        (rx(r"in\s+(?:the\s+)?Kazakh\s+language,\s*(?:the\s+)?(?:text\s+in\s+)?Russian\s+(?:text\s+)?(?:is\s+)?"
            r"(?:not\s+changed|unchanged|does\s+not\s+change)"), ("kk",)),
    ),
    this_act=rx(rf"this\s+{_ACT_WORDS}"),
    reference=rx(r"^(?:See\s+)?(?:the\s+)?(?:procedure|order)\s+(?:of|for)\s+(?:entry\s+into\s+force|enactment)\b.*?"
                 r"(?P<item>\d+)\D*$"),
    entry_into_force=rx(r"^(?P<rule>(?:Shall\s+be|Is|To\s+be)\s+(?:enforced|effective|put\s+into\s+effect|enacted)\b.+?)"
                        rf",?\s+in\s+accordance\s+with\s+(?:paragraph|item|point)\s+(?P<item>\d+)\s+of\s+this\s+{_ACT_WORDS}"),
    inline=rx(r"^\(?\s*(?:(?:Paragraph|Subparagraph|Chapter|Annex|Article|Item)\s*\S*\s*)?(?:[-–]\s*)?(?:is\s+|was\s+)?"
              r"(?:excluded|deleted|became\s+invalid)\b"),
)

RULES = RuleWords(
    after_publication=rx(r"(?P<n>(?:[a-z]+[ -]){0,2}[a-z]+|\d+)\s+(?:\(\d+\)\s+)?calendar\s+days?\s+"
                         r"(?:after|from|following)\s+the\s+(?:day|date)\s+of\s+(?:its\s+|the\s+)?first\s+official\s+"
                         r"publication"),
    day_after_publication=rx(r"after\s+the\s+(?:day|date)\s+of\s+(?:its\s+|the\s+)?first\s+official\s+publication"),
    on_publication=rx(r"(?:from|since|on|than)\s+the\s+(?:day|date)\s+of\s+(?:its\s+|the\s+)?first\s+official\s+"
                      r"publication"),
    on_registration=rx(r"(?:from|since|on)\s+the\s+(?:day|date)\s+of\s+(?:its\s+)?state\s+registration"),
    fixed=rx(r"\b(?:from|since|on)\s+(?=\S)"),
    date_before_marker=False,
    not_earlier=rx(r"not\s+earlier\s+than"),
    enters=rx(r"enter\w*\s+into\s+force|come\w*\s+into\s+(?:force|effect)|(?:be|is)\s+(?:enforced|effective|put\s+into\s+"
              r"effect|enacted)|take\w*\s+effect|become\w*\s+effective|\beffective\s+from"),
    exception=rx(r"with\s+the\s+exception\s+of\s+(?P<parts>.+?),?\s+which\s+shall\s+(?:be\s+effective|enter\s+into\s+force|"
                 r"come\s+into\s+effect)\s+(?:since|from|on)?\s*(?P<when>.+)$"),
)

LEXICON = Lexicon(
    language="en",
    official=False,  # the texts say so themselves: "Unofficial translation"
    header=rx(r"^(?:Joint\s+)?(?:Order|Resolution|Decree|Decision|Law)\b.*(?:\bNo\.?|\bNe|№)\s*\d+"),
    status=rx(r"^Invalidated\b"),
    repeated_header=rx(r"^Unofficial translation$"),
    furniture=rx(r"^(©|document_image_\w+\.png$|UU:QIICI \d+$)"),
    order_formula=rx(r"\bI\s+HEREBY\s+ORDER\s*:|\bHEREBY\s+RESOLVES\s*:"),
    legal_basis=rx(r"^In\s+(?:accordance|compliance)\s+with\s+(?P<basis>.+?),?\s+I\s+HEREBY\s+ORDER\s*:"),
    division=rx(rf"^(?:Section|Division)\s+{NUM}\.\s*(.*)$"),
    chapter=rx(rf"^Chapter\s+{NUM}\.?\s*(.*)$"),
    section=rx(rf"^Paragraph\s+{NUM}\.\s*(.*)$"),
    article=rx(rf"^Article\s+{NUM}\.?\s*(.*)$"),
    approval=rx(r'^"?AGREED"?:?(?:\s|$)'),
    annex_caption=rx(r"^(Appendix|Approved\b|Annex to\b|Annex \d)"),
    quoted_caption=rx(r"^(?:Appendix|Annex|Approved)\b"),
    annex_number=rx(r"(?:Appendix|Annex)\s+(?:No\.?\s*)?(?P<num>\d+(?:-\d+)?)\b"),
    annex_of_act=rx(rf"\bto\s+(?:the\s+)?{_ACT_WORDS}|^Approved\s+by\s+(?:the\s+)?{_ACT_WORDS}"),
    form_label=rx(r"^Form\.?$"),
    entry_into_force=rx(rf"^This\s+{_ACT_WORDS}\s+shall\s+(be\s+enforced|enter\s+into\s+force|come\s+into\s+effect)"),
    signature=rx(r"^(?:Acting\s+)?(?:Minister|Deputy\s+Prime\s+Minister|Chairman|Head|Prime\s+Minister)\b"),
    point_roles=(
        (Role.DUTIES, rx(r"^(Official duties|Job responsibilities)\b")),
        (Role.KNOWLEDGE, rx(r"^(Shall be obliged to know|The employee must know)\b")),
        (Role.QUALIFICATION, rx(r"^(Requirements for (the )?qualifications?|Qualification requirements)\s*:")),
    ),
    position_point=rx(r"^Qualification requirements to (?:a |the )?(.+?):?$"),
    standalone=rx(r"^(Invalidated\b.*|Unofficial translation|Appendix|\"?AGREED\"?|Acting|Card of profession:?)$"),
    starter=rx(r"^(Footnote\.|Order of\b|In accordance with\b|In compliance with\b|Minister of\b"
               r"|Approved\b|Annex to\b|Chapter \d|Paragraph \d)"),
    footnote=rx(r"^Footnote\s*[.:]"),
    editorial=rx(r"^(?:Note\s+of\s+(?:the\s+)?(?:RCLI|IZPI|ILLI)|Editor'?s\s+note)\s*!?"),
    notes=NOTES,
    rules=RULES,
    document_kinds=(
        (DocumentKind.QUALIFICATION_CHARACTERISTICS, rx(r"qualification\s+characteristics")),
        (DocumentKind.QUALIFICATION_REQUIREMENTS, rx(r"qualification\s+requirements")),
        (DocumentKind.PROFESSIONAL_STANDARD, rx(r"professional\s+standard")),
        (DocumentKind.POSITION_REGISTER, rx(r"register\s+of\s+(?:the\s+)?positions")),
    ),
    stopwords=frozenset(["the", "of", "and", "a", "an", "to", "in", "with", "for", "on", "by", "or", "at", "from"]),
    card=rx(r"^Card of profession:?$"),
    inline_heading=re.compile(r"\s((?:Chapter|Paragraph) \d+(?:-\d+)?\. [A-Z])"),
    card_fields=(
        (Role.CODE, rx(r"^Code of profession$")),
        (Role.NAME, rx(r"^Name of profession$")),
        (Role.SQF_LEVEL, rx(r"^Qualification level according to SQF:?$")),
        (Role.OTHER_NAMES, rx(r"^Other possible names of profession:?$")),
        (Role.QD_LEVEL, rx(r"^Qualification level for the profession according to\b")),
        (Role.EDUCATION, rx(r"^Level of professional education$")),
        (Role.LABOUR_FUNCTIONS, rx(r"^Labor functions:$")),
        (Role.LABOUR_FUNCTION, rx(r"^Labor function\s*\d*:?$")),
        (Role.TASK, rx(r"^Task\s*\d*:?(\s+.*)?$")),
        (Role.SKILLS, rx(r"^(Skills and abilities|Abilities):$")),
        (Role.KNOWLEDGE, rx(r"^Competence:$")),
        (Role.PERSONAL_COMPETENCIES, rx(r"^Requirements to personal competencies$")),
        (Role.RELATED_SQF, rx(r"^Connection with other professions within SQF$")),
        (Role.RELATED_QD, rx(r"^Connection with QD$")),
        (Role.CONDITIONS, rx(r"^Conditions \(content and quality\) of labor$")),
    ),
)
