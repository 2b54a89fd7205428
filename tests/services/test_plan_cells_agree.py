"""One KTP cell, one reading: the editor's table model, the import of a file and the service's save
accept the same cells with the same values and refuse the same cells with the same message; a staff
list's dates are read by the same parser.

The editor is the real ``PlanRowsModel``, the import reads a real .csv (text cells, as typed), the
save goes through ``PlanService`` into the test's SQLite file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app import i18n
from desktop_app.domain import plan_cells
from desktop_app.domain.entities import CalendarPlan, Language, PlanRow
from desktop_app.domain.errors import DomainError
from desktop_app.domain.plan_cells import NO_TOPIC, NOT_FULL_DATE, CellError
from desktop_app.domain.text import fold
from desktop_app.services import file_tables
from desktop_app.services.plan_import import parse_plan
from desktop_app.services.staff_import import parse_date as staff_date
from desktop_app.ui.models import sorting
from desktop_app.ui.models.plan_rows import Col, PlanRowsModel, format_hours
from tests.shared_files import SCHEMA

from .conftest import SCHOOL, Env

START = 2026
TOPIC = "Көбейту кестесі"
HEADER = ["№", "Четверть", "Тема урока", "Кол-во часов", "Сроки"]
COLUMNS = {"term": Col.TERM, "topic": Col.TOPIC, "hours": Col.HOURS, "date": Col.DATE}
AGREE = settings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

#: Texts as people type them into a cell, and text that is nothing of the kind.
_NOISE = st.text(alphabet="0123456789 .,/-–:IVXivхч сағатоф", max_size=10)
_DAYS = st.dates(min_value=date(2000, 8, 1), max_value=date(2098, 7, 31))
HOURS = st.one_of(
    st.integers(-3, 40).map(str),
    st.builds(lambda w, f, u: f"{w}{f}{u}", st.integers(0, 25), st.sampled_from(["", ",5", ".5", ",25", ".0"]),
              st.sampled_from(["", " сағ", " ч.", " часа", "h"])),
    _NOISE,
)
TERMS = st.one_of(st.sampled_from(["1", "2", "3", "4", "0", "5", "I", "ii", "III", "IV", "V", "ІІ", "II тоқсан",
                                   "3 четверть", "", " "]), _NOISE)
DATES = st.one_of(
    _DAYS.flatmap(lambda d: st.sampled_from([d.strftime("%d.%m.%Y"), d.strftime("%d.%m"), d.isoformat(),
                                             d.strftime("%d/%m/%Y"), d.strftime("%d-%m-%Y"), d.strftime("%d.%m.%y"),
                                             f"{d.day}.{d.month}", d.strftime("%d.%m.%Y ж.")])),
    st.builds(lambda d, m, y: f"{d}.{m}{y}", st.integers(0, 35), st.integers(0, 14),
              st.sampled_from(["", ".2026", ".27", ".1999"])),
    _NOISE,
)
TOPICS = st.one_of(st.sampled_from(["", "  ", "Кіріспе", "Тема урока 1"]), st.text(alphabet="абв әқ", max_size=6))

Reading = tuple[Any, tuple[str, dict[str, Any]] | None]


def _message(error: DomainError | None) -> tuple[str, dict[str, Any]] | None:
    """The message of a refusal and its values but the row (a file counts its rows its own way)."""
    if error is None:
        return None
    return error.message, {k: v for k, v in error.params.items() if k != "line"}


def editor(column: str, text: str) -> Reading:
    """The cell typed into the editor's model: the value it saves, the refusal it shows."""
    model = PlanRowsModel([PlanRow(1, TOPIC, 1.0, term=1)], start_year=START)
    assert model.setData(model.index(0, COLUMNS[column]), text)
    rows, errors = model.parse()
    error = next((e for e in errors if e.field == f"rows.1.{column}"), None)
    assert error is None or error.params["line"] == 1
    shown = model.cell_problem(0, COLUMNS[column])
    assert shown == (error.render(i18n._) if error else None)  # the cell shows what the save is refused with
    return getattr(rows[0], column), _message(error)


def _csv(cells: dict[str, str]) -> bytes:
    row = {"term": "1", "topic": TOPIC, "hours": "1", "date": "", **cells}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([HEADER, ["1", row["term"], row["topic"], row["hours"], row["date"]]])
    return buffer.getvalue().encode("utf-8-sig")


def imported(column: str, text: str) -> Reading:
    """The same text as the cell of a .csv KTP read by the import."""
    parsed = parse_plan("ktp.csv", _csv({column: text}), START)
    assert not parsed.file_problems and len(parsed.rows) == 1, (text, parsed.file_problems)
    lesson = parsed.rows[0]
    return getattr(lesson.row, column), _message(lesson.problems.get(column))


def saved(env: Env, row: PlanRow) -> tuple[PlanRow | None, DomainError | None]:
    """The row saved through the service in a new draft: what is stored, or the refusal."""
    actor = env.actor("teacher")
    plan = CalendarPlan("", actor.teacher or "", "informatics", "2026-2027", 7, Language.KK, 1, rows=[row],
                        classes=["7А"])
    try:
        stored = env.s.plans.save(actor, SCHOOL, plan)
    except DomainError as error:
        return None, error
    return stored.rows[0], None


def _agree(column: str, text: str) -> Reading:
    """Editor and import read the cell alike: the same value, or the same refusal."""
    typed, from_file = editor(column, text), imported(column, text)
    assert typed[1] == from_file[1], (column, text)
    if typed[1] is None:
        assert typed[0] == from_file[0], (column, text)  # (what a refused cell stands for meanwhile may differ)
    return typed


@pytest.fixture(autouse=True)
def _language() -> None:
    i18n.set_language("ru")


@given(HOURS)
@AGREE
@example("30")
@example("20")
@example("0")
@example("0,5")
@example("")
def test_hours_cells_agree_and_the_save_refuses_what_the_editor_refuses(env: Env, text: str) -> None:
    value, refusal = _agree("hours", text)
    if refusal is None:
        assert 0 < value <= plan_cells.MAX_ROW_HOURS
    if refusal is not None and refusal[0] == plan_cells.NOT_HOURS:
        return  # not a number at all: nothing reaches the service
    number = value
    if refusal is not None:  # a number out of bounds
        written = re.match(r"\s*(\d+(?:[.,]\d+)?)", text)
        assert written is not None
        number = float(written[1].replace(",", "."))
    stored, error = saved(env, PlanRow(1, TOPIC, number, term=1))
    assert _message(error) == refusal, text
    if refusal is None:
        assert stored is not None and stored.hours == value
    else:
        assert error is not None and error.field == "rows.1.hours"


@given(st.integers(-1, 90).map(lambda quarters: quarters / 4), st.sampled_from(["kk", "ru"]))
@AGREE
@example(30.0, "kk")
@example(20.5, "ru")
def test_hours_shown_by_the_editor_read_back_and_are_refused_exactly_where_the_save_refuses(
        env: Env, hours: float, language: str) -> None:
    i18n.set_language(language)
    text = format_hours(hours) if hours >= 0 else str(hours)
    value, refusal = _agree("hours", text)
    stored, error = saved(env, PlanRow(1, TOPIC, hours, term=1))
    if hours >= 0:
        assert _message(error) == refusal, text  # the same message, the same row
    assert (stored is None) == (error is not None)
    if refusal is None:
        assert value == hours and stored is not None and stored.hours == hours
    else:
        model = PlanRowsModel([PlanRow(1, TOPIC, 1.0)], start_year=START)
        model.setData(model.index(0, Col.HOURS), text)
        if error is not None and hours >= 0:  # "-1" typed is not a number of hours at all
            assert model.cell_problem(0, Col.HOURS) == error.render(i18n._)
        assert model.data(model.index(0, Col.HOURS)) == text  # nothing typed is lost


@given(TERMS)
@AGREE
@example("IV")
@example("V")
def test_term_cells_agree(env: Env, text: str) -> None:
    value, refusal = _agree("term", text)
    if refusal is None:
        assert value is None or value in plan_cells.TERMS
        stored, error = saved(env, PlanRow(1, TOPIC, 1.0, term=value))
        assert error is None and stored is not None and stored.term == value


@given(st.integers(-2, 8))
@AGREE
def test_a_term_number_the_editor_refuses_the_save_refuses_with_the_same_message(env: Env, term: int) -> None:
    _value, refusal = _agree("term", str(term))
    _stored, error = saved(env, PlanRow(1, TOPIC, 1.0, term=term))
    assert _message(error) == refusal


@given(DATES)
@AGREE
@example("05.09")
@example("12.01")
@example("31.02.2026")
@example("05.09-06.09")
def test_date_cells_agree_and_what_is_read_is_saved(env: Env, text: str) -> None:
    value, refusal = _agree("date", text)
    if refusal is None and value is not None:
        stored, error = saved(env, PlanRow(1, TOPIC, 1.0, term=1, date=value))
        assert error is None and stored is not None and stored.date == value


@given(_DAYS)
def test_day_and_month_take_the_year_of_the_school_year(day: date) -> None:
    start = plan_cells.academic_start_year(day)
    model = PlanRowsModel([], start_year=start)
    model.append_row()
    model.setData(model.index(0, Col.TOPIC), TOPIC)
    model.setData(model.index(0, Col.DATE), day.strftime("%d.%m"))
    rows, errors = model.parse()
    assert errors == [] and rows[0].date == day
    assert parse_plan("ktp.csv", _csv({"date": day.strftime("%d.%m")}), start).rows[0].row.date == day


def test_the_editor_reads_day_and_month_in_the_school_year_of_the_plan() -> None:
    model = PlanRowsModel([PlanRow(1, TOPIC, 1.0, date=date(2025, 10, 1)), PlanRow(2, TOPIC, 1.0)])
    model.setData(model.index(1, Col.DATE), "12.01")
    assert model.parse()[0][1].date == date(2026, 1, 12)  # the year of the plan's dated lessons
    model.set_start_year(2027)
    assert model.parse()[0][1].date == date(2028, 1, 12)
    assert model.data(model.index(1, Col.DATE)) == "12.01"


@given(TOPICS)
@AGREE
@example("")
def test_topic_cells_agree(env: Env, text: str) -> None:
    model = PlanRowsModel([PlanRow(1, TOPIC, 1.0, term=1), PlanRow(2, "Соңғы", 1.0, term=1)], start_year=START)
    model.setData(model.index(0, Col.TOPIC), text)  # a row in the middle: an empty topic is not a blank row
    _rows, errors = model.parse()
    refusal = _message(next((e for e in errors if e.field == "rows.1.topic"), None))
    parsed = parse_plan("ktp.csv", _csv({"topic": text, "date": "02.09"}), START)
    from_file = _message(parsed.rows[0].problems.get("topic")) if parsed.rows else None
    assert refusal == from_file == ((NO_TOPIC, {}) if not text.strip() else None)
    _stored, error = saved(env, PlanRow(1, text, 1.0, term=1))
    assert _message(error) == refusal


@given(st.one_of(DATES, st.text(max_size=12)))
@settings(max_examples=200)
@example("05.09")
@example("45000")
def test_a_staff_list_reads_dates_with_the_same_parser(text: str) -> None:
    try:
        ktp: date | str | None = plan_cells.parse_date(text, START)
    except CellError:
        ktp = "refused"
    try:
        staff: date | str | None = staff_date(text)
    except CellError as error:
        assert error.message == NOT_FULL_DATE
        staff = "refused"
    if re.fullmatch("[0-9]{1,6}", file_tables.cell_text(text)):
        return  # a .csv staff list keeps Excel's serial day numbers as digits
    if staff != "refused":
        assert staff == ktp, text  # what the staff list reads, the KTP reads the same
    elif ktp != "refused":
        with pytest.raises(CellError):  # only a date written without its year needs the school year
            plan_cells.parse_date(text, None)


def test_the_bounds_are_those_of_the_exchange_schema() -> None:
    import json

    if SCHEMA is None:
        pytest.skip("../shared is not beside this checkout")
    plans = json.loads(SCHEMA.read_text(encoding="utf-8"))
    row = next(definition for definition in _objects(plans) if {"topic", "hours", "term"} <= set(
        definition.get("properties", {})))["properties"]
    assert (row["hours"]["exclusiveMinimum"], row["hours"]["maximum"]) == (0, plan_cells.MAX_ROW_HOURS)
    assert (row["term"]["minimum"], row["term"]["maximum"]) == (plan_cells.TERMS[0], plan_cells.TERMS[-1])
    assert row["topic"]["minLength"] == 1


def _objects(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for child in node.values():
            found.extend(_objects(child))
    elif isinstance(node, list):
        for child in node:
            found.extend(_objects(child))
    return found


def test_one_fold() -> None:
    assert sorting.fold is fold and file_tables.fold is fold
    assert fold("  Сағат  САНЫ: ") == "сағат саны" and fold("Ёлка") == "елка" and fold("ӘБ") == "әб"


def test_the_editor_keeps_thirty_hours_typed_and_refuses_them_as_the_save_does(env: Env) -> None:
    model = PlanRowsModel([PlanRow(1, TOPIC, 1.0, term=1)], start_year=START)
    model.setData(model.index(0, Col.HOURS), "30")
    rows, errors = model.parse()
    _stored, error = saved(env, replace(rows[0], hours=30.0))
    assert error is not None and [e.render(i18n._) for e in errors] == [error.render(i18n._)]
    assert error.render(i18n._) == "Строка 1: часов должно быть больше 0 и не больше 20"
    assert model.data(model.index(0, Col.HOURS)) == "30"
