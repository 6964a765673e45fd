"""Kazakh: the state language. Numbers come before the unit ("2-тармақ"), the outer part is named first
("3-тарауының 1-параграфы"), and case endings follow the word ("2-тармаққа", "4-1-параграфпен")."""

from __future__ import annotations

from zangraph.model.document import ChangeKind, DocumentKind, Role
from zangraph.parse.lexicon.common import NUM, Lexicon, NoteWords, RuleWords, rx

_ACT_WORDS = r"(?:бірлескен\s+)?(?:бұйры|қаулы|шешім|заң|жарлы|кодекс)\w*"

NOTES = NoteWords(
    units=(
        ("subpoint", rx(r"\bтармақша\w*")),
        ("point", rx(r"\b(?:тармақ\w*|тармағ\w*)")),
        ("indent", rx(r"\b(?:абзац\w*|азат\s+жол\w*)")),
        ("section", rx(r"\bпараграф\w*")),
        ("chapter", rx(r"\bтарау\w*")),
        ("division", rx(r"\bбөлім\w*")),
        ("article", rx(r"\b(?:бап\w*|баб\w*)")),
        ("annex", rx(r"\bқосымша\w*")),
        ("table", rx(r"\bкесте\w*")),
        ("preamble", rx(r"\bкіріспе\w*")),
        ("heading", rx(r"\b(?:тақырыб\w*|тақырып\w*|атау\w*)")),
        ("preface", rx(r"\bоң\s+жақ\s+жоғарғ?ы\s+бұрыш\w*")),
    ),
    number_first=True,
    changes=(
        (ChangeKind.NEW_WORDING, rx(r"жаңа\s+редакция\w*(?:\s+жазыл\w+)?")),
        (ChangeKind.CHANGED, rx(r"өзгеріс\w*\s+енгізілді|өзгертілді")),
        (ChangeKind.SUPPLEMENTED, rx(r"толықтырылды")),
        (ChangeKind.EXCLUDED, rx(r"алып\s+тасталды")),
        (ChangeKind.INVALIDATED, rx(r"күші\s+жойылды|күшін\s+жойды|күші\s+жойылған\s+деп\s+танылды")),
    ),
    announce=rx(r"көзделген|көзделеді|көзделуде"),
    act_types=(
        ("joint-order", rx(r"бірлескен\s+бұйры\w*")),
        ("order", rx(r"бұйры\w*")),
        ("resolution", rx(r"қаулы\w*")),
        ("decree", rx(r"жарлы\w*")),
        ("law", rx(r"\bзаң\w*")),
        ("code", rx(r"кодекс\w*")),
        ("decision", rx(r"шешім\w*")),
    ),
    language_only=(
        (rx(r"орыс\s+тілінде\s+өзгеріс\w*\s+енгізілді,\s*(?:мемлекеттік|қазақ)\s+тілдегі\s+мәтін\s+"
            r"өзгермейді"), ("ru",)),
        (rx(r"(?:мемлекеттік|қазақ)\s+тілде\s+өзгеріс\w*\s+енгізілді,\s*орыс\s+тіліндегі\s+мәтін\s+"
            r"өзгермейді"), ("kk",)),
    ),
    this_act=rx(rf"осы\s+{_ACT_WORDS}"),
    reference=rx(r"^Осы\s+бұйрықтың\s+қолданысқа\s+енгізілу\s+тәртібін\b.*?(?P<item>\d+)\s*(?:-?\s*т\.?|-?тармақ\w*)\s*$"),
    entry_into_force=rx(rf"^(?P<rule>.+?(?:қолданысқа\s+енгізіледі|күшіне\s+енеді))\s*[-–]?\s*осы\s+{_ACT_WORDS}\s+"
                        r"(?P<item>\d+)-тармағ\w*"),
    inline=rx(r"^\(?\s*(?:\d\S*\s+\S+\s*)?(?:[-–]\s*)?(?:алып\s+тасталды|күші\s+жойылды)\b"),
    supplement_marker=rx(r"(?:пен|мен|бен)$"),
)

RULES = RuleWords(
    after_publication=rx(r"күнтізбелік\s+(?P<n>[\w\s]+?)\s+(?:\(\d+\)\s+)?күн\s+өткен\s+соң"),
    day_after_publication=rx(r"(?:алғашқы\s+)?ресми\s+жарияланған\s+күнінен\s+кейін\s+(?:қолданысқа|күшіне)"),
    on_publication=rx(r"(?:алғашқы\s+)?ресми\s+жарияланған\s+күн\w*\s+(?:бастап|ерте\s+емес)"),
    on_registration=rx(r"мемлекеттік\s+тіркелген\s+күнінен\s+бастап"),
    fixed=rx(r"\bбастап\b"),
    date_before_marker=True,
    not_earlier=rx(r"ерте\s+емес"),
    enters=rx(r"қолданысқа\s+енгізіледі|күшіне\s+енеді|қолданылады"),
    exception=rx(r"(?P<when>\d{4}\s+жылғы\s+\d{1,2}\s+\w+|\d{2}\.\d{2}\.\d{4})\s+бастап\s+қолданысқа\s+енгізілетін\s+"
                 r"(?P<parts>.+?)\s+қоспағанда"),
)

LEXICON = Lexicon(
    language="kk",
    header=rx(r"(?:бұйрығы|қаулысы|шешімі|Заңы|Жарлығы)\.\s"),
    status=rx(r"^Күшін жойған$"),
    repeated_header=rx(r"^Ресми емес аударма$"),
    furniture=rx(r"^©"),
    order_formula=rx(r"\b(?:БҰЙЫРАМЫН|БҰЙЫРАМЫЗ|ҚАУЛЫ\s+ЕТЕДІ|ШЕШТІ)\s*:"),
    # The Kazakh preamble cites the provision before the verb ("... Заңының 8-бабының 2) тармақшасына сәйкес");
    # where link words were displaced, the citation is kept as it stands.
    legal_basis=rx(r"^(?P<basis>.+?)\s*(?:БҰЙЫРАМЫН|БҰЙЫРАМЫЗ|ҚАУЛЫ\s+ЕТЕДІ)\s*:"),
    division=rx(rf"^{NUM}\s*-\s*бөлім\.?\s*(.*)$"),
    chapter=rx(rf"^{NUM}\s*-\s*тарау\.?\s*(.*)$"),
    section=rx(rf"^{NUM}\s*-\s*параграф\.?\s*(.*)$"),
    article=rx(rf"^{NUM}\s*-\s*бап\.?\s*(.*)$"),
    approval=rx(r'^[«"]?КЕЛІСІЛДІ[»"]?:?(?:\s|$)'),
    # The caption names the ministry first and says "қосымша" (annex) or "бекітілген" (approved) at its end.
    annex_caption=rx(r"^Қазақстан Республикасы\b"),
    quoted_caption=rx(r"қосымша|бекітілген|бекітілді"),
    annex_number=rx(r"(?P<num>\d+(?:-\d+)?)\s*-\s*қосымша"),
    annex_of_act=rx(rf"{_ACT_WORDS}\s+(?:\d+\s*-\s*)?(?:қосымша|бекіт)"),
    form_label=rx(r"^Нысан\.?$"),
    entry_into_force=rx(rf"^Осы\s+{_ACT_WORDS}\b.*(?:қолданысқа\s+енгізіледі|күшіне\s+енеді)"),
    signature=rx(r"(?:министрі|Министрі|бастығы|төрағасы|әкімі|министрінің\s+міндетін\s+атқарушы)$"),
    point_roles=(
        (Role.DUTIES, rx(r"^Лауазымдық міндеттері\b")),
        (Role.KNOWLEDGE, rx(r"^(?:Мыналарды\s+)?білуге тиіс\b")),
        (Role.QUALIFICATION, rx(r"^Біліктілі(?:гіне|кке) қойылатын талаптар\s*:")),
    ),
    position_point=rx(r"^(.+?)(?:біліктілігіне|біліктілікке) қойылатын талаптар(?:ы)?:$"
                      r"|^(.+?) қойылатын біліктілік талаптары:$"),
    standalone=rx(r"^(Күшін жойған|КЕЛІСІЛДІ|РҚАО-ның ескертпесі!)$"),
    starter=rx(r"^(Ескерту\.|\d+-тарау\.)"),
    footnote=rx(r"^Ескерту\s*[.:]"),
    editorial=rx(r"^(?:ЗҚАИ|РҚАО)-ның\s+ескертпесі\s*!?"),
    notes=NOTES,
    rules=RULES,
    document_kinds=(
        (DocumentKind.QUALIFICATION_CHARACTERISTICS, rx(r"біліктілік\s+сипаттама")),
        (DocumentKind.QUALIFICATION_REQUIREMENTS, rx(r"біліктілік\s+талаптар")),
        (DocumentKind.PROFESSIONAL_STANDARD, rx(r"кәсіптік\s+стандарт")),
        (DocumentKind.POSITION_REGISTER, rx(r"лауазымдар\w*\s+тізілім")),
    ),
    caption_at_margin=True,
    card=rx(r"^Кәсіп карточкасы:?$"),
    card_fields=(
        (Role.CODE, rx(r"^Кәсіп(?:тің)? коды:?$")),
        (Role.NAME, rx(r"^Кәсіп(?:тің)? атауы:?$")),
        (Role.SQF_LEVEL, rx(r"^СБШ бойынша біліктілік деңгейі:?$")),
        (Role.OTHER_NAMES, rx(r"^Кәсіптің басқа да ықтимал атаулары:?$")),
        (Role.QD_LEVEL, rx(r"^.*сәйкес\s+кәсіп\w*\s+(?:үшін\s+)?біліктілік\s+деңгей\w*:?$")),
        (Role.EDUCATION, rx(r"^Кәсіп\w*\s+білім\w*\s+деңгейі:?$")),
        (Role.LABOUR_FUNCTIONS, rx(r"^Еңбек функциялары:?$")),
        (Role.LABOUR_FUNCTION, rx(r"^(?:\d+\s*-\s*)?еңбек функциясы:?$")),
        (Role.TASK, rx(r"^(?:\d+\s*-\s*)?(?:міндет|міндеті|тапсырма)\s*:?(\s+.*)?$")),
        (Role.SKILLS, rx(r"^(?:Икемділіктер мен дағдылар|Икемділіктер|Дағдылар):$")),
        (Role.KNOWLEDGE, rx(r"^Білуге тиіс:$")),
        (Role.PERSONAL_COMPETENCIES, rx(r"^Жеке(?:\s+бас)?\s+құзыреттер\w*\s+қойылатын\s+талаптар\w*:?$")),
        (Role.RELATED_SQF, rx(r"^СБШ шеңберінде басқа (?:кәсіптер|мамандықтар)\w*\s+(?:байланысы|қатысы):?$")),
        (Role.RELATED_QD, rx(r"^(?:БА|КА)-мен байланыс\w*:?$")),
        (Role.CONDITIONS, rx(r"^Еңбек жағдайлары \(мазмұны және сапасы\)$")),
    ),
)
