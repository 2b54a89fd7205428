"""Rule 8: a mentor is not the mentee; the period lies inside the academic year window."""

from __future__ import annotations

import pytest

from desktop_app.domain.entities import Mentorship, MentorshipStatus
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.domain.mentoring import ensure_mentorship_open, mentorship_errors

from .builders import d, wheres, year_2025

R8 = Rule.MENTORSHIP


def mentorship(
    mentor="t1", mentee="t2", start="2025-09-01", end="2026-05-31", status=MentorshipStatus.ACTIVE
):
    return Mentorship("ms1", mentor, mentee, "2025-2026", d(start), d(end), status=status)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2025-09-01", "2026-05-31"),
        ("2025-08-01", "2026-07-31"),  # the whole window, boundary days included
        ("2025-10-01", "2025-10-01"),  # one day
    ],
    ids=["school-year", "whole-window", "one-day"],
)
def test_a_proper_mentorship_passes(start, end):
    assert mentorship_errors(mentorship(start=start, end=end), year_2025()) == []


def test_the_mentor_is_not_the_mentee():
    errors = mentorship_errors(mentorship(mentor="t1", mentee="t1"), year_2025())
    assert wheres(errors) == [(R8, "ms1", "mentee")]
    assert errors[0].params == {"teacher": "t1"}


@pytest.mark.parametrize(
    ("start", "end", "fields"),
    [
        ("2025-07-31", "2026-05-31", ["start"]),
        ("2025-09-01", "2026-08-01", ["end"]),
        ("2024-09-01", "2026-08-31", ["start", "end"]),
        ("2026-08-01", "2026-12-31", ["start", "end"]),  # the next academic year
    ],
    ids=["starts-before-window", "ends-after-window", "both-outside", "next-year"],
)
def test_the_period_lies_inside_the_academic_year(start, end, fields):
    errors = mentorship_errors(mentorship(start=start, end=end), year_2025())
    assert wheres(errors) == [(R8, "ms1", f) for f in fields]
    assert all(e.params["first"] == d("2025-08-01") and e.params["last"] == d("2026-07-31") for e in errors)


def test_the_period_ends_after_it_starts():
    errors = mentorship_errors(mentorship(start="2026-01-10", end="2025-12-01"), year_2025())
    assert wheres(errors) == [(R8, "ms1", "end")]
    assert errors[0].params == {"start": d("2026-01-10"), "end": d("2025-12-01")}
    assert errors[0].render() == "The mentorship ends (01.12.2025) before it starts (10.01.2026)"


def test_all_problems_are_reported_together():
    errors = mentorship_errors(
        mentorship(mentor="t1", mentee="t1", start="2026-09-01", end="2025-07-01"), year_2025()
    )
    assert wheres(errors) == [
        (R8, "ms1", "mentee"),
        (R8, "ms1", "end"),
        (R8, "ms1", "start"),
        (R8, "ms1", "end"),
    ]


@pytest.mark.parametrize(
    "status", [MentorshipStatus.COMPLETED, MentorshipStatus.CANCELLED], ids=lambda s: s.value
)
def test_a_closed_mentorship_is_locked(status):
    with pytest.raises(DomainError) as caught:
        ensure_mentorship_open(mentorship(status=status))
    assert (caught.value.rule, caught.value.record, caught.value.field) == (Rule.LOCKED_RECORD, "ms1", None)


def test_an_active_mentorship_is_open():
    ensure_mentorship_open(mentorship())
