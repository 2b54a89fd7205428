"""The annual analysis of methodical work (issue 20 point 3): the record kept beside the
year's figures — the deputy director's conclusions and next year's tasks — and its draft → approved
path. The figures themselves are not stored: they are read from the year's records each time
(storage/year_figures.py), so an analysis never disagrees with the registers it sums up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop_app.domain.entities import Language, School
from desktop_app.domain.errors import N_, DomainError, Rule

#: "On time" for a protocol: finalized within this many days of its meeting (the program's measure,
#: printed under the table; the Rules set no term).
PROTOCOL_DAYS = 7
#: "On time" for a KTP: approved before 1 September of the academic year (the first school day).
KTP_DEADLINE = (9, 1)

#: The analysis of the whole school has no association.
SCHOOL_SCOPE = "school"


class AnalysisStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


def analysis_id(academic_year: str, association: str | None) -> str:
    """One analysis per (year, association or school): its id says which."""
    return f"an-{academic_year}-{association or SCHOOL_SCOPE}"


@dataclass
class AnnualAnalysis:
    """The texts of one year's analysis and who approved it; ``revision`` guards concurrent saves."""

    id: str
    academic_year: str
    association: str | None
    language: Language
    conclusions: str = ""
    tasks: str = ""
    status: AnalysisStatus = AnalysisStatus.DRAFT
    approved_by: str | None = None
    approved_on: date | None = None
    acting: bool = False
    revision: int = 0

    @property
    def approved(self) -> bool:
        return self.status is AnalysisStatus.APPROVED


def _refuse(analysis: AnnualAnalysis, message: str, field: str, **values: object) -> DomainError:
    return DomainError(Rule.LOCKED_RECORD, message, {"id": analysis.id, **values}, record=analysis.id, field=field)


def ensure_editable(analysis: AnnualAnalysis) -> None:
    """An approved analysis is the school's paper: it is not changed (rule 5)."""
    if analysis.approved:
        raise _refuse(analysis, N_("The annual analysis {id} is approved; an approved analysis is not "
                                   "changed"), "status")


def approve(analysis: AnnualAnalysis, school: School, signer: str, acting: bool, on: date) -> None:
    """«Бекітемін / Утверждаю»: the director, or one acting for the director (printed «м.а.» / «и.о.»)."""
    if analysis.approved:
        raise _refuse(analysis, N_("The annual analysis {id} is already approved (on {date})"), "status",
                      date=analysis.approved_on.strftime("%d.%m.%Y") if analysis.approved_on else "")
    if not (analysis.conclusions.strip() and analysis.tasks.strip()):
        raise DomainError(Rule.VALUE, N_("Write the conclusions and next year's tasks of the annual analysis "
                                         "{id} before it is approved"), {"id": analysis.id},
                          record=analysis.id, field="conclusions")
    if not acting and school.director and signer != school.director:
        raise DomainError(Rule.VALUE, N_("{teacher} is not the director; mark the signature as acting"),
                          {"teacher": signer}, record=analysis.id, field="approved.by")
    if acting and signer == school.director:
        raise DomainError(Rule.VALUE, N_("{teacher} is the director, not one acting for the director"),
                          {"teacher": signer}, record=analysis.id, field="approved.by")
    analysis.status = AnalysisStatus.APPROVED
    analysis.approved_by, analysis.approved_on, analysis.acting = signer, on, acting
