"""The annual analysis of methodical work (issue 20 point 3): the year's figures per association or
for the school, the deputy director's texts, approval by the director, the PDF and the workbook.

Who does what: whoever sees all the school's records reads every analysis (the director, the deputy
director, a viewer); a head reads and writes that of an association they head; the deputy director
writes the school's and any association's; the director (or one acting, entered by the deputy
director) approves. An approved analysis is not changed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.documents.analysis_tables import Names
from desktop_app.documents.verification import Verification, verification
from desktop_app.domain import annual_analysis as rules
from desktop_app.domain.accounts import ROLE_LABELS, Action, Actor, Role
from desktop_app.domain.annual_analysis import AnnualAnalysis, analysis_id
from desktop_app.domain.entities import Language, LocalizedText
from desktop_app.domain.errors import N_, DomainError, PermissionDenied, Rule
from desktop_app.domain.year_figures import YearFigures
from desktop_app.i18n import current_language
from desktop_app.services.base import Service, found
from desktop_app.storage import analyses as storage
from desktop_app.storage.store import Store
from desktop_app.storage.year_figures import scope_names, year_figures

if TYPE_CHECKING:
    from desktop_app.documents.analysis import AnalysisDocument


@dataclass(frozen=True)
class AnalysisPaper:
    """What the window shows and the PDF prints: the figures, the texts, and the names of both."""

    figures: YearFigures
    analysis: AnnualAnalysis
    school: LocalizedText
    scope: LocalizedText | None  # the association's name; None: the school's analysis
    teachers: dict[str, tuple[str, str, str | None]]
    associations: dict[str, LocalizedText]
    director: str | None
    deputy_director: str | None

    def names(self, language: str) -> Names:
        return Names({t: _short(*name) for t, name in self.teachers.items()},
                     {b: name.get(language) for b, name in self.associations.items()})

    def signature_name(self, teacher: str | None) -> str:
        """«Г. С. Әбенова», as under a signature."""
        if not teacher or teacher not in self.teachers:
            return teacher or ""
        last, first, patronymic = self.teachers[teacher]
        initials = " ".join(f"{p[0]}." for p in (first, patronymic) if p)
        return f"{initials} {last}".strip()


def _plain(value: object) -> object:
    """JSON values for the verification digest: dates as ISO text, also as keys."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return json.loads(json.dumps(value, default=str))


def _short(last: str, first: str, patronymic: str | None) -> str:
    initials = " ".join(f"{p[0]}." for p in (first, patronymic) if p)
    return f"{last} {initials}".strip()


class AnnualAnalysisService(Service):
    def _may_read(self, store: Store, actor: Actor, school: str, association: str | None) -> None:
        if actor.may(Action.READ_ALL):
            return
        owners = self._heads(store, school, association) if association else set()
        actor.require(Action.WRITE_ANALYSIS, owners, analysis_id("", association))

    def paper(self, actor: Actor, school: str, academic_year: str, association: str | None = None
              ) -> AnalysisPaper:
        """The figures counted now from the year's records, and the analysis's texts (a new draft in
        the user's language when none is saved yet)."""
        with self._read(actor, school) as store:
            self._may_read(store, actor, school, association)
            found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            if association:
                body = found(store.get_association(school, association), "association", association)
                if body.academic_year != academic_year:
                    raise DomainError(Rule.REFERENCE, N_("The association {id} is not of the academic year {year}"),
                                      {"id": association, "year": academic_year}, record=association,
                                      field="association")
            return _paper(store, school, academic_year, association)

    def _require_writer(self, store: Store, actor: Actor, school: str, analysis: AnnualAnalysis) -> None:
        owners = self._heads(store, school, analysis.association) if analysis.association else set()
        actor.require(Action.WRITE_ANALYSIS, owners, analysis.id)

    def save(self, actor: Actor, school: str, analysis: AnnualAnalysis) -> AnnualAnalysis:
        """The conclusions and next year's tasks of a draft; refused over an approved analysis and
        over a save someone else made after this copy was read (ConflictError)."""
        analysis = replace(analysis, id=analysis_id(analysis.academic_year, analysis.association))
        with self._write(actor, school) as store:
            self._require_writer(store, actor, school, analysis)
            found(store.get_academic_year(school, analysis.academic_year), "academic year", analysis.academic_year)
            if analysis.association:
                found(store.get_association(school, analysis.association), "association", analysis.association)
            stored = storage.get_analysis(store.session, school, analysis.id)
            if stored is not None:
                rules.ensure_editable(stored)
            rules.ensure_editable(analysis)
            storage.save_analysis(store.session, school, analysis)
            self._audit(store, actor, "annual_analysis.update" if stored else "annual_analysis.create", school,
                        "annual_analysis", analysis.id, f"{len(analysis.conclusions)}+{len(analysis.tasks)}")
        return analysis

    def approve(self, actor: Actor, school: str, academic_year: str, association: str | None = None,
                signed_by: str | None = None, acting: bool = False, on: date | None = None) -> AnnualAnalysis:
        """«Бекітемін / Утверждаю»: the director, or with ``acting`` one acting for the director (the deputy
        director may enter that signature); approved once, then locked."""
        record_id = analysis_id(academic_year, association)
        if not (actor.may(Action.APPROVE_ANALYSIS) or (acting and actor.role is Role.ADMINISTRATOR)):
            raise PermissionDenied(Action.APPROVE_ANALYSIS.value, ROLE_LABELS[actor.role], record_id)
        with self._write(actor, school) as store:
            analysis = storage.get_analysis(store.session, school, record_id)
            if analysis is None:
                raise DomainError(Rule.VALUE, N_("Write the conclusions and next year's tasks of the annual "
                                                 "analysis {id} before it is approved"), {"id": record_id},
                                  record=record_id, field="conclusions")
            head = found(store.get_school(school), "school", school)
            signer = signed_by or (None if acting else head.director)
            if not signer:
                raise DomainError(Rule.VALUE, N_("Choose who signs the approval of the annual analysis {id}"),
                                  {"id": record_id}, record=record_id, field="approved.by")
            found(store.get_teacher(school, signer), "teacher", signer)
            rules.approve(analysis, head, signer, acting, on or self.today())
            storage.save_analysis(store.session, school, analysis)
            self._audit(store, actor, "annual_analysis.approve", school, "annual_analysis", record_id,
                        f"{signer}{' acting' if acting else ''} {analysis.approved_on}")
        return analysis

    def analyses(self, actor: Actor, school: str) -> list[AnnualAnalysis]:
        actor.require(Action.READ_ALL)
        with self._read(actor, school) as store:
            return storage.analyses_of(store.session, school)

    def pdf(self, actor: Actor, school: str, academic_year: str, association: str | None = None,
            language: str | None = None) -> tuple[bytes, Verification, str]:
        """The printed analysis in ``language`` (default: the one it is written in), its code (over the
        texts and the figures as they stand now) and the language printed."""
        from desktop_app.documents.analysis import build_analysis

        paper = self.paper(actor, school, academic_year, association)
        with self._read(actor, school) as store:
            last = store.last_audit()
        analysis = paper.analysis
        check = analysis_check(paper).with_chain(last.hash if last else "")
        lang = language or analysis.language.value
        return build_analysis(paper_document(paper, lang), check), check, lang

    def xlsx(self, actor: Actor, school: str, academic_year: str, association: str | None = None,
             language: str | None = None) -> bytes:
        """Every table of the analysis, one sheet each, in ``language`` (default: the user's)."""
        from desktop_app.services.analysis_workbook import workbook

        paper = self.paper(actor, school, academic_year, association)
        return workbook(paper, language or current_language())


def _paper(store: Store, school: str, academic_year: str, association: str | None) -> AnalysisPaper:
    figures = found(year_figures(store.session, school, academic_year, association), "academic year", academic_year)
    record = storage.get_analysis(store.session, school, analysis_id(academic_year, association))
    teachers, bodies = scope_names(store.session, school, academic_year)
    head = found(store.get_school(school), "school", school)
    analysis = record or AnnualAnalysis(analysis_id(academic_year, association), academic_year, association,
                                        Language(current_language()))
    return AnalysisPaper(figures, analysis, head.name, bodies.get(association) if association else None,
                         teachers, bodies, head.director, head.deputy_director)


def analysis_check(paper: AnalysisPaper) -> Verification:
    """The printed analysis's code: over its texts and its figures as they stand now (a changed record
    of the year changes the code, as the printout no longer tells the year as it is)."""
    analysis = paper.analysis
    payload = _plain({"analysis": asdict(analysis), "figures": asdict(paper.figures)})
    return verification("analysis", analysis.id, max(analysis.revision, 1), payload)


def analysis_checks(store: Store, school: str) -> list[Verification]:
    """The codes of every saved analysis of the school (``verify``)."""
    return [analysis_check(_paper(store, school, a.academic_year, a.association))
            for a in storage.analyses_of(store.session, school)]


def paper_document(paper: AnalysisPaper, language: str) -> AnalysisDocument:
    """The printable form of a paper (documents/analysis.py; ReportLab is loaded only to print)."""
    from desktop_app.documents.analysis import AnalysisDocument

    analysis = paper.analysis
    return AnalysisDocument(
        figures=paper.figures, names=paper.names(language), language=language,
        school=paper.school.get(language), scope=paper.scope.get(language) if paper.scope else None,
        conclusions=analysis.conclusions, tasks=analysis.tasks, approved=analysis.approved,
        approved_on=analysis.approved_on, approver=paper.signature_name(analysis.approved_by or paper.director),
        acting=analysis.acting, deputy=paper.signature_name(paper.deputy_director), record_id=analysis.id,
        revision=analysis.revision)
