"""The annual analysis's advice followed up (storage/year_figures._visits) counted as the Rules'
reading of it says, on each backend: an observation with a recommendation on a lesson of the year
is followed up when a later lesson of the same teacher was visited within the year. Counted from
each teacher's last visited lesson, not by a subquery per observation; checked against the
definition over many generated visits and the cases at its edges."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from desktop_app.domain.entities import LessonVisit, Observation, SchoolRecords, VisitKind
from desktop_app.storage.database import Database
from desktop_app.storage.year_figures import year_figures

YEAR = "2026-2027"
START, END = date(2026, 9, 1), date(2027, 5, 25)
ADVICE = [None, "", "   ", "Сұрақтарды көбірек қойыңыз", "Больше работы в парах"]


def _visits(teachers: list[str], subject: str) -> list[LessonVisit]:
    """Generated visits (some outside the year) and the edges by hand."""
    chance = random.Random(2027)
    visits = []
    for n in range(120):
        day = START + timedelta(days=chance.randint(-20, (END - START).days + 20))
        observers = chance.sample(teachers, chance.randint(0, 3))
        visits.append(LessonVisit(
            f"v-gen-{n}", chance.choice(list(VisitKind)), chance.choice(teachers[:8]), subject, day, "Тақырып",
            observations=[Observation(o, None, chance.choice(ADVICE)) for o in observers]))
    a, b, c = teachers[8:11]
    visits += [
        # Advice on the last lesson of the year: not followed up; a visit the next day of the year's end
        # does not count.
        LessonVisit("v-last", VisitKind.MUTUAL_VISIT, a, subject, END, "Т", observations=[Observation(b, None, "A")]),
        LessonVisit("v-after-end", VisitKind.OPEN_LESSON, a, subject, END + timedelta(days=1), "Т"),
        # Two lessons the same day: neither is later than the other.
        LessonVisit("v-same-1", VisitKind.OPEN_LESSON, b, subject, date(2026, 10, 5), "Т",
                    observations=[Observation(a, None, "B")]),
        LessonVisit("v-same-2", VisitKind.MUTUAL_VISIT, b, subject, date(2026, 10, 5), "Т"),
        # A later lesson of another kind follows the advice up; the first day of the year counts.
        LessonVisit("v-first", VisitKind.MUTUAL_VISIT, c, subject, START, "Т",
                    observations=[Observation(a, None, "C"), Observation(b, None, " ")]),
        LessonVisit("v-later", VisitKind.MASTER_CLASS, c, subject, date(2026, 9, 2), "Т"),
    ]
    return visits


def _expected(visits: list[LessonVisit]) -> tuple[int, int]:
    in_year = [v for v in visits if START <= v.date <= END]
    advised = followed = 0
    for visit in in_year:
        later = any(w.teacher == visit.teacher and visit.date < w.date for w in in_year)
        for observation in visit.observations:
            if observation.recommendations and observation.recommendations.strip():
                advised += 1
                followed += later
    return advised, followed


def test_advice_followed_up_as_defined(db: Database, sample: SchoolRecords) -> None:
    teachers = [t.id for t in sample.teachers]
    assert len(teachers) >= 11
    visits = _visits(teachers, sample.subjects[0].id)
    with db.transaction(write=True) as store:
        store.insert_records(replace(sample, lesson_visits=visits))
    with db.transaction() as store:
        figures = year_figures(store.session, sample.school.id, YEAR)
    assert figures is not None
    advised, followed = _expected(visits)
    assert (figures.visits.recommendations, figures.visits.followed_up) == (advised, followed)
    assert 0 < followed < advised  # the generated visits hold both kinds
