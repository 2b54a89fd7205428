"""The one table of the Rules' paragraphs (domain/rules_253.py) against the Rules' text, and every
citation the program prints (code, README, docs, both catalogs) against the table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.domain.errors import Rule
from desktop_app.domain.rules_253 import PARAGRAPHS, cite
from tests.shared_files import ROOT, shared_file

RULES_TEXT = shared_file("design/rules-253-ru.txt")

#: «п. 23», «п. 21, 24», «п. 10.3, 10.4; п. 20», «п. 10.3–10.5» and the Kazakh «23-тармақ».
CITATION = re.compile(r"п\.\s?(\d+(?:\.\d+)?(?:\s?(?:,|–|-|и)\s?\d+(?:\.\d+)?)*)|(\d+(?:\.\d+)?)-тарма[қғ]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _paragraphs(text: str) -> dict[str, str]:
    """Paragraph number → its text (with its subparagraphs), and ``N.k`` → subparagraph k of N.
    Only the Rules themselves count: the Order's own paragraphs 1–4 come before the Rules' title."""
    rules = text[text.index("Глава 1. Общие положения"):]
    found: dict[str, str] = {}
    current = None
    for line in rules.splitlines():
        top = re.match(r"^(\d+)\. ", line)
        sub = re.match(r"^(\d+)\) ", line)
        if top:
            current = top.group(1)
            found[current] = found.get(current, "") + line + "\n"
        elif sub and current is not None:
            found[f"{current}.{sub.group(1)}"] = line
            found[current] += line + "\n"
        elif current is not None:
            found[current] += line + "\n"
    return found


@pytest.fixture(scope="module")
def paragraphs() -> dict[str, str]:
    if RULES_TEXT is None:
        pytest.skip("../shared/design/rules-253-ru.txt is not beside this checkout")
    return _paragraphs(RULES_TEXT.read_text(encoding="utf-8"))


@pytest.mark.parametrize("number", sorted(PARAGRAPHS))
def test_each_cited_paragraph_exists_and_holds_its_keyword(paragraphs: dict[str, str], number: str) -> None:
    entry = PARAGRAPHS[number]
    assert number in paragraphs, f"п. {number} is not in the Rules"
    assert entry.keyword.lower() in paragraphs[number].lower(), (number, entry.keyword, paragraphs[number][:200])


def test_the_parse_sees_the_rules_not_the_order(paragraphs: dict[str, str]) -> None:
    """A test that could not fail would prove nothing: the keyword of п. 23 is not in п. 22 or п. 11."""
    assert "не менее 3-х педагогов" in paragraphs["23"]
    assert "не менее 3-х педагогов" not in paragraphs["22"]
    assert "колледж" not in paragraphs["10"] and "технического и профессионального" in paragraphs["11"]
    assert paragraphs["10.8"].startswith("8) разработка методических")


def test_cite_refuses_a_paragraph_the_table_does_not_know() -> None:
    assert cite("21", "24") == "п. 21, 24"
    with pytest.raises(KeyError):
        cite("11.5")  # colleges (TiPPO): never cited by a school program


def test_every_rule_cites_only_paragraphs_of_the_table() -> None:
    for rule in Rule:
        for number in NUMBER.findall(rule.paragraph):
            assert number in PARAGRAPHS, (rule, number)
    assert Rule.HEAD_AND_SECRETARY_ARE_MEMBERS.paragraph == ""  # the program's rule, not п. 29
    assert Rule.AGREEMENT.paragraph == ""  # school practice, not п. 26 or 27
    assert "27" not in Rule.PLAN_WORKFLOW.paragraph and "27" not in Rule.PLAN_RECORD.paragraph


def _sources() -> list[Path]:
    files = sorted((ROOT / "desktop_app").rglob("*.py"))
    files += [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    files += sorted((ROOT / "translations").rglob("messages.po"))
    return [f for f in files if f.exists()]


def cited_numbers(text: str) -> set[str]:
    numbers: set[str] = set()
    for match in CITATION.finditer(text):
        numbers.update(NUMBER.findall(match.group(0)))
    return numbers


def test_the_citation_pattern_finds_what_it_should() -> None:
    assert cited_numbers("(п. 21, 24, 31)") == {"21", "24", "31"}
    assert cited_numbers("(п. 10.3, 10.4; п. 20) and 23-тармақ") == {"10.3", "10.4", "20", "23"}
    assert cited_numbers("п. 11") == {"11"}


def test_no_message_translation_or_document_cites_a_paragraph_outside_the_table() -> None:
    strays = {}
    for path in _sources():
        for number in cited_numbers(path.read_text(encoding="utf-8")) - set(PARAGRAPHS):
            strays.setdefault(str(path.relative_to(ROOT)), set()).add(number)
    assert strays == {}
