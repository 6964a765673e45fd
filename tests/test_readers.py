"""Each reader on small texts of its form."""

from __future__ import annotations

import pytest

from zangraph.parse.lexicon.en import LEXICON as EN
from zangraph.parse.lexicon.kk import LEXICON as KK
from zangraph.parse.lexicon.ru import LEXICON as RU
from zangraph.parse.readers import read_blocks

pytestmark = pytest.mark.unit


def _texts(form, text, lexicon):
    return [b.text for b in read_blocks("t.txt", form, text, lexicon)]


def test_pdf_joins_wrapped_lines_and_page_breaks():
    text = ("5) within ten working days after the state registration of this order with the\n\n"
            "Ministry of Justice submit the data;\n"
            "3. Control shall be entrusted to S.K.\nZhakupov.\n"
            "high-skilled professional:\nwith higher category - higher\neducation;\n")
    assert _texts("pdf-text", text, EN) == [
        "5) within ten working days after the state registration of this order with the Ministry of Justice "
        "submit the data;",
        "3. Control shall be entrusted to S.K. Zhakupov.",
        "high-skilled professional:",
        "with higher category - higher education;",
    ]


def test_pdf_keeps_paragraphs_apart_across_a_blank_line():
    assert _texts("pdf-text", "of August 14, 2018\n\nQualification requirements\n", EN) == [
        "of August 14, 2018", "Qualification requirements"]


def test_html_wrapped_kazakh_lines_and_punctuation_at_line_start():
    text = ("      Заңының 8\n-бабының сәйкес\n      жоғары (әлеуметтік\n, психологиялық) білім;\n"
            "      1. Қоса біліктілік \n\n осы бекітілсін.талаптары\n")
    assert _texts("html-text", text, KK) == [
        "Заңының 8-бабының сәйкес", "жоғары (әлеуметтік, психологиялық) білім;",
        "1. Қоса біліктілік осы бекітілсін.талаптары"]


def test_html_table_cells_are_separate_blocks():
    text = "Code of profession\n\t\n1344-0-004\n\n\t\nName of profession\n"
    assert _texts("html-text", text, EN) == ["Code of profession", "1344-0-004", "Name of profession"]


def test_markdown_headings_bold_and_hard_breaks():
    text = "## **Глава 1. Общие**\n\n*Исполняющая обязанности  \nМинистра*\n\n#### 37. Должностные обязанности:\n"
    blocks = read_blocks("t.md", "markdown", text, RU)
    assert [(b.text, b.heading, b.bold) for b in blocks] == [
        ("Глава 1. Общие", 2, True), ("Исполняющая обязанности Министра", 0, False),
        ("37. Должностные обязанности:", 4, False)]
    assert blocks[1].lines == (3, 4)
