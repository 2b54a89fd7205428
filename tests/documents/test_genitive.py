"""An association's Russian name after «заседания …» / «на заседании …» / «План работы …»: typed in
the nominative («Межшкольное МО учителей физики»), printed in the genitive; Kazakh as typed."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.extract import build_extract
from desktop_app.documents.ktp import build_plan
from desktop_app.documents.protocol import build_protocol
from desktop_app.documents.verification import verification
from desktop_app.documents.workplan import build_work_plan
from desktop_app.domain.entities import LocalizedText, SchoolRecords
from desktop_app.i18n.russian import HEAD_NOUNS, genitive
from desktop_app.services.documents import extract_check, meeting_check
from desktop_app.services.exchange import dump_plan, parse_document
from tests.shared_files import SAMPLE

EXAMPLES = {
    "МО учителей математики": "МО учителей математики",
    "ШМО учителей английского языка": "ШМО учителей английского языка",
    "Межшкольное МО учителей физики": "межшкольного МО учителей физики",
    "Методическое объединение учителей истории": "методического объединения учителей истории",
    "Школьное методическое объединение учителей начальных классов":
        "школьного методического объединения учителей начальных классов",
    "Творческая группа учителей": "творческой группы учителей",
    "Общая кафедра": "общей кафедры",
    "Кафедра естественных наук": "кафедры естественных наук",
    "Городской методический совет": "городского методического совета",
    "Высший совет": "высшего совета",
    "Предметная секция": "предметной секции",
    "Естественно-математическое МО": "естественно-математического МО",
    "Гуманитарный цикл": "гуманитарного цикла",
    "Школа молодого учителя": "школы молодого учителя",
    # already genitive, or a head that is not recognised: as typed (no guessed ending)
    "методического объединения учителей": "методического объединения учителей",
    "Русский язык и литература": "Русский язык и литература",
    "Творческая мастерская учителей": "Творческая мастерская учителей",
    "Гуманитарное": "Гуманитарное",
    "": "",
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_head_of_a_name_goes_into_the_genitive(name: str) -> None:
    assert genitive(name) == EXAMPLES[name]


_WORD = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяӘҒҚҢӨҰҮҺІ", min_size=1, max_size=12)


@given(st.sampled_from(["МО", "ШМО", "ГМО", "ПМО", "МС"]), st.lists(_WORD, max_size=5))
def test_a_name_that_begins_with_an_abbreviation_is_printed_as_typed(abbreviation: str, rest: list[str]) -> None:
    name = " ".join([abbreviation, *rest])
    assert genitive(name) == name


@given(st.lists(st.sampled_from(["Методическое", "Школьное", "Межшкольное", "Творческая", "Городской"]), max_size=2),
       st.sampled_from(sorted(HEAD_NOUNS)), st.lists(_WORD, max_size=4))
def test_only_the_head_changes_and_the_rest_is_kept(adjectives: list[str], noun: str, rest: list[str]) -> None:
    words = genitive(" ".join([*adjectives, noun.capitalize(), *rest])).split(" ")
    assert words[len(adjectives)] == HEAD_NOUNS[noun]
    assert words[len(adjectives) + 1:] == rest
    assert all(w.endswith(("ого", "его", "ой", "ей")) for w in words[:len(adjectives)])


@given(st.text(max_size=40))
def test_any_text_gives_text_of_as_many_words(name: str) -> None:
    assert len(genitive(name).split(" ")) == len(name.split(" "))


def _flat(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture(scope="module")
def renamed() -> SchoolRecords:
    """The sample school with its mathematics association named as an inter-school one is."""
    records = parse_document(SAMPLE.read_bytes())
    records.associations = [
        replace(b, name=LocalizedText(kk="Мектепаралық математика ӘБ", ru="Межшкольное МО учителей математики"))
        if b.id == "mo-math-26" else b for b in records.associations]
    return records


def test_the_documents_print_the_genitive_in_russian_and_the_name_as_typed_in_kazakh(renamed: SchoolRecords) -> None:
    ctx = DocumentContext.from_records(renamed)
    meeting = next(m for m in renamed.meetings if m.id == "m-math-26-1")
    body = next(b for b in renamed.associations if b.id == "mo-math-26")
    plan = next(p for p in renamed.plans if p.review is not None and p.review.meeting == meeting.id)
    item = meeting.agenda[-1].number
    texts = {language: {
        "protocol": _flat(build_protocol(meeting, ctx, language, meeting_check(meeting))),
        "extract": _flat(build_extract(meeting, item, ctx, language, extract_check(meeting, item), date(2026, 11, 27))),
        "workplan": _flat(build_work_plan(body, ctx, language, verification("workplan", body.id, 1, {}))),
        "ktp": _flat(build_plan(plan, ctx, language, verification("ktp", plan.id, plan.version, dump_plan(plan)))),
    } for language in ("ru", "kk")}
    ru, kk = texts["ru"], texts["kk"]
    assert "заседания межшкольного МО учителей математики" in ru["protocol"]
    assert "заседания межшкольного МО учителей математики" in ru["extract"]
    assert "ПЛАН РАБОТЫ межшкольного МО учителей математики" in ru["workplan"]
    assert "на заседании межшкольного МО учителей математики, протокол № 1" in ru["ktp"]
    assert all("Межшкольное" not in text for text in ru.values())
    assert "Мектепаралық математика ӘБ отырысының" in kk["protocol"]
    assert "Мектепаралық математика ӘБ отырысында" in kk["ktp"]
