"""The charts' values come from the figures whatever they are (hypothesis): the months of the
approvals chart run without a gap from August (or the first approval) to the last, 1 September is
marked at September, and every approval is in a bar."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.documents.analysis_tables import Names, analysis_charts, analysis_tables
from desktop_app.domain.year_figures import (
    MentoringFigures,
    PlanFigures,
    StaffFigures,
    VisitFigures,
    YearFigures,
)

DEADLINE = date(2026, 9, 1)
months = st.dictionaries(st.dates(date(2026, 5, 1), date(2027, 5, 31)).map(lambda d: d.replace(day=1)),
                         st.integers(1, 40), max_size=8)


def figures(approvals: dict[date, int], now: dict[str, int], last: dict[str, int]) -> YearFigures:
    approved = sum(approvals.values())
    on_time = sum(n for m, n in approvals.items() if m < DEADLINE)
    return YearFigures(
        school="s", academic_year="2026-2027", association=None, start=DEADLINE, end=date(2027, 5, 31),
        associations=["a", "b"], teachers=[], meetings=[],
        plans=PlanFigures(approved, approved, 0, 0, approved, on_time, approved - on_time, DEADLINE,
                          dict(sorted(approvals.items()))),
        visits=VisitFigures(0, 0, {"a": (1, 2), "b": (0, 3)}, [], [], 0, 0),
        mentoring=MentoringFigures(0, 0, 0, {}),
        staff=StaffFigures(now, last, 0, 0, 0, 3, 0, 0, 0), work_plan=[])


categories = st.dictionaries(st.sampled_from(["none", "pedagog", "moderator", "expert", "researcher", "master"]),
                             st.integers(0, 30))


@settings(deadline=None)  # the first call loads the catalogs
@given(months, categories, categories, st.sampled_from(["kk", "ru"]))
def test_the_charts_hold_the_figures(approvals: dict[date, int], now: dict[str, int], last: dict[str, int],
                                     language: str) -> None:
    year = figures(approvals, now, last)
    charts = {c.key: c for c in analysis_charts(year, Names(associations={"a": "A", "b": "B"}), language)}
    timeline = charts["approvals"]
    assert sum(timeline.series[0][1]) == sum(approvals.values())
    assert timeline.marker is not None
    index, label = timeline.marker
    assert label in ("1 қыркүйек", "1 сентября")
    assert any(month in timeline.labels[index] for month in ("қыркүйек", "сентябрь"))
    assert len(timeline.labels) == len(set(timeline.labels))  # one bar per month, none twice
    staff = charts["categories"]
    assert [sum(v) for _name, v in staff.series] == [sum(last.values()), sum(now.values())]
    assert charts["visits"].series[0][1] == [1, 0] and charts["visits"].series[1][1] == [2, 3]
    tables = {t.key: t for t in analysis_tables(year, Names(), language)}
    total = tables["staff"].rows[-1]
    assert (total[1], total[3]) == (sum(last.values()), sum(now.values()))
