"""Printed documents from the sample school, read back with pypdf (documents.md point by point)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.extract import build_extract
from desktop_app.documents.ktp import build_plan
from desktop_app.documents.mentorship import build_mentorship
from desktop_app.documents.observation import build_observation
from desktop_app.documents.protocol import build_protocol, people_count
from desktop_app.documents.register import build_register
from desktop_app.documents.verification import verification
from desktop_app.documents.workplan import build_work_plan
from desktop_app.domain.entities import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingStatus,
    SchoolRecords,
    Speech,
    Teacher,
    Vote,
)
from desktop_app.services.documents import meeting_check
from desktop_app.services.exchange import dump_meeting, dump_plan, parse_document
from tests.shared_files import SAMPLE

KAZAKH = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"
LANGS = ("kk", "ru")


@pytest.fixture(scope="module")
def records() -> SchoolRecords:
    return parse_document(SAMPLE.read_bytes())


@pytest.fixture(scope="module")
def ctx(records: SchoolRecords) -> DocumentContext:
    return DocumentContext.from_records(records)


def pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(pages(data)))


def in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after position {position}: …{text[position:position + 200]}"
        position = found + len(part)


def meeting(records: SchoolRecords, meeting_id: str) -> Meeting:
    return next(m for m in records.meetings if m.id == meeting_id)


def protocol(m: Meeting, ctx: DocumentContext, language: str) -> bytes:
    return build_protocol(m, ctx, language, meeting_check(m))


EXPECTED = {
    "kk": ["Астана қаласы әкімдігінің", "мұғалімдерінің ӘБ отырысының № 1 ХАТТАМАСЫ", "2026 жылғы 27 тамыз",
           "Астана қ.", "Өткізілген орны: Мектеп, 204 кабинет",
           "Төраға: Әбенова Г. С.", "Хатшы: Ким В. А.", "Қатысқандар: 4 адам", "Қатыспағандар: Иванова О. П. —",
           "Еңбек демалысында", "Шақырылғандар: Жұмабекова А. М.", "КҮН ТӘРТІБІ:", "1. 2026-2027",
           "2. Жас маман", "ТЫҢДАЛДЫ:", "СӨЙЛЕДІ:", "ҚАУЛЫ ЕТТІ:", "1.1. Ким В. А.", "1.2. Қасымов",
           "Дауыс берді: «жақтап» — 4, «қарсы» — 0, «қалыс қалды» — 0.", "ТЫҢДАЛДЫ:", "ҚАУЛЫ ЕТТІ:", "2.1.",
           "Төраға", "Г. С. Әбенова", "Хатшы", "В. А. Ким"],
    "ru": ["КГУ «Общеобразовательная школа № 7»", "ПРОТОКОЛ № 1", "заседания МО учителей математики",
           "27 августа 2026 г.", "г. Астана", "Председатель: Әбенова Г. С.", "Секретарь: Ким В. А.",
           "Присутствовали: 4 человека", "Отсутствовали: Иванова О. П. —", "Приглашенные: Жұмабекова А. М.",
           "ПОВЕСТКА ДНЯ:", "1. 2026-2027", "2. Жас маман", "СЛУШАЛИ:", "ВЫСТУПИЛИ:", "ПОСТАНОВИЛИ:",
           "1.1. Ким В. А.", "1.2. Қасымов", "Голосовали: «за» — 4, «против» — 0, «воздержались» — 0.",
           "СЛУШАЛИ:", "ПОСТАНОВИЛИ:", "2.1.", "Председатель", "Г. С. Әбенова", "Секретарь", "В. А. Ким"],
}


@pytest.mark.parametrize("language", LANGS)
def test_protocol_has_every_part_in_order(records: SchoolRecords, ctx: DocumentContext, language: str) -> None:
    m = meeting(records, "m-math-26-1")
    text = flat(protocol(m, ctx, language))
    in_order(text, EXPECTED[language])
    in_order(text, ["Информатика", "7 (7А, 7Б)", "Алгебра", "8 (8В)"])  # plans considered under item 1


def test_kazakh_letters_and_user_markup_print_literally(records: SchoolRecords, ctx: DocumentContext) -> None:
    m = meeting(records, "m-math-26-2")
    tricky = 'Итоги <b>СОР</b> & "СОЧ" \'8\' < > &amp;'
    item = replace(m.agenda[0], title=tricky, heard=[Speech("t-02", f"{KAZAKH} — сөз\nжаңа жол")])
    text = flat(protocol(replace(m, agenda=[item]), ctx, "ru"))
    assert tricky in text
    assert KAZAKH in text
    assert "сөз жаңа жол" in text


def test_draft_mark_only_on_unfinished_protocols(records: SchoolRecords, ctx: DocumentContext) -> None:
    held = meeting(records, "m-math-26-2")
    finalized = replace(held, status=MeetingStatus.FINALIZED)
    for language, mark in (("ru", "ПРОЕКТ"), ("kk", "ЖОБА")):
        assert mark in flat(protocol(held, ctx, language)).replace(" ", "")
        assert mark not in flat(protocol(finalized, ctx, language)).replace(" ", "")
        draft = replace(held, status=MeetingStatus.DRAFT)
        assert mark in flat(protocol(draft, ctx, language)).replace(" ", "")


def test_verification_code_on_every_page_and_changes_with_record(records: SchoolRecords,
                                                                 ctx: DocumentContext) -> None:
    m = meeting(records, "m-math-26-1")
    check = meeting_check(m)
    assert len(check.code) == 12 and check.digest.startswith(check.code)
    for language in LANGS:
        texts = pages(protocol(m, ctx, language))
        assert all(check.code in page for page in texts)
        assert "Тексеру коды" in texts[-1] or "Код проверки" in texts[-1]  # the QR block, last page
        assert check.digest not in "".join(texts)  # the full hash is for programs (QR, keywords)
    changed = replace(m, agenda=[replace(m.agenda[0], title=m.agenda[0].title + "."), *m.agenda[1:]])
    assert meeting_check(changed).code != check.code
    assert meeting_check(changed).code in pages(protocol(changed, ctx, "ru"))[0]


def _big_meeting(records: SchoolRecords, ctx: DocumentContext, present: int) -> tuple[Meeting, DocumentContext]:
    teachers = dict(ctx.teachers)
    attendance = []
    for n in range(present):
        teacher_id = f"x-{n:02d}"
        teachers[teacher_id] = Teacher(teacher_id, f"Сейітова{n}", "Ару", "Бекқызы")
        attendance.append(Attendance(teacher_id, True))
    attendance.append(Attendance("t-03", False, "болеет"))
    items = [AgendaItem(i, f"Вопрос {i}", [f"Решение {i}.{k}" for k in range(1, 4)],
                        heard=[Speech("x-00", "Доклад. " * 60)], spoke=[Speech("x-01", "Мнение. " * 30)],
                        vote=Vote(present, 0, 0)) for i in range(1, 11)]
    m = replace(meeting(records, "m-math-26-2"), attendance=attendance, agenda=items, chair="x-00",
                secretary="x-01", status=MeetingStatus.FINALIZED)
    return m, replace(ctx, teachers=teachers)


def test_more_than_15_present_goes_to_an_appendix_and_pages_are_numbered(records: SchoolRecords,
                                                                         ctx: DocumentContext) -> None:
    m, big = _big_meeting(records, ctx, 21)
    texts = pages(protocol(m, big, "ru"))
    total = len(texts)
    assert total >= 4
    first = re.sub(r"\s+", " ", texts[0])
    assert "Присутствовали: 21 человек (список прилагается)" in first
    assert "Сейітова5" not in first
    appendix = re.sub(r"\s+", " ", texts[-1])
    assert "Приложение к протоколу № 2" in appendix and "Список присутствующих" in appendix
    assert "Сейітова20 Ару Бекқызы" in appendix
    assert "Страница" not in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert f"Страница {number} из {total}" in text
    kk = pages(protocol(m, big, "kk"))
    assert f"{len(kk)} беттің 2-беті" in kk[1]


@pytest.mark.parametrize(("count", "ru", "kk"), [(1, "1 человек", "1 адам"), (3, "3 человека", "3 адам"),
                                                 (5, "5 человек", "5 адам"), (21, "21 человек", "21 адам"),
                                                 (22, "22 человека", "22 адам"), (11, "11 человек", "11 адам")])
def test_plural_forms(count: int, ru: str, kk: str) -> None:
    assert people_count(count, "ru") == ru
    assert people_count(count, "kk") == kk


def test_same_record_same_bytes_and_metadata(records: SchoolRecords, ctx: DocumentContext) -> None:
    m = meeting(records, "m-math-26-1")
    first, second = protocol(m, ctx, "kk"), protocol(m, ctx, "kk")
    assert first == second
    reader = PdfReader(io.BytesIO(first))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "№ 1 ХАТТАМА"
    assert f"sha256:{meeting_check(m).digest}" in str(meta.get("/Keywords"))
    assert meta.author == ctx.school.name.kk
    assert meta.subject and "отырысының" in meta.subject
    assert meta.creator == "Metodsovet"
    assert str(meta.creation_date.date()) in ("2026-08-26", "2026-08-27")  # type: ignore[union-attr]
    assert reader.trailer["/Root"]["/Lang"] == "kk-KZ"
    ru = PdfReader(io.BytesIO(protocol(m, ctx, "ru")))
    assert ru.trailer["/Root"]["/Lang"] == "ru-RU"


@pytest.mark.parametrize("language", LANGS)
def test_extract(records: SchoolRecords, ctx: DocumentContext, language: str) -> None:
    m = meeting(records, "m-math-26-1")
    check = verification("extract", f"{m.id}#1", m.version, {"meeting": dump_meeting(m), "item": 1})
    text = flat(build_extract(m, 1, ctx, language, check, issued=date(2026, 11, 27)))
    if language == "ru":
        in_order(text, ["КГУ", "ВЫПИСКА ИЗ ПРОТОКОЛА № 1",
                        "заседания МО учителей математики и информатики от 27.08.2026", "Присутствовали: 4 человека",
                        "СЛУШАЛИ:", "ПОСТАНОВИЛИ:", "1.1.", "Голосовали", "Выписка верна", "Секретарь",
                        "В. А. Ким", "Дата выдачи: 27 ноября 2026 г."])
    else:
        in_order(text, ["Астана қаласы",
                        "мұғалімдерінің ӘБ отырысының 2026 жылғы 27 тамыздағы № 1 хаттамасынан ҮЗІНДІ",
                        "Қатысқандар: 4 адам",
                        "ТЫҢДАЛДЫ:", "ҚАУЛЫ ЕТТІ:", "1.1.", "Дауыс берді", "Үзінді дұрыс", "Хатшы", "В. А. Ким",
                        "2026 жылғы 27 қараша"])
    assert "2.1." not in text


@pytest.mark.parametrize("language", LANGS)
def test_plan_title_page_of_approvals(records: SchoolRecords, ctx: DocumentContext, language: str) -> None:
    plan = next(p for p in records.plans if p.id == "ktp-inf7-26")
    check = verification("ktp", plan.id, plan.version, dump_plan(plan))
    texts = pages(build_plan(plan, ctx, language, check))
    title = re.sub(r"\s+", " ", texts[0])
    body = re.sub(r"\s+", " ", " ".join(texts[1:]))
    if language == "ru":
        in_order(title, ["РАССМОТРЕНО",
                         "на заседании МО учителей математики и информатики, протокол № 1 от 27.08.2026 г.",
                         "СОГЛАСОВАНО",
                         "А. М. Жұмабекова", "УТВЕРЖДАЮ", "Б. С. Оспанов", "КАЛЕНДАРНО-ТЕМАТИЧЕСКИЙ ПЛАН",
                         "Информатика", "7А, 7Б", "2026–2027 учебный год", "Ким"])
        in_order(body, ["Раздел / сквозная тема", "Тема урока", "Цели обучения", "Дата", "Примечание",
                        "1 четверть", "02.09.2026", "2 четверть", "Всего: 33 ч"])
    else:
        in_order(title, ["ҚАРАЛДЫ", "мұғалімдерінің ӘБ отырысында, 2026 жылғы 27 тамыздағы № 1 хаттама",
                         "КЕЛІСІЛДІ", "БЕКІТЕМІН", "КҮНТІЗБЕЛІК-ТАҚЫРЫПТЫҚ ЖОСПАР"])
        in_order(body, ["Бөлім / ортақ тақырып", "Сабақтың тақырыбы", "Оқу мақсаттары", "Ескертпе"])
    # the header repeats on every page the table runs onto
    header = "Тема урока" if language == "ru" else "Сабақтың тақырыбы"
    assert all(header in re.sub(r"\s+", " ", t) for t in texts[1:])


def test_plan_not_yet_approved_leaves_blank_lines(records: SchoolRecords, ctx: DocumentContext) -> None:
    plan = next(p for p in records.plans if p.id == "ktp-alg8-26")
    check = verification("ktp", plan.id, plan.version, dump_plan(plan))
    title = re.sub(r"\s+", " ", pages(build_plan(plan, ctx, "ru", check))[0])
    assert "СОГЛАСОВАНО" in title and "«___» __________ 20__ г." in title
    assert "протокол № ____ от «___» __________ 20__ г." in title
    kk = re.sub(r"\s+", " ", pages(build_plan(plan, ctx, "kk", check))[0])
    assert "ӘБ отырысында, 20__ жылғы «___» __________ № ____ хаттама" in kk
    assert "Оспанов" not in title


Builder = Callable[[SchoolRecords, DocumentContext, str], bytes]


def _work_plan(records: SchoolRecords, ctx: DocumentContext, language: str) -> bytes:
    body = next(a for a in records.associations if a.id == "mo-math-25")
    return build_work_plan(body, ctx, language, verification("workplan", body.id, 1, {}))


def _register(records: SchoolRecords, ctx: DocumentContext, language: str) -> bytes:
    body = next(a for a in records.associations if a.id == "mo-math-26")
    meetings = [m for m in records.meetings if m.body == body.id]
    return build_register(body, meetings, ctx, language, verification("register", body.id, 1, {}))


def _mentorship(records: SchoolRecords, ctx: DocumentContext, language: str) -> bytes:
    record = records.mentorships[0]
    return build_mentorship(record, ctx, language, verification("mentorship", record.id, 1, {}))


def _observation(records: SchoolRecords, ctx: DocumentContext, language: str) -> bytes:
    record = records.lesson_visits[0]
    return build_observation(record, ctx, language, verification("observation", record.id, 1, {}))


OTHERS: dict[str, tuple[Builder, dict[str, list[str]]]] = {
    "workplan": (_work_plan, {"ru": ["УТВЕРЖДАЮ", "Б. С. Оспанов", "29 августа 2025 г.",
                                     "ПЛАН РАБОТЫ МО учителей математики и информатики на 2025–2026 учебный год",
                                     "август 2025", "заседание"],
                              "kk": ["БЕКІТЕМІН", "Б. С. Оспанов",
                                     "мұғалімдерінің ӘБ 2025–2026 оқу жылына арналған ЖҰМЫС ЖОСПАРЫ",
                                     "2025 ж. тамыз"]}),
    "register": (_register, {"ru": ["ЖУРНАЛ РЕГИСТРАЦИИ ПРОТОКОЛОВ", "2026–2027", "27.08.2026", "06.11.2026",
                                   "Всего: 2 протокола", "Руководитель МО", "Г. С. Әбенова"],
                             "kk": ["2026–2027", "27.08.2026", "1. 2026-2027", "06.11.2026", "Барлығы: 2 хаттама",
                                   "ӘБ жетекшісі", "Г. С. Әбенова"]}),
    "mentorship": (_mentorship, {"ru": ["ПЛАН РАБОТЫ С МОЛОДЫМ СПЕЦИАЛИСТОМ", "Наставник:", "Иванова",
                                        "Молодой специалист:", "Серікбай", "Статус: действует",
                                        "Основание: приказ № 112-Ж от 31.08.2026 г.", "15.09.2026", "Заключение"],
                                 "kk": ["ЖАС МАМАНМЕН ЖҰМЫС ЖОСПАРЫ", "Тәлімгер:", "Жас маман:",
                                        "Негіздеме: 2026 жылғы 31 тамыздағы № 112-Ж бұйрық"]}),
    "observation": (_observation, {"ru": ["ЛИСТ НАБЛЮДЕНИЯ УРОКА", "открытый урок", "18 ноября 2026 г.",
                                          "Python: шартты оператор", "Критерии анализа урока", "Цель урока",
                                          "Дифференциация", "Результат", "Әбенова Г. С.", "Сильные стороны"],
                                   "kk": ["САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ", "ашық сабақ", "2026 жылғы 18 қараша",
                                          "Сабақты талдау өлшемдері", "Саралау"]}),
}


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", sorted(OTHERS))
def test_other_documents(records: SchoolRecords, ctx: DocumentContext, kind: str, language: str) -> None:
    builder, expected = OTHERS[kind]
    data = builder(records, ctx, language)
    in_order(flat(data), expected[language])
    assert data == builder(records, ctx, language)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_every_font_embedded_and_no_base14(records: SchoolRecords, ctx: DocumentContext, tmp_path: Path) -> None:
    m = replace(meeting(records, "m-math-26-2"), status=MeetingStatus.DRAFT)
    plan = records.plans[0]
    outputs = {
        "protocol": protocol(m, ctx, "kk"),
        "ktp": build_plan(plan, ctx, "ru", verification("ktp", plan.id, 1, {})),
        **{kind: builder(records, ctx, "kk") for kind, (builder, _) in OTHERS.items()},
    }
    for name, data in outputs.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = report.splitlines()[2:]
        assert rows, name
        for row in rows:
            assert "LiberationSerif" in row, row
            fields = row.split()
            assert fields[-5] == "yes", f"{name}: not embedded: {row}"  # emb sub uni object ID
        for base14 in ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats"):
            assert base14 not in report, f"{name}: {base14}"


@pytest.mark.parametrize("language", LANGS)
def test_a_typed_decision_number_prints_once(records: SchoolRecords, ctx: DocumentContext, language: str) -> None:
    m = meeting(records, "m-math-26-1")
    item = replace(m.agenda[0], decisions=["1.1. Принять к сведению", "1.2 Ұсынылсын", "2026 жылы өткізу"])
    text = flat(protocol(replace(m, agenda=[item, *m.agenda[1:]]), ctx, language))
    in_order(text, ["1.1. Принять к сведению", "1.2. Ұсынылсын", "1.3. 2026 жылы өткізу"])
    assert "1.1. 1.1." not in text and "1.2. 1.2" not in text


@pytest.mark.parametrize(("language", "heading"), [
    ("kk", "Әдістемелік кеңес отырысының № 2 ХАТТАМАСЫ"),
    ("ru", "ПРОТОКОЛ № 2 заседания методического совета"),
])
def test_the_council_protocol_heading(records: SchoolRecords, ctx: DocumentContext, language: str,
                                      heading: str) -> None:
    m = replace(meeting(records, "m-math-26-2"), body="council-26")
    text = flat(protocol(m, ctx, language))
    assert heading in text
    assert "кеңестің отырысының" not in text
