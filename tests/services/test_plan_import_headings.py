"""Headings recognised as a person reads them: stems in Kazakh and Russian, in any case, spacing,
line breaks, abbreviations and number; a group heading over sub-headings; ambiguity left to the user."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.entities import Language
from desktop_app.services.plan_import import HEADERS, parse_date, parse_hours, term_heading
from desktop_app.services.plan_import.columns import field_of, find_header

#: Headings as real files write them (not in ``HEADERS``), with the field each names.
WRITTEN = {
    "Тақырыптар": "topic", "ТЕМЫ  УРОКОВ": "topic", "Тема\nурока": "topic", "Сабақтың тақырыбы:": "topic",
    "Кол-во\nчасов": "hours", "К-во ч.": "hours", "Сағ.": "hours", "Сағат саны*": "hours", "Кол. час.": "hours",
    "Дата\n(по плану)": "date", "Мерзімдері": "date", "Күні": "date", "Срок проведения": "date",
    "Оқу\nмақсаттары": "objectives", "Цель урока": "objectives", "Ескертулер": "note", "Примеч.": "note",
    "Бөлімдер": "section", "Разделы / сквозные темы": "section", "Ұзақ мерзімді жоспардың бөлімі": "section",
    "Четверти": "term", "Тоқсандар": "term", "Сабақ №": "number", "№ р/с": "number", "№п/п": "number",
    "Токсан": "term", "Такырыбы": "topic", "Сагат саны": "hours", "Мерзими": "date",
}
NOT_FIELDS = ("Үй тапсырмасы", "Домашнее задание", "Ресурсы", "Дата факт", "Нақты күні", "Фактически",
              "Күнтізбелік-тақырыптық жоспар бекітемін")


def test_every_listed_and_written_heading_is_recognised() -> None:
    for name, headings in HEADERS.items():
        for heading in headings:
            assert field_of(heading) == name, heading
    for heading, name in WRITTEN.items():
        assert field_of(heading) == name, heading


def test_headings_of_other_columns_are_not_taken_for_fields() -> None:
    assert [field_of(h) for h in NOT_FIELDS[:-1]] == [None] * (len(NOT_FIELDS) - 1)


ABBREVIATED = {"количество": "кол-во", "часов": "ч.", "примечание": "прим.", "четверть": "четв.",
               "сағат": "сағ.", "сабақтың": "сабақ", "примечания": "примеч."}
PLURAL = {"тема": "темы", "урока": "уроков", "тақырыбы": "тақырыптары", "мақсаты": "мақсаттары",
          "цель": "цели", "раздел": "разделы", "бөлімі": "бөлімдері", "дата": "даты", "срок": "сроки",
          "ескертпе": "ескертпелер", "примечание": "примечания", "мерзімі": "мерзімдері"}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A heading of ``WRITTEN`` or ``HEADERS`` changed as people change them."""
    pairs = [(h, f) for f, hs in HEADERS.items() for h in hs] + list(WRITTEN.items())
    heading, name = draw(st.sampled_from(pairs))
    words = heading.split()
    words = [draw(st.sampled_from([w, PLURAL.get(w.lower(), w)])) for w in words]
    words = [draw(st.sampled_from([w, ABBREVIATED.get(w.lower(), w)])) for w in words]
    words = [draw(st.sampled_from([w, w.upper(), w.lower(), w.capitalize()])) for w in words]
    separators = [draw(st.sampled_from([" ", "  ", "\n", " \n ", "\t"])) for _ in words]
    text = "".join(w + s for w, s in zip(words, separators, strict=True))
    text = draw(st.sampled_from(["", " ", "\n"])) + text + draw(st.sampled_from(["", ":", " *", "."]))
    return text, name


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_mutated_headings_are_still_recognised(case: tuple[str, str]) -> None:
    text, name = case
    assert field_of(text) == name, text


def test_a_group_heading_over_sub_headings_and_a_date_per_class() -> None:
    rows: list[list[object]] = [
        ["УТВЕРЖДАЮ", None, None, None, None, "Директор школы"],
        ["Календарно-тематический план по информатике, 7 класс", None, None, None, None, None],
        ["№", "Содержание", None, "Кол-во часов", "Дата", None],
        [None, "Раздел", "Тема урока", None, "7А", "7Б"],
        ["1", "Компьютер", "Устройство", "1", "05.09", "06.09"],
    ]
    spans = [set(), set(), {2, 5}, set(), set()]
    header = find_header(rows, spans)  # type: ignore[arg-type]
    assert header is not None and header.row == 2 and header.rows == 2
    assert header.columns == {0: "number", 1: "section", 2: "topic", 3: "hours", 4: "date"}
    assert header.groups == [(4, "7А"), (5, "7Б")] and header.ambiguous == {}


def test_two_columns_for_one_field_are_left_for_the_user() -> None:
    rows = [["№", "Тема урока", "Дата", "Кол-во часов", "Дата"], ["1", "Кіріспе", "05.09", "1", "06.09"]]
    header = find_header(rows)  # type: ignore[arg-type]
    assert header is not None and header.ambiguous == {"date": [2, 4]}
    assert "date" not in header.columns.values()


def test_plan_and_fact_dates_read_the_planned_one() -> None:
    rows = [["№", "Тема урока", "Сағат", "Мерзімі", None], [None, None, None, "жоспар бойынша", "нақты"]]
    header = find_header(rows, [set(), set(), set(), {4}, set()][:2])  # type: ignore[arg-type]
    assert header is not None and header.columns == {0: "number", 1: "topic", 2: "hours", 3: "date"}


def test_cells_as_schools_write_them() -> None:
    assert [term_heading(t) for t in ("І тоқсан", "ІІ ТОҚСАН", "1-тоқсан", "2-ші тоқсан", "III четверть",
                                      "2-я четверть", "Четверть 3", "IV тоқсан (16 сағат)", "1 тоқсанды қайталау")] \
        == [1, 2, 1, 2, 3, 2, 3, 4, None]
    assert [parse_hours(h) for h in ("1", "1 ч", "1 сағ", "2 часа", "0,5", "1ч.")] == [1, 1, 1, 2, 0.5, 1]
    assert [parse_date(d, 2026) for d in ("05.09", "5.09.26", "05.09-06.09", "05-06.09", "12.01")] == \
        [date(2026, 9, 5)] * 4 + [date(2027, 1, 12)]
    assert [parse_date("05.09 / 06.09", 2026, g) for g in (0, 1)] == [date(2026, 9, 5), date(2026, 9, 6)]
    assert parse_date("05.09", 2026, 1) == date(2026, 9, 5)  # one date serves every class


def test_merged_rows_that_are_lessons_and_those_that_are_sections() -> None:
    from desktop_app.services.plan_import import parse_rows
    from desktop_app.services.plan_import.columns import PlanTable

    texts = ["СОР по разделу «Числа»", "Раздел 3. Повторение", "Итоговое повторение", "ТЖБ", "Резерв",
             "2-бөлім. Қайталау"]
    rows: list[list[object]] = [["№", "Тема урока", "Часы", "Дата"], ["1", "Тема 1", "", ""]]
    rows += [[t, None, None, None] for t in texts]
    table = PlanTable(rows, [set()] + [set()] + [{1, 2, 3}] * len(texts), list(range(1, len(rows) + 1)), 0,  # type: ignore[arg-type]
                      {0: "number", 1: "topic", 2: "hours", 3: "date"}, Language.RU)
    parsed = parse_rows(table, table.columns, 2026)
    assert [(r.topic, r.section) for r in parsed.plan_rows()] == [
        ("Тема 1", None), ("СОР по разделу «Числа»", None), ("Итоговое повторение", "Раздел 3. Повторение"),
        ("ТЖБ", "Раздел 3. Повторение"), ("Резерв", "Раздел 3. Повторение")]
