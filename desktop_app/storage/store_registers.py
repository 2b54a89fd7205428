"""The repository's registers: academic years, subjects, teachers and associations."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import or_, select

from desktop_app.domain.entities import AcademicYear, Association, Subject, Teacher
from desktop_app.storage import mapping
from desktop_app.storage.dialect import ci_contains, ordered
from desktop_app.storage.store_base import StoreBase


class RegisterStore(StoreBase):
    """Reads and writes the school's registers (see ``storage.store.Store``)."""

    # --- academic years -----------------------------------------------------------------------

    def list_academic_years(self, school_id: str) -> list[AcademicYear]:
        return self._load(mapping.ACADEMIC_YEARS, school_id)

    def get_academic_year(self, school_id: str, record_id: str) -> AcademicYear | None:
        return self._get(mapping.ACADEMIC_YEARS, school_id, record_id)

    def academic_year_alone(self, school_id: str, record_id: str) -> AcademicYear | None:
        """The year without its calendar (its terms, holidays and extra days left empty): one
        SELECT, for a check that it exists or for its first and last day."""
        table = mapping.ACADEMIC_YEARS.table
        rows = self._rows(select(table).where(table.c.school_id == school_id, table.c.id == record_id))
        return mapping.ACADEMIC_YEARS.build(rows[0], mapping.Children(defaultdict(dict), record_id)) if rows else None

    def save_academic_year(self, school_id: str, record: AcademicYear) -> None:
        self._save(mapping.ACADEMIC_YEARS, school_id, record)

    def delete_academic_year(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.ACADEMIC_YEARS, school_id, record_id)

    # --- subjects -----------------------------------------------------------------------------

    def list_subjects(self, school_id: str) -> list[Subject]:
        return self._load(mapping.SUBJECTS, school_id)

    def get_subject(self, school_id: str, record_id: str) -> Subject | None:
        return self._get(mapping.SUBJECTS, school_id, record_id)

    def save_subject(self, school_id: str, record: Subject) -> None:
        self._save(mapping.SUBJECTS, school_id, record)

    def delete_subject(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.SUBJECTS, school_id, record_id)

    # --- teachers -----------------------------------------------------------------------------

    def list_teachers(self, school_id: str) -> list[Teacher]:
        return self._load(mapping.TEACHERS, school_id)

    def get_teacher(self, school_id: str, record_id: str) -> Teacher | None:
        return self._get(mapping.TEACHERS, school_id, record_id)

    def save_teacher(self, school_id: str, record: Teacher) -> None:
        self._save(mapping.TEACHERS, school_id, record)

    def delete_teacher(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.TEACHERS, school_id, record_id)

    def search_teachers(self, school_id: str, text: str) -> list[Teacher]:
        """Teachers whose names contain every word of ``text`` (any case), in Kazakh order."""
        table = mapping.TEACHERS.table
        names = (table.c.last_name, table.c.first_name, table.c.patronymic)
        where = [or_(*(ci_contains(column, word) for column in names)) for word in text.split()]
        return self._load(mapping.TEACHERS, school_id, *where,
                          order_by=(ordered(table.c.last_name), ordered(table.c.first_name)))

    # --- associations -------------------------------------------------------------------------

    def list_associations(self, school_id: str) -> list[Association]:
        return self._load(mapping.ASSOCIATIONS, school_id)

    def get_association(self, school_id: str, record_id: str) -> Association | None:
        return self._get(mapping.ASSOCIATIONS, school_id, record_id)

    def save_association(self, school_id: str, record: Association) -> None:
        self._save(mapping.ASSOCIATIONS, school_id, record)

    def delete_association(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.ASSOCIATIONS, school_id, record_id)

    def associations_of(self, school_id: str, academic_year: str | None = None) -> list[Association]:
        table = mapping.ASSOCIATIONS.table
        where = [] if academic_year is None else [table.c.academic_year_id == academic_year]
        return self._load(mapping.ASSOCIATIONS, school_id, *where)
