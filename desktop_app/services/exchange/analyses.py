"""The optional ``analyses`` collection of an exchange document (version 2): the texts of the annual
analyses of methodical work (issue 20 point 3), written after the school's other records and read
after them. The figures are not exchanged: they are counted from the records themselves."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop_app.domain.annual_analysis import AnalysisStatus, AnnualAnalysis, analysis_id
from desktop_app.domain.entities import Language
from desktop_app.domain.errors import N_, Rule
from desktop_app.services.exchange.problems import ExchangeError, Problem
from desktop_app.storage import analyses as stored
from desktop_app.storage.store import Store

JSON = dict[str, Any]
KEY = "analyses"


def dump_analysis(analysis: AnnualAnalysis) -> JSON:
    approved = None
    if analysis.approved and analysis.approved_by and analysis.approved_on:
        approved = {"by": analysis.approved_by, "on": analysis.approved_on.isoformat(), "acting": analysis.acting}
    return {"id": analysis.id, "academic_year": analysis.academic_year, "association": analysis.association,
            "language": analysis.language.value, "conclusions": analysis.conclusions, "tasks": analysis.tasks,
            "status": analysis.status.value, "approved": approved}


def read_analysis(item: JSON) -> AnnualAnalysis:
    approved = item.get("approved")
    return AnnualAnalysis(
        id=item["id"], academic_year=item["academic_year"], association=item.get("association"),
        language=Language(item["language"]), conclusions=item.get("conclusions", ""), tasks=item.get("tasks", ""),
        status=AnalysisStatus(item["status"]), approved_by=approved["by"] if approved else None,
        approved_on=date.fromisoformat(approved["on"]) if approved else None,
        acting=bool(approved.get("acting", False)) if approved else False)


def _problems(store: Store, school: str, index: int, analysis: AnnualAnalysis) -> list[Problem]:
    path, out = f"{KEY}[{index}]", []

    def missing(field: str, kind: str, value: str) -> None:
        out.append(Problem(f"{path}.{field}", analysis.id, Rule.REFERENCE, N_("Not found: {kind} {id}"),
                           {"kind": kind, "id": value}))

    if store.get_academic_year(school, analysis.academic_year) is None:
        missing("academic_year", "academic year", analysis.academic_year)
    if analysis.association:
        body = store.get_association(school, analysis.association)
        if body is None:
            missing("association", "association", analysis.association)
        elif body.academic_year != analysis.academic_year:
            out.append(Problem(f"{path}.association", analysis.id, Rule.REFERENCE,
                               N_("The association {id} is not of the academic year {year}"),
                               {"id": analysis.association, "year": analysis.academic_year}))
    if not out and analysis.id != analysis_id(analysis.academic_year, analysis.association):
        out.append(Problem(f"{path}.id", analysis.id, Rule.VALUE,
                           N_("The annual analysis of {year} for {scope} has the id {id}"),
                           {"year": analysis.academic_year, "scope": analysis.association or "school",
                            "id": analysis_id(analysis.academic_year, analysis.association)}))
    if analysis.approved != (analysis.approved_by is not None):
        out.append(Problem(f"{path}.approved", analysis.id, Rule.VALUE,
                           N_("An approved annual analysis names who approved it and when, a draft does not"), {}))
    if analysis.approved_by and store.get_teacher(school, analysis.approved_by) is None:
        missing("approved.by", "teacher", analysis.approved_by)
    return out


def import_analyses(store: Store, school: str, items: Iterable[JSON]) -> int:
    """Check every analysis and write them all, or refuse the document with every problem found."""
    analyses = [read_analysis(item) for item in items]
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, analysis in enumerate(analyses):
        if analysis.id in seen:
            problems.append(Problem(f"{KEY}[{index}].id", analysis.id, Rule.UNIQUE_ID,
                                    N_("The id {id} is used twice"), {"id": analysis.id}))
        seen.add(analysis.id)
        problems += _problems(store, school, index, analysis)
    if problems:
        raise ExchangeError(problems)
    for analysis in analyses:
        stored.save_analysis(store.session, school, analysis)
    return len(analyses)


def export_analyses(store: Store, school: str) -> list[JSON]:
    return [dump_analysis(a) for a in stored.analyses_of(store.session, school)]
