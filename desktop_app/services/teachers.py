"""The staff list and the subjects taught."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

from desktop_app.domain import subjects
from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import Category, Subject, Teacher
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.mentoring import YOUNG_SPECIALIST_YEARS
from desktop_app.domain.staff_records import ATTESTATION_PERIOD_YEARS
from desktop_app.services.base import Service, found
from desktop_app.storage import summaries
from desktop_app.storage.store import Store

#: Attestation is due at least every five years after the category was awarded (domain.staff_records).
ATTESTATION_YEARS = ATTESTATION_PERIOD_YEARS


def attestation_due(teacher: Teacher, today: date) -> date | None:
    """The date by which the teacher's category must be confirmed, or None without a category."""
    if teacher.category is Category.NONE or teacher.category_awarded is None:
        return None
    awarded = teacher.category_awarded
    try:
        return awarded.replace(year=awarded.year + ATTESTATION_YEARS)
    except ValueError:  # 29 February
        return awarded.replace(year=awarded.year + ATTESTATION_YEARS, day=28)


def is_young_specialist(teacher: Teacher, today: date) -> bool:
    """Within the first three years of the profession (mentoring, п. 10)."""
    start = teacher.career_start
    if start is None:
        return False
    try:
        limit = start.replace(year=start.year + YOUNG_SPECIALIST_YEARS)
    except ValueError:
        limit = start.replace(year=start.year + YOUNG_SPECIALIST_YEARS, day=28)
    return start <= today < limit


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text).strip()
    return text or None


def _checked(teacher: Teacher) -> Teacher:
    """Names cleaned and required; an award date needs a category."""
    last, first = _clean(teacher.last_name), _clean(teacher.first_name)
    if not last or not first:
        raise DomainError(Rule.VALUE, N_("A teacher needs a last name and a first name"),
                          record=teacher.id or None, field="last_name" if not last else "first_name")
    teacher = replace(teacher, last_name=last, first_name=first, patronymic=_clean(teacher.patronymic))
    if teacher.category_awarded and teacher.category is Category.NONE:
        raise DomainError(Rule.VALUE, N_("A category award date needs a category"),
                          record=teacher.id or None, field="category_awarded")
    return teacher


class TeacherService(Service):
    def list_teachers(self, actor: Actor, school: str, include_archived: bool = False) -> list[Teacher]:
        with self._read(actor, school) as store:
            teachers = store.search_teachers(school, "")
        return [t for t in teachers if include_archived or t.active]

    def short_names(self, actor: Actor, school: str) -> dict[str, str]:
        """Each teacher's short name («Әбенова Г. С.»), archived ones too: what a list shows of a
        teacher, read without their records (a large school has ~120)."""
        with self._read(actor, school) as store:
            return summaries.teacher_names(store.session, school)

    def search(self, actor: Actor, school: str, text: str) -> list[Teacher]:
        """Case-insensitive for Kazakh and Russian letters, sorted in Kazakh alphabet order."""
        with self._read(actor, school) as store:
            return store.search_teachers(school, unicodedata.normalize("NFC", text.strip()))

    def get(self, actor: Actor, school: str, teacher: str) -> Teacher:
        with self._read(actor, school) as store:
            return found(store.get_teacher(school, teacher), "teacher", teacher)

    def save(self, actor: Actor, school: str, teacher: Teacher) -> Teacher:
        """Add or edit a teacher; a new one without an id gets the next free ``t-N``."""
        actor.require(Action.MANAGE_TEACHERS)
        teacher = _checked(teacher)
        with self._write(actor, school) as store:
            return self._store(store, actor, school, teacher)

    def import_staff(self, actor: Actor, school: str, teachers: list[Teacher]) -> list[Teacher]:
        """New teachers from a staff list file, all in one transaction: one refusal saves none."""
        actor.require(Action.MANAGE_TEACHERS)
        checked = [_checked(replace(t, id="")) for t in teachers]
        with self._write(actor, school) as store:
            return [self._store(store, actor, school, t) for t in checked]

    def _store(self, store: Store, actor: Actor, school: str, teacher: Teacher) -> Teacher:
        if not teacher.id:
            teacher = replace(teacher, id=store.next_id(school, "teachers", "t"))
        for subject in teacher.subjects:
            found(store.get_subject(school, subject), "subject", subject)
        existed = store.get_teacher(school, teacher.id) is not None
        store.save_teacher(school, teacher)
        self._audit(store, actor, "teacher.update" if existed else "teacher.create", school,
                    "teacher", teacher.id, teacher.full_name)
        return teacher

    def archive(self, actor: Actor, school: str, teacher: str, active: bool = False) -> Teacher:
        """Teachers are never deleted (protocols name them); they are archived."""
        actor.require(Action.MANAGE_TEACHERS)
        with self._write(actor, school) as store:
            record = found(store.get_teacher(school, teacher), "teacher", teacher)
            record.active = active
            store.save_teacher(school, record)
            self._audit(store, actor, "teacher.archive" if not active else "teacher.restore", school,
                        "teacher", teacher, record.full_name)
        return record

    def list_subjects(self, actor: Actor, school: str) -> list[Subject]:
        with self._read(actor, school) as store:
            return store.list_subjects(school)

    def save_subject(self, actor: Actor, school: str, subject: Subject) -> Subject:
        """Add a subject (no id: the next free ``s-N``) or rename one; a name another subject
        already has, in any case or spelling of the letters, is refused."""
        actor.require(Action.MANAGE_TEACHERS)
        subject = subjects.cleaned(subject)
        with self._write(actor, school) as store:
            existing = store.list_subjects(school)
            subjects.check_unique_name(subject, existing)
            known = {s.id for s in existing}
            if subject.id and subject.id not in known:
                found(None, "subject", subject.id)
            created = not subject.id
            if created:
                subject = replace(subject, id=store.next_id(school, "subjects", "s"))
            store.save_subject(school, subject)
            self._audit(store, actor, "subject.create" if created else "subject.rename", school,
                        "subject", subject.id, f"{subject.name.kk or ''} / {subject.name.ru or ''}")
        return subject
