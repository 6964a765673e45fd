"""Russian: the language of the consolidated texts of the Unified System of Legal Information."""

from __future__ import annotations

from zangraph.model.document import ChangeKind, DocumentKind, Role
from zangraph.parse.lexicon.common import NUM, Lexicon, NoteWords, RuleWords, rx

_ACT_WORDS = r"(?:совместн\w+\s+)?(?:приказ|постановлени|указ|решени|закон|кодекс)\w*"

NOTES = NoteWords(
    units=(
        ("subpoint", rx(r"\bподпункт\w*")),
        ("point", rx(r"\bпункт\w*")),
        ("indent", rx(r"\bабзац\w*")),
        ("section", rx(r"\bпараграф\w*")),
        ("chapter", rx(r"\bглав[аыеуо]\w*")),
        ("division", rx(r"\bраздел\w*")),
        ("article", rx(r"\bстать[яиеюй]\w*")),
        ("point", rx(r"\bчаст[ьи]\w*")),
        ("annex", rx(r"\bприложени\w*")),
        ("table", rx(r"\bтаблиц\w*")),
        ("row", rx(r"\bстрок\w*")),
        ("preamble", rx(r"\bпреамбул\w*")),
        ("heading", rx(r"\b(?:заголов\w*|наименовани\w*)")),
        ("preface", rx(r"\bправы\w+\s+верхн\w+\s+угл?\w*")),
    ),
    number_first=False,
    changes=(
        (ChangeKind.NEW_WORDING, rx(r"(?:изложен\w*\s+)?в\s+(?:новой\s+)?редакции")),
        (ChangeKind.CHANGED, rx(r"с\s+изменени(?:ем|ями)|внесен\w*\s+изменени\w*|изменени\w+\s+внесен\w*"
                                r"|\bизменен[аоы]?\b")),
        (ChangeKind.SUPPLEMENTED, rx(r"\bдополнен\w*")),
        (ChangeKind.EXCLUDED, rx(r"\bисключен\w*")),
        (ChangeKind.INVALIDATED, rx(r"утратил\w*\s+силу|признан\w*\s+утративш\w+\s+силу")),
    ),
    announce=rx(r"\bпредусматрива\w+"),
    act_types=(
        ("joint-order", rx(r"совместн\w+\s+приказ\w*")),
        ("order", rx(r"\bприказ\w*")),
        ("resolution", rx(r"\bпостановлени\w*")),
        ("decree", rx(r"\bуказ\w*")),
        ("law", rx(r"\bзакон\w*")),
        ("code", rx(r"\bкодекс\w*")),
        ("decision", rx(r"\bрешени\w*")),
    ),
    language_only=(
        (rx(r"на\s+казахском\s+языке,\s*текст\s+на\s+русском\s+языке\s+не\s+меняется"), ("kk",)),
        (rx(r"на\s+русском\s+языке,\s*текст\s+на\s+(?:казахском|государственном)\s+языке\s+не\s+меняется"), ("ru",)),
    ),
    this_act=rx(rf"настоящ\w+\s+{_ACT_WORDS}"),
    reference=rx(r"^Порядок\s+введения\s+в\s+действие\s+см\.?\s*(?:п\.|пункт\w*)\s*(?P<item>\d+)"),
    entry_into_force=rx(r"^(?P<rule>(?:Вводится\s+в\s+действие|Вступает\s+в\s+силу)\s.+?)\s*,?\s+в\s+соответствии\s+с\s+"
                        rf"пункт\w*\s+(?P<item>\d+)\s+настоящ\w+\s+{_ACT_WORDS}"),
    inline=rx(r"^\(?\s*(?:(?:Пункт|Подпункт|Абзац|Глава|Параграф|Приложение|Статья)\w*\s*(?:\d\S*\s*)?)?"
              r"(?:[-–]\s*)?(?:исключен\w*|утратил\w*\s+силу)\b"),
)

RULES = RuleWords(
    after_publication=rx(r"(?:по\s+истечении|через)\s+(?P<n>[\w\s-]+?)\s+(?:\(\d+\)\s+)?календарн\w+\s+дн\w+\s+"
                         r"(?:после|со)\s+дня\s+(?:его\s+|их\s+)?(?:первого\s+)?официального\s+опубликования"),
    day_after_publication=rx(r"после\s+дня\s+(?:его\s+|их\s+)?(?:первого\s+)?официального\s+опубликования"),
    on_publication=rx(r"(?:со|не\s+ранее)\s+дня\s+(?:его\s+|их\s+)?(?:первого\s+)?официального\s+опубликования"),
    on_registration=rx(r"со\s+дня\s+(?:его\s+|их\s+)?государственной\s+регистрации"),
    fixed=rx(r"(?:\bс|\bсо)\s+(?=\d)"),
    date_before_marker=False,
    not_earlier=rx(r"не\s+ранее"),
    enters=rx(r"вводится\s+в\s+действие|вступа\w+\s+в\s+силу|введени\w+\s+в\s+действие|действ\w+\s+до\b"),
    exception=rx(r"за\s+исключением\s+(?P<parts>.+?),?\s+котор\w+\s+(?:вводятся\s+в\s+действие|вступают\s+в\s+силу)\s+"
                 r"(?P<when>.+)$"),
)

LEXICON = Lexicon(
    language="ru",
    header=rx(r"^(?:Совместный\s+)?(?:Приказ|Постановление|Указ|Решение|Закон|Кодекс)\b.*(?:№|\bN)\s*\S*\d"),
    status=rx(r"^Утратил\w*\s+силу\b"),
    repeated_header=rx(r"^Неофициальный перевод$"),
    furniture=rx(r"^©"),
    order_formula=rx(r"\b(?:ПРИКАЗЫВАЮ|ПРИКАЗЫВАЕМ|ПОСТАНОВЛЯЕТ|ПОСТАНОВЛЯЮ|РЕШИЛ[АИ]?)\s*:"),
    legal_basis=rx(r"^В\s+соответствии\s+(?:с\s+|со\s+)?(?P<basis>.+?),?\s+(?:ПРИКАЗЫВАЮ|ПРИКАЗЫВАЕМ|ПОСТАНОВЛЯЕТ)\s*:"),
    division=rx(rf"^Раздел\s+{NUM}\.?\s*(.*)$"),
    chapter=rx(rf"^Глава\s+{NUM}\.?\s*(.*)$"),
    section=rx(rf"^Параграф\s+{NUM}\.?\s*(.*)$"),
    article=rx(rf"^Стать[яи]\s+{NUM}\.?\s*(.*)$"),
    approval=rx(r'^[«"]?СОГЛАСОВАН[АО]?[»"]?:?(?:\s|$)'),
    annex_caption=rx(r"^(?:Утвержден\w*|Приложени\w*)\b"),
    quoted_caption=rx(r"^(?:Утвержден\w*|Приложени\w*)\b"),
    annex_number=rx(r"Приложени\w*\s+(?:№\s*)?(?P<num>\d+(?:-\d+)?)\b"),
    annex_of_act=rx(rf"\bк\s+(?:настоящему\s+)?{_ACT_WORDS}|^Утвержден\w*\s+{_ACT_WORDS}"),
    form_label=rx(r"^Форма\.?$"),
    entry_into_force=rx(rf"^Настоящ\w+\s+{_ACT_WORDS}\s+(?:вводится\s+в\s+действие|вступает\s+в\s+силу)"),
    signature=rx(r"^(?:Исполняющ\w+\s+обязанности\s+)?(?:И\.\s?о\.\s+)?(?:Министр|Заместитель\s+Премьер|Начальник|"
                 r"Председатель|Руководитель|Аким|Президент|Премьер-Министр)\b"),
    point_roles=(
        (Role.DUTIES, rx(r"^Должностные обязанности\b")),
        (Role.KNOWLEDGE, rx(r"^Должен знать\b")),
        (Role.QUALIFICATION, rx(r"^Требования к квалификации\s*:")),
    ),
    position_point=rx(r"^Квалификационные требования к (.+?):?$|^Требования к квалификации к (.+?):?$"),
    standalone=rx(r"^(Утратил силу.*|СОГЛАСОВАН)$"),
    starter=rx(r"^(Сноска\.|Приказ\b|В соответствии\b|Утвержден|Глава \d|Параграф \d)"),
    footnote=rx(r"^Сноска\s*[.:]"),
    editorial=rx(r"^Примечание\s+(?:ИЗПИ|РЦПИ)\s*[!.:]?"),
    notes=NOTES,
    rules=RULES,
    document_kinds=(
        (DocumentKind.QUALIFICATION_CHARACTERISTICS, rx(r"квалификационн\w+\s+характеристик")),
        (DocumentKind.QUALIFICATION_REQUIREMENTS, rx(r"квалификационн\w+\s+требовани")),
        (DocumentKind.PROFESSIONAL_STANDARD, rx(r"профессиональн\w+\s+стандарт")),
        (DocumentKind.POSITION_REGISTER, rx(r"реестр\w*\s+должност")),
    ),
    stopwords=frozenset(["и", "в", "на", "с", "по", "от", "к", "о", "для", "или"]),
    card=rx(r"^Карточка профессии:?$"),
    card_fields=(
        (Role.CODE, rx(r"^Код профессии:?$")),
        (Role.NAME, rx(r"^Наименование профессии:?$")),
        (Role.SQF_LEVEL, rx(r"^Уровень квалификации по ОРК:?$")),
        (Role.OTHER_NAMES, rx(r"^Другие возможные наименования профессии:?$")),
        (Role.QD_LEVEL, rx(r"^Уровень квалификации для профессии согласно\b")),
        (Role.EDUCATION, rx(r"^Уровень профессионального образования:?$")),
        (Role.LABOUR_FUNCTIONS, rx(r"^Трудовые функции:?$")),
        (Role.LABOUR_FUNCTION, rx(r"^Трудовая функция\s*\d*:?$")),
        (Role.TASK, rx(r"^Задача\s*\d*:?(\s+.*)?$")),
        (Role.SKILLS, rx(r"^(?:Умения и навыки|Умения|Навыки):$")),
        (Role.KNOWLEDGE, rx(r"^Знания:$")),
        (Role.PERSONAL_COMPETENCIES, rx(r"^Требования к личностным компетенциям:?$")),
        (Role.RELATED_SQF, rx(r"^Связь с другими профессиями в рамках ОРК:?$")),
        (Role.RELATED_QD, rx(r"^Связь с (?:КС|ЕТКС|ТКХ|квалификационным справочником)\b.*$")),
        (Role.CONDITIONS, rx(r"^Условия \(содержания и качества\) труда:?$")),
    ),
)
