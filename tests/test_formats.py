"""Numbers, sizes and dates as Kazakh and Russian write them (desktop_app.i18n, Babel kk_KZ / ru_KZ),
in messages too: a refusal's float and date parameters, a lazy status message."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app import i18n
from desktop_app.domain.calendar import CalendarFinding, Severity
from desktop_app.domain.errors import DomainError, Rule


@pytest.fixture(autouse=True)
def keep_language():  # type: ignore[no-untyped-def]
    before = i18n.current_language()
    yield
    i18n.set_language(before)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_numbers_use_a_decimal_comma(language: str) -> None:
    assert i18n.format_number(0.38, language) == "0,38"
    assert i18n.format_number(0.5, language) == "0,5"
    assert i18n.format_number(2.0, language) == "2"
    assert i18n.format_number(1234.5, language) == "1\xa0234,5"
    assert i18n.format_size(380_000, language) == "0,38"
    assert i18n.format_size(12_345_678, language) == "12,35"
    assert i18n.format_number(3, language, decimals=1) == "3,0"


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False).map(lambda v: round(v, 2)))
def test_a_formatted_number_reads_back(value: float) -> None:
    for language in i18n.LANGUAGES:
        text = i18n.format_number(value, language)
        assert "." not in text
        assert float(text.replace("\xa0", "").replace(",", ".")) == pytest.approx(value)


@given(st.dates())
def test_a_short_date_is_what_babel_writes_in_either_language(day: date) -> None:
    """The date written without Babel (lists write dozens at a paint) is Babel's ``SHORT_DATE``."""
    from babel.dates import format_date

    for language in i18n.LANGUAGES:
        wanted = format_date(day, format=i18n.SHORT_DATE, locale=i18n.babel_locale(language))
        assert i18n.format_short_date(day, language) == wanted
        assert i18n.format_short_date(datetime(day.year, day.month, day.day, 23, 59), language) == wanted


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_dates_are_numeric_with_the_whole_year(language: str) -> None:
    assert i18n.format_short_date(date(2026, 12, 6), language) == "06.12.2026"
    moment = datetime(2026, 12, 6, 9, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert i18n.format_moment(moment, language) == local.strftime("%d.%m.%Y %H:%M")


def test_a_refusal_shows_its_numbers_and_dates_in_the_language() -> None:
    finding = CalendarFinding("p1", None, None, Severity.WARNING,
                              "The plan has {total} hours; the calendar leaves room for about {room}",
                              (("total", 34.5), ("room", 33.0)))
    error = finding.as_error()
    assert error.render() == "The plan has 34.5 hours; the calendar leaves room for about 33"
    for language in i18n.LANGUAGES:
        shown = error.render(i18n.gettext_for(language))
        assert "34,5" in shown and "33" in shown and "34.5" not in shown
    dated = DomainError(Rule.VALUE, "{day}", {"day": date(2026, 12, 6)})
    assert dated.render(i18n._) == "06.12.2026"


def test_a_lazy_message_is_rendered_in_the_language_of_the_moment() -> None:
    message = i18n.Text("Backup made: {path}", {"path": "a.sqlite3"})
    i18n.set_language("ru")
    russian = i18n.render(message)
    i18n.set_language("kk")
    kazakh = i18n.render(message)
    assert russian != kazakh and "a.sqlite3" in russian and "a.sqlite3" in kazakh
    assert russian == i18n.gettext_for("ru")("Backup made: {path}").format(path="a.sqlite3")
    assert i18n.render("already translated") == "already translated"


def test_a_lazy_plural_message_takes_the_plural_form_of_the_language() -> None:
    message = i18n.lazy_ngettext("{count} teacher imported", "{count} teachers imported", 5)
    assert i18n.render(message, "ru") == i18n.ngettext("{count} teacher imported", "{count} teachers imported",
                                                       5, "ru").format(count=5)
    assert "5" in i18n.render(message, "kk")
