"""The annual analyses' texts (table ``annual_analyses``): read, saved with the revision check that
refuses a save over someone else's (ConflictError, as every other record), listed for the exchange."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.annual_analysis import AnalysisStatus, AnnualAnalysis
from desktop_app.domain.entities import Language
from desktop_app.domain.errors import N_, ConflictError
from desktop_app.storage import models as m
from desktop_app.storage.lengths import refuse_long_row
from desktop_app.storage.mapping import table_of

_TABLE = table_of(m.AnnualAnalysisRow)
_AUDIT = table_of(m.AuditEventRow)
#: The record kind as a conflict names it (translated where it is shown).
KIND = N_("annual analysis")


def _load(row: Any) -> AnnualAnalysis:
    return AnnualAnalysis(id=row.id, academic_year=row.academic_year_id, association=row.association_id,
                          language=Language(row.language), conclusions=row.conclusions, tasks=row.tasks,
                          status=AnalysisStatus(row.status), approved_by=row.approved_by,
                          approved_on=row.approved_on, acting=bool(row.approved_acting), revision=row.revision)


def _values(analysis: AnnualAnalysis) -> dict[str, Any]:
    return {"academic_year_id": analysis.academic_year, "association_id": analysis.association,
            "language": analysis.language.value, "conclusions": analysis.conclusions, "tasks": analysis.tasks,
            "status": analysis.status.value, "approved_by": analysis.approved_by,
            "approved_on": analysis.approved_on, "approved_acting": analysis.acting}


def get_analysis(session: Session, school: str, analysis_id: str) -> AnnualAnalysis | None:
    row = session.execute(select(_TABLE).where(_TABLE.c.school_id == school, _TABLE.c.id == analysis_id)).first()
    return _load(row) if row else None


def analyses_of(session: Session, school: str) -> list[AnnualAnalysis]:
    return [_load(row) for row in session.execute(
        select(_TABLE).where(_TABLE.c.school_id == school).order_by(_TABLE.c.seq))]


def school_analysis_status(session: Session, school: str, academic_year: str) -> AnalysisStatus | None:
    """The status of the school's own analysis of the year (not an association's); None: not written."""
    status = session.execute(select(func.max(_TABLE.c.status)).where(
        _TABLE.c.school_id == school, _TABLE.c.academic_year_id == academic_year,
        _TABLE.c.association_id.is_(None))).scalar()
    return AnalysisStatus(status) if status is not None else None


def _conflict(session: Session, school: str, analysis_id: str, current: int) -> ConflictError:
    last = session.execute(select(_AUDIT.c.actor, _AUDIT.c.at).where(
        _AUDIT.c.school_id == school, _AUDIT.c.record_id == analysis_id, _AUDIT.c.record_kind == "annual_analysis")
        .order_by(_AUDIT.c.id.desc()).limit(1)).first()
    when = last.at.astimezone().strftime("%d.%m.%Y %H:%M") if last and last.at else "?"
    return ConflictError(KIND, analysis_id, last.actor if last else "?", when, current)


def save_analysis(session: Session, school: str, analysis: AnnualAnalysis) -> None:
    """Insert, or update when the stored revision is the one read (0: made in code, saved as it is);
    the saved revision goes back into ``analysis``."""
    refuse_long_row(_TABLE, _values(analysis), analysis.id)
    key = (_TABLE.c.school_id == school, _TABLE.c.id == analysis.id)
    stored = session.execute(select(_TABLE.c.revision).where(*key)).scalar()
    if stored is None:
        if analysis.revision:
            raise _conflict(session, school, analysis.id, 0)
        seq = session.execute(select(func.max(_TABLE.c.seq)).where(_TABLE.c.school_id == school)).scalar()
        session.execute(insert(_TABLE), [{"school_id": school, "id": analysis.id, "seq": (seq or 0) + 1,
                                          "revision": 1, **_values(analysis)}])
        analysis.revision = 1
        return
    condition = [*key, _TABLE.c.revision == analysis.revision] if analysis.revision else list(key)
    saved = session.execute(update(_TABLE).where(*condition)
                            .values(**_values(analysis), revision=_TABLE.c.revision + 1)
                            .returning(_TABLE.c.revision)).scalar()
    if saved is None:
        raise _conflict(session, school, analysis.id, int(stored))
    analysis.revision = int(saved)
