"""The register of pupils' olympiads and contests of a year (п. 10.5): entry, import, summary."""

from __future__ import annotations

import builtins
from dataclasses import replace
from pathlib import Path

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import OlympiadResult
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.labels import OLYMPIAD_KIND_LABELS, OLYMPIAD_LEVEL_LABELS
from desktop_app.domain.olympiads import olympiad_errors
from desktop_app.i18n import current_language, gettext_for
from desktop_app.services.base import Service, found, raise_first
from desktop_app.services.olympiad_files import OlympiadFile, outcome_text, read_olympiad_file
from desktop_app.storage.followed import OlympiadSummary
from desktop_app.storage.store import Store


class OlympiadService(Service):
    def list(self, actor: Actor, school: str, academic_year: str) -> list[OlympiadResult]:
        """The year's results; a teacher without the right to see everything sees their own pupils'."""
        with self._read(actor, school) as store:
            results = store.olympiad_results_of(school, academic_year)
        if actor.may(Action.READ_ALL):
            return results
        return [r for r in results if r.teacher == actor.teacher]

    def summary(self, actor: Actor, school: str, academic_year: str) -> OlympiadSummary:
        """Counts by level and outcome, per teacher and per association, for the year's analysis."""
        actor.require(Action.READ_ALL)
        with self._read(actor, school) as store:
            found(store.academic_year_alone(school, academic_year), "academic year", academic_year)
            return store.olympiad_summary(school, academic_year)

    def _check(self, store: Store, school: str, result: OlympiadResult) -> None:
        year = found(store.get_academic_year(school, result.academic_year), "academic year",
                     result.academic_year)
        for kind, value, get in (("subject", result.subject, store.get_subject),
                                 ("teacher", result.teacher, store.get_teacher)):
            if get(school, value) is None:
                raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"), {"kind": Msg(kind), "id": value},
                                  record=result.id, field=kind)
        raise_first(olympiad_errors(result, year.window))

    def save(self, actor: Actor, school: str, result: OlympiadResult) -> OlympiadResult:
        actor.require(Action.EDIT_OLYMPIADS)
        with self._write(actor, school) as store:
            existing = bool(result.id) and store.get_olympiad_result(school, result.id) is not None
            return self._save_checked(store, actor, school, result, existing=existing,
                                      id_from=("olympiad_results", "ol"), check=self._check,
                                      save=store.save_olympiad_result, audit=("olympiad", "olympiad_result"),
                                      summary=f"{result.pupil} {result.outcome}")

    def delete(self, actor: Actor, school: str, result: str) -> None:
        actor.require(Action.EDIT_OLYMPIADS)
        with self._write(actor, school) as store:
            found(store.get_olympiad_result(school, result), "olympiad result", result)
            store.delete_olympiad_result(school, result)
            self._audit(store, actor, "olympiad.delete", school, "olympiad_result", result, "")

    def import_results(self, actor: Actor, school: str,
                       results: builtins.list[OlympiadResult]) -> builtins.list[OlympiadResult]:
        """All the lines of a file in one transaction: the first refusal leaves the register as it was."""
        actor.require(Action.EDIT_OLYMPIADS)
        saved = []
        with self._write(actor, school) as store:
            for result in results:
                record = replace(result, id=store.next_id(school, "olympiad_results", "ol"))
                self._check(store, school, record)
                store.save_olympiad_result(school, record)
                saved.append(record)
            self._audit(store, actor, "olympiad.import", school, "olympiad_result", "", str(len(saved)))
        return saved

    def read_file(self, actor: Actor, school: str, academic_year: str, path: Path) -> OlympiadFile:
        """The rows of an .xlsx register with their problems, matched to the school's subjects and
        staff; nothing is written (``import_results`` saves them)."""
        actor.require(Action.EDIT_OLYMPIADS)
        with self._read(actor, school) as store:
            year = found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            subjects, teachers = store.list_subjects(school), store.list_teachers(school)
        return read_olympiad_file(path, academic_year, year.window, subjects, teachers)

    def xlsx(self, actor: Actor, school: str, academic_year: str, language: str | None = None) -> bytes:
        """The year's register as a workbook whose header the import reads back."""
        from openpyxl import Workbook  # type: ignore[import-untyped]  # only here: a fast start

        from desktop_app.services.registers_export import _date_format, _save, _sheet

        actor.require(Action.EXPORT)
        lang = language or current_language()
        _ = gettext_for(lang)
        with self._read(actor, school) as store:
            found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            subjects = {s.id: s.name.get(lang) for s in store.list_subjects(school)}
            teachers = {t.id: t.full_name for t in store.list_teachers(school)}
            results = store.olympiad_results_of(school, academic_year)
        rows = [[r.pupil, r.class_name, subjects.get(r.subject, r.subject), teachers.get(r.teacher, r.teacher),
                 _(OLYMPIAD_LEVEL_LABELS[r.level]), r.stage or "", _(OLYMPIAD_KIND_LABELS[r.kind]), r.title or "",
                 outcome_text(r, _), r.on] for r in results]
        book = Workbook()
        _sheet(book, _("Olympiads and contests"),
               [_("Pupil"), _("Class"), _("Subject"), _("Teacher"), _("Level"), _("Stage"), _("Kind"),
                _("Title of the olympiad or contest"), _("Result"), _("Date")], rows, True)
        _date_format(book)
        return _save(book)
