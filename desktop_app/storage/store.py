"""The repository: domain records in, domain records out, over one Session.

All statements are SQLAlchemy Core on the models' tables; no ORM object ever leaves this module.
Conversions go through ``storage.mapping`` only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Table, delete, func, insert, or_, select, update
from sqlalchemy import literal as sa_literal
from sqlalchemy.orm import Session

from desktop_app.domain.accounts import AuditEvent, MeetingVersion, PlanEvent, User
from desktop_app.domain.district import GuestMember
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    CalendarPlan,
    LessonVisit,
    LocalizedText,
    Material,
    Meeting,
    Mentorship,
    Observation,
    OlympiadResult,
    School,
    SchoolRecords,
    Subject,
    Teacher,
)
from desktop_app.domain.errors import ConflictError, NotFoundError
from desktop_app.storage import dialect, followed, mapping, material_files, protocol_texts, summaries
from desktop_app.storage import models as m
from desktop_app.storage.bulk import BulkWriter
from desktop_app.storage.dialect import ci_contains, ordered
from desktop_app.storage.errors import DuplicateError
from desktop_app.storage.mapping import Kind, Row
from desktop_app.storage.mapping.plans import build_plan_with_rows
from desktop_app.storage.plan_rows import PLAN_ROWS, read_plan_rows
from desktop_app.storage.protocol_texts import ProtocolPassage
from desktop_app.storage.summaries import MeetingCounts, PlanSummary

T = TypeVar("T")

_SCHOOLS = mapping.table_of(m.SchoolRow)
_USERS = mapping.table_of(m.UserRow)
_AUDIT = mapping.table_of(m.AuditEventRow)
_OBSERVATIONS = mapping.table_of(m.ObservationRow)


def _user_columns(with_hash: bool) -> list[Any]:
    """The columns of an account; without the hash, an empty one in its place."""
    if with_hash:
        return list(_USERS.c)
    return [sa_literal("").label("password_hash") if c.name == "password_hash" else c for c in _USERS.c]
_PLAN_EVENTS = mapping.table_of(m.PlanEventRow)
_MEETING_VERSIONS = mapping.table_of(m.MeetingVersionRow)
_PROTOCOL_TEXTS = mapping.table_of(m.ProtocolTextRow)
#: The record kind of a revised table as the audit trail names it, and as messages name it.
_AUDIT_KINDS = {"teachers": "teacher", "associations": "association", "meetings": "meeting",
                "plans": "plan", "mentorships": "mentorship", "lesson_visits": "lesson_visit",
                "attestations": "attestation", "courses": "course"}
_RECORD_KINDS = {**_AUDIT_KINDS, "lesson_visits": "lesson visit"}
#: Tables of a school's records, parents before children (reverse it to delete).
_SCHOOL_TABLES: tuple[Table, ...] = tuple(
    t for t in m.metadata.sorted_tables if "school_id" in t.c and t.name not in ("users", "audit_events")
)


class Store:
    """Reads and writes one school's records, accounts and history within a transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- generic machinery --------------------------------------------------------------------

    def _rows(self, statement: Any) -> Sequence[Row]:
        return cast(Sequence[Row], self.session.execute(statement).mappings().all())

    def _load(self, kind: Kind[T], school_id: str, *where: ColumnElement[bool],
              order_by: Sequence[Any] = (), record_id: str | None = None) -> list[T]:
        """Records of ``kind`` matching ``where``: one SELECT for them, one per child table."""
        table = kind.table
        conditions = [table.c.school_id == school_id, *where]
        if record_id is not None:
            conditions.append(table.c.id == record_id)
        parents = self._rows(select(table).where(*conditions).order_by(*order_by, table.c.seq))
        if not parents:
            return []
        groups: dict[str, dict[str, list[Row]]] = {}
        for child, owner_column in kind.children:
            owner = child.c[owner_column]
            statement = select(child).where(child.c.school_id == school_id)
            if record_id is not None:
                statement = statement.where(owner == record_id)
            elif where:
                statement = statement.where(owner.in_(select(table.c.id).where(*conditions)))
            grouped: dict[str, list[Row]] = defaultdict(list)
            for row in self._rows(statement.order_by(*child.primary_key.columns)):
                grouped[row[owner_column]].append(row)
            groups[child.name] = grouped
        records = [kind.build(row, mapping.Children(groups, row["id"])) for row in parents]
        if "revision" in table.c:  # the revision read travels with the record to its save
            for record, row in zip(records, parents, strict=True):
                cast(Any, record).revision = row["revision"]
        return records

    def _load_plans(self, school_id: str, *where: ColumnElement[bool],
                    record_id: str | None = None) -> list[CalendarPlan]:
        """What ``_load(mapping.PLANS, ...)`` gives, with the lesson rows read in bulk
        (storage.plan_rows): a large school's ten years of rows in seconds, not tens."""
        table = mapping.PLANS.table
        conditions = [table.c.school_id == school_id, *where]
        if record_id is not None:
            conditions.append(table.c.id == record_id)
        parents = self._rows(select(table).where(*conditions).order_by(table.c.seq))
        if not parents:
            return []
        owner = PLAN_ROWS.c.plan_id
        owners = ([owner == record_id] if record_id is not None
                  else [owner.in_(select(table.c.id).where(*conditions))] if where else [])
        rows = read_plan_rows(self.session, school_id, *owners)
        plans = [build_plan_with_rows(row, rows.get(row["id"], [])) for row in parents]
        for plan, row in zip(plans, parents, strict=True):  # the revision read travels to the save
            plan.revision = row["revision"]
        return plans

    def _get(self, kind: Kind[T], school_id: str, record_id: str) -> T | None:
        found = self._load(kind, school_id, record_id=record_id)
        return found[0] if found else None

    def _save(self, kind: Kind[T], school_id: str, record: T) -> None:
        """Insert the record, or replace it and all its child rows (the parent row is updated in
        place, so history and references to it survive)."""
        table = kind.table
        record_id = kind.key(record)
        rows = kind.dump(school_id, record)
        parent = rows[table.name][0]
        key = (table.c.school_id == school_id, table.c.id == record_id)
        for child, owner_column in reversed(kind.children):
            self.session.execute(
                delete(child).where(child.c.school_id == school_id, child.c[owner_column] == record_id))
        if self.session.execute(select(table.c.seq).where(*key)).first() is not None:
            values = {k: v for k, v in parent.items() if k not in ("school_id", "id")}
            if "revision" in table.c:
                self._update_revised(table, school_id, record_id, cast(Any, record), values)
            else:
                self.session.execute(update(table).where(*key).values(**values))
        else:
            if "revision" in table.c:
                self._refuse_deleted(table, school_id, record_id, cast(Any, record))
            last = self.session.execute(
                select(func.max(table.c.seq)).where(table.c.school_id == school_id)).scalar()
            self.session.execute(insert(table), [{**parent, "seq": (last or 0) + 1}])
        for child, _ in kind.children:
            if rows[child.name]:
                self.session.execute(insert(child), rows[child.name])

    def _update_revised(self, table: Table, school_id: str, record_id: str, record: Any,
                        values: dict[str, Any]) -> None:
        """``UPDATE … WHERE revision = :read``: a record read at another revision than the stored
        one was saved by someone else meanwhile and is refused (ConflictError), never written
        over. A record made in code (revision 0) is saved as it is. The saved revision goes back
        into ``record``, so that the next save of the same copy is not a conflict."""
        key = [table.c.school_id == school_id, table.c.id == record_id]
        read = int(record.revision or 0)
        if read:
            key.append(table.c.revision == read)
        statement = (update(table).where(*key).values(**values, revision=table.c.revision + 1)
                     .returning(table.c.revision))
        saved = self.session.execute(statement).scalar()
        if saved is None:
            current = self.session.execute(select(table.c.revision).where(
                table.c.school_id == school_id, table.c.id == record_id)).scalar()
            raise self._conflict(table, school_id, record_id, current=int(current or 0))
        record.revision = int(saved)

    def _refuse_deleted(self, table: Table, school_id: str, record_id: str, record: Any) -> None:
        """A record read from the database (revision > 0) that someone deleted meanwhile is not
        silently made again; a new record (or a copy under a new id) starts at revision 1."""
        if record.revision:
            audit = _AUDIT
            deleted = self.session.execute(select(audit.c.action).where(
                audit.c.school_id == school_id, audit.c.record_id == record_id,
                audit.c.record_kind == _AUDIT_KINDS.get(table.name, table.name),
            ).order_by(audit.c.id.desc()).limit(1)).scalar()
            if deleted is not None and deleted.endswith(".delete"):
                raise self._conflict(table, school_id, record_id, current=0)
        record.revision = 1

    def _conflict(self, table: Table, school_id: str, record_id: str, current: int) -> ConflictError:
        """Who saved (or deleted) the record last and when, from the audit trail."""
        kind = _AUDIT_KINDS.get(table.name, table.name)
        audit = _AUDIT
        rows = self._rows(select(audit.c.actor, audit.c.at, audit.c.db_login).where(
            audit.c.school_id == school_id, audit.c.record_id == record_id,
            audit.c.record_kind == kind).order_by(audit.c.id.desc()).limit(1))
        by, at, login = (rows[0]["actor"], rows[0]["at"], rows[0]["db_login"]) if rows else ("?", None, None)
        when = at.astimezone().strftime("%d.%m.%Y %H:%M") if at is not None else "?"
        return ConflictError(_RECORD_KINDS.get(table.name, table.name), record_id, by, when, current, login)

    def revision_of(self, kind: Kind[Any], school_id: str, record_id: str) -> int | None:
        """The stored revision of a record (None when there is none): what a save must carry."""
        table = kind.table
        value = self.session.execute(select(table.c.revision).where(
            table.c.school_id == school_id, table.c.id == record_id)).scalar()
        return None if value is None else int(value)

    def _delete(self, kind: Kind[Any], school_id: str, record_id: str) -> None:
        table = kind.table
        for child, owner_column in reversed(kind.children):
            self.session.execute(
                delete(child).where(child.c.school_id == school_id, child.c[owner_column] == record_id))
        self.session.execute(delete(table).where(table.c.school_id == school_id, table.c.id == record_id))

    # --- schools ------------------------------------------------------------------------------

    def school_ids(self) -> list[str]:
        return list(self.session.execute(select(_SCHOOLS.c.id).order_by(_SCHOOLS.c.id)).scalars())

    def get_school(self, school_id: str) -> School | None:
        rows = self._rows(select(_SCHOOLS).where(_SCHOOLS.c.id == school_id))
        return mapping.build_school(rows[0]) if rows else None

    def save_school(self, school: School) -> None:
        row = mapping.dump_school(school)
        if self.get_school(school.id) is None:
            self.session.execute(insert(_SCHOOLS), [row])
        else:
            values = {k: v for k, v in row.items() if k != "id"}
            self.session.execute(update(_SCHOOLS).where(_SCHOOLS.c.id == school.id).values(**values))

    def delete_school(self, school_id: str) -> None:
        """Delete every record of the school, children first; accounts and audit are kept."""
        for table in reversed(_SCHOOL_TABLES):
            self.session.execute(delete(table).where(table.c.school_id == school_id))
        self.session.execute(delete(_SCHOOLS).where(_SCHOOLS.c.id == school_id))

    # --- bulk ---------------------------------------------------------------------------------

    def insert_records(self, records: SchoolRecords) -> None:
        """Insert a whole school that the database does not hold yet, with executemany per table."""
        school = records.school
        if self.get_school(school.id) is not None:
            raise DuplicateError(kind="school", id=school.id)
        collected: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for kind in mapping.KINDS:
            for seq, record in enumerate(getattr(records, kind.collection), start=1):
                rows = kind.dump(school.id, record)
                rows[kind.table.name][0]["seq"] = seq
                for table_name, table_rows in rows.items():
                    collected[table_name] += table_rows
        for meeting in records.meetings:
            collected[_PROTOCOL_TEXTS.name] += mapping.dump_protocol_texts(school.id, meeting)
        self.session.execute(insert(_SCHOOLS), [mapping.dump_school(school)])
        for table in _SCHOOL_TABLES:
            if collected.get(table.name):
                self.session.execute(insert(table), collected[table.name])

    def bulk_writer(self, school_id: str) -> BulkWriter:
        """A writer of many records of one school in batches, within this transaction."""
        return BulkWriter(self.session, school_id)

    def load_records(self, school_id: str, plans: bool = True) -> SchoolRecords:
        """Every record of the school (without the plans when ``plans`` is False, to read them
        with :meth:`plan_batches`): a few SELECTs per table, grouped in Python."""
        school = self.get_school(school_id)
        if school is None:
            raise NotFoundError("school", school_id)
        kinds = [k for k in mapping.KINDS if plans or k is not mapping.PLANS]
        loaded: dict[str, list[Any]] = {
            k.collection: self._load_plans(school_id) if k is mapping.PLANS else self._load(k, school_id)
            for k in kinds}
        return SchoolRecords(school, **loaded)

    def plan_batches(self, school_id: str, size: int = 500) -> Iterator[list[CalendarPlan]]:
        """The school's plans in their order, ``size`` at a time, so that a school's ten years of
        KTP rows are never all in memory."""
        table = mapping.PLANS.table
        ids = list(self.session.execute(
            select(table.c.id).where(table.c.school_id == school_id).order_by(table.c.seq)).scalars())
        for start in range(0, len(ids), size):
            yield self._load_plans(school_id, table.c.id.in_(ids[start:start + size]))

    def year_records(self, school_id: str, academic_year: str) -> SchoolRecords:
        """The records of one academic year with the school's teachers and subjects: its
        associations, their meetings, its mentorships and the visits in its window. Its plans are
        not included (``plan_summaries`` lists them without their rows). What a list of the year's
        documents needs, not a whole school."""
        school = self.get_school(school_id)
        year = self.get_academic_year(school_id, academic_year)
        if school is None or year is None:
            raise NotFoundError("school" if school is None else "academic year",
                                school_id if school is None else academic_year)
        bodies, meetings = mapping.ASSOCIATIONS.table, mapping.MEETINGS.table
        of_year = select(bodies.c.id).where(bodies.c.school_id == school_id,
                                            bodies.c.academic_year_id == academic_year)
        visits, mentorships = mapping.LESSON_VISITS.table, mapping.MENTORSHIPS.table
        first, last = year.window
        return SchoolRecords(
            school, academic_years=[year], subjects=self.list_subjects(school_id),
            teachers=self.list_teachers(school_id), associations=self.associations_of(school_id, academic_year),
            meetings=self._load(mapping.MEETINGS, school_id, meetings.c.body_id.in_(of_year)),
            mentorships=self._load(mapping.MENTORSHIPS, school_id, mentorships.c.academic_year_id == academic_year),
            lesson_visits=self._load(mapping.LESSON_VISITS, school_id, visits.c.date >= first, visits.c.date <= last))

    def next_id(self, school_id: str, collection: str, prefix: str) -> str:
        """A fresh id ``<prefix>-<n>`` not used in ``collection`` of the school."""
        table = mapping.KINDS_BY_COLLECTION[collection].table
        stem = f"{prefix}-"
        used = set(self.session.execute(
            select(table.c.id).where(table.c.school_id == school_id,
                                     table.c.id.startswith(stem, autoescape=True))).scalars())
        numbers = [int(i[len(stem):]) for i in used if i[len(stem):].isdigit()]
        candidate = max(numbers, default=0) + 1
        while f"{stem}{candidate}" in used:
            candidate += 1
        return f"{stem}{candidate}"

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

    # --- meetings -----------------------------------------------------------------------------

    def list_meetings(self, school_id: str) -> list[Meeting]:
        return self._load(mapping.MEETINGS, school_id)

    def get_meeting(self, school_id: str, record_id: str) -> Meeting | None:
        return self._get(mapping.MEETINGS, school_id, record_id)

    def save_meeting(self, school_id: str, record: Meeting) -> None:
        """The meeting and its passages for the search, in one go."""
        self._save(mapping.MEETINGS, school_id, record)
        self._delete_protocol_texts(school_id, record.id)
        texts = mapping.dump_protocol_texts(school_id, record)
        if texts:
            self.session.execute(insert(_PROTOCOL_TEXTS), texts)

    def delete_meeting(self, school_id: str, record_id: str) -> None:
        self._delete_protocol_texts(school_id, record_id)
        self._delete(mapping.MEETINGS, school_id, record_id)

    def _delete_protocol_texts(self, school_id: str, meeting_id: str) -> None:
        table = _PROTOCOL_TEXTS
        self.session.execute(delete(table).where(table.c.school_id == school_id,
                                                 table.c.meeting_id == meeting_id))

    def search_protocols(self, school_id: str, text: str, limit: int) -> list[ProtocolPassage]:
        """Passages of the school's protocols that hold ``text`` (see ``protocol_texts.search``)."""
        return protocol_texts.search(self.session, school_id, text, limit)

    def meeting_numbers(self, school_id: str, ids: Collection[str]) -> dict[str, tuple[int, date]]:
        """The number and date of the meetings of these ids (a list that names some protocols)."""
        if not ids:
            return {}
        table = mapping.MEETINGS.table
        rows = self.session.execute(select(table.c.id, table.c.number, table.c.date).where(
            table.c.school_id == school_id, table.c.id.in_(sorted(ids))))
        return {str(row.id): (int(row.number), row.date) for row in rows}

    def meetings_of(self, school_id: str, body: str) -> list[Meeting]:
        """Meetings of one association or council, by date and number."""
        table = mapping.MEETINGS.table
        return self._load(mapping.MEETINGS, school_id, table.c.body_id == body,
                          order_by=(table.c.date, table.c.number))

    # --- plans --------------------------------------------------------------------------------

    def list_plans(self, school_id: str) -> list[CalendarPlan]:
        return self._load_plans(school_id)

    def get_plan(self, school_id: str, record_id: str) -> CalendarPlan | None:
        found = self._load_plans(school_id, record_id=record_id)
        return found[0] if found else None

    def save_plan(self, school_id: str, record: CalendarPlan) -> None:
        self._save(mapping.PLANS, school_id, record)

    def delete_plan(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.PLANS, school_id, record_id)

    def plans_of(self, school_id: str, academic_year: str | None = None,
                 teacher: str | None = None) -> list[CalendarPlan]:
        table = mapping.PLANS.table
        where: list[ColumnElement[bool]] = []
        if academic_year is not None:
            where.append(table.c.academic_year_id == academic_year)
        if teacher is not None:
            where.append(table.c.teacher_id == teacher)
        return self._load_plans(school_id, *where)

    def plan_summaries(self, school_id: str, academic_year: str | None = None,
                       teachers: Collection[str] | None = None, subject: str | None = None) -> list[PlanSummary]:
        """One line per plan, rows counted in SQL and not read (``storage.summaries``)."""
        return summaries.plan_summaries(self.session, school_id, academic_year, teachers, subject)

    def plan_status_counts(self, school_id: str, academic_year: str,
                           teachers: Collection[str] | None = None) -> dict[str, int]:
        return summaries.plan_status_counts(self.session, school_id, academic_year, teachers)

    def last_plan_events(self, school_id: str, plans: Collection[str]) -> dict[str, date]:
        return summaries.last_plan_events(self.session, school_id, plans)

    def meeting_counts(self, school_id: str, academic_year: str) -> MeetingCounts:
        return summaries.meeting_counts(self.session, school_id, academic_year)

    def mentorship_count(self, school_id: str, academic_year: str, teacher: str | None = None) -> int:
        return summaries.mentorship_count(self.session, school_id, academic_year, teacher)

    def visit_count(self, school_id: str, first: date, last: date, teacher: str | None = None) -> int:
        return summaries.visit_count(self.session, school_id, first, last, teacher)

    # --- mentorships --------------------------------------------------------------------------

    def list_mentorships(self, school_id: str) -> list[Mentorship]:
        return self._load(mapping.MENTORSHIPS, school_id)

    def get_mentorship(self, school_id: str, record_id: str) -> Mentorship | None:
        return self._get(mapping.MENTORSHIPS, school_id, record_id)

    def save_mentorship(self, school_id: str, record: Mentorship) -> None:
        self._save(mapping.MENTORSHIPS, school_id, record)

    def delete_mentorship(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.MENTORSHIPS, school_id, record_id)

    # --- lesson visits ------------------------------------------------------------------------

    def list_lesson_visits(self, school_id: str) -> list[LessonVisit]:
        return self._load(mapping.LESSON_VISITS, school_id)

    def get_lesson_visit(self, school_id: str, record_id: str) -> LessonVisit | None:
        return self._get(mapping.LESSON_VISITS, school_id, record_id)

    def save_lesson_visit(self, school_id: str, record: LessonVisit) -> None:
        self._save(mapping.LESSON_VISITS, school_id, record)

    def save_observation(self, school_id: str, visit_id: str, observation: Observation) -> None:
        """One observer's observation of a visit, replacing theirs, the visit and the others' kept
        (on a server an observer may write only their own row)."""
        table = _OBSERVATIONS
        where = (table.c.school_id == school_id, table.c.lesson_visit_id == visit_id)
        self.session.execute(delete(table).where(*where, table.c.observer_id == observation.observer))
        last = self.session.execute(select(func.max(table.c.position)).where(*where)).scalar()
        self.session.execute(insert(table), [{
            "school_id": school_id, "lesson_visit_id": visit_id, "position": 0 if last is None else last + 1,
            "observer_id": observation.observer, "strengths": observation.strengths,
            "recommendations": observation.recommendations}])

    def delete_lesson_visit(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.LESSON_VISITS, school_id, record_id)

    # --- olympiads and work plans followed (issue 18, points 8 and 9) ---------------------------

    def list_olympiad_results(self, school_id: str) -> list[OlympiadResult]:
        return self._load(mapping.OLYMPIAD_RESULTS, school_id)

    def olympiad_results_of(self, school_id: str, academic_year: str) -> list[OlympiadResult]:
        table = mapping.OLYMPIAD_RESULTS.table
        return self._load(mapping.OLYMPIAD_RESULTS, school_id, table.c.academic_year_id == academic_year)

    def get_olympiad_result(self, school_id: str, record_id: str) -> OlympiadResult | None:
        return self._get(mapping.OLYMPIAD_RESULTS, school_id, record_id)

    def save_olympiad_result(self, school_id: str, record: OlympiadResult) -> None:
        self._save(mapping.OLYMPIAD_RESULTS, school_id, record)

    def delete_olympiad_result(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.OLYMPIAD_RESULTS, school_id, record_id)

    def olympiad_summary(self, school_id: str, academic_year: str) -> followed.OlympiadSummary:
        return followed.olympiad_summary(self.session, school_id, academic_year)

    def plan_following(self, school_id: str, academic_year: str, before_month: str,
                       bodies: Collection[str] | None = None) -> list[followed.PlanFollowing]:
        return followed.plan_following(self.session, school_id, academic_year, before_month, bodies)

    # --- users --------------------------------------------------------------------------------

    def add_user(self, user: User) -> None:
        if self.get_user(user.login) is not None:
            raise DuplicateError(kind="user", id=user.login)
        self.session.execute(insert(_USERS), [mapping.dump_user(user)])

    def get_user(self, login: str, with_hash: bool = True) -> User | None:
        """The account; ``with_hash=False`` leaves its password hash empty (on a server only the
        administrator's group may read hashes: a person reads their own account without it)."""
        rows = self._rows(select(*_user_columns(with_hash)).where(_USERS.c.login == login))
        return mapping.build_user(rows[0]) if rows else None

    def mark_signed_in(self, login: str, at: datetime) -> None:
        """The last sign-in of an account, and no failed attempts since (a person's own row on a server)."""
        self.session.execute(update(_USERS).where(_USERS.c.login == login).values(
            last_sign_in=at, failed_attempts=0, locked_until=None))

    def set_password_hash(self, login: str, password_hash: str) -> None:
        self.session.execute(update(_USERS).where(_USERS.c.login == login).values(password_hash=password_hash))

    def save_user(self, user: User) -> None:
        if self.get_user(user.login) is None:
            self.add_user(user)
            return
        values = {k: v for k, v in mapping.dump_user(user).items() if k != "login"}
        self.session.execute(update(_USERS).where(_USERS.c.login == user.login).values(**values))

    def list_users(self, school_id: str | None = None) -> list[User]:
        """The accounts, their password hashes left empty (nobody needs a list of hashes)."""
        statement = select(*_user_columns(False)).order_by(_USERS.c.login)
        if school_id is not None:
            statement = statement.where(_USERS.c.school_id == school_id)
        return [mapping.build_user(row) for row in self._rows(statement)]

    def count_users(self) -> int:
        return int(self.session.execute(select(func.count()).select_from(_USERS)).scalar_one())

    # --- audit and history --------------------------------------------------------------------

    def lock_audit_head(self) -> None:
        """Writers append to the one audit chain one at a time (see dialect.lock_writers)."""
        dialect.lock_writers(self.session.connection())

    def add_audit(self, event: AuditEvent) -> None:
        self.session.execute(insert(_AUDIT), [mapping.dump_audit(event)])

    def last_audit_id(self) -> int:
        """The id of the newest audit entry (0 when there is none): one index lookup."""
        return int(self.session.execute(select(func.max(_AUDIT.c.id))).scalar() or 0)

    def list_guests(self, school_id: str, association_id: str, language: str = "ru") -> list[GuestMember]:
        """An inter-school association's members from other schools (п. 21), with their names."""
        from desktop_app.storage.guest_members import list_guests

        return list_guests(self.session, school_id, association_id, language)

    def last_audit(self) -> AuditEvent | None:
        rows = self._rows(select(_AUDIT).order_by(_AUDIT.c.id.desc()).limit(1))
        return mapping.build_audit(rows[0]) if rows else None

    def audit_events(self, school_id: str | None = None) -> list[AuditEvent]:
        statement = select(_AUDIT).order_by(_AUDIT.c.id)
        if school_id is not None:
            statement = statement.where(_AUDIT.c.school_id == school_id)
        return [mapping.build_audit(row) for row in self._rows(statement)]

    def add_plan_event(self, school_id: str, event: PlanEvent) -> None:
        self.session.execute(insert(_PLAN_EVENTS), [mapping.dump_plan_event(school_id, event)])

    def plan_events(self, school_id: str, plan_id: str) -> list[PlanEvent]:
        statement = (select(_PLAN_EVENTS)
                     .where(_PLAN_EVENTS.c.school_id == school_id, _PLAN_EVENTS.c.plan_id == plan_id)
                     .order_by(_PLAN_EVENTS.c.id))
        return [mapping.build_plan_event(row) for row in self._rows(statement)]

    def add_meeting_version(self, school_id: str, version: MeetingVersion) -> None:
        self.session.execute(insert(_MEETING_VERSIONS), [mapping.dump_meeting_version(school_id, version)])

    def meeting_versions(self, school_id: str, meeting_id: str) -> list[MeetingVersion]:
        table = _MEETING_VERSIONS
        statement = (select(table).where(table.c.school_id == school_id, table.c.meeting_id == meeting_id)
                     .order_by(table.c.version))
        return [mapping.build_meeting_version(row) for row in self._rows(statement)]

    # --- methodical materials (п. 27) ---------------------------------------------------------

    def list_materials(self, school_id: str, academic_year: str | None = None) -> list[Material]:
        table = mapping.MATERIALS.table
        where = [] if academic_year is None else [table.c.academic_year_id == academic_year]
        return self._load(mapping.MATERIALS, school_id, *where)

    def get_material(self, school_id: str, record_id: str) -> Material | None:
        return self._get(mapping.MATERIALS, school_id, record_id)

    def save_material(self, school_id: str, record: Material, content: bytes | None = None) -> None:
        """Save the record; with ``content`` its file's bytes too (the record names the file)."""
        self._save(mapping.MATERIALS, school_id, record)
        if record.file is None:
            material_files.remove(self.session, school_id, record.id)
        elif content is not None:
            material_files.put(self.session, school_id, record.id, content)

    def materials_awaiting_approval(self, school_id: str, academic_year: str) -> list[tuple[str, LocalizedText, date]]:
        return material_files.awaiting_approval(self.session, school_id, academic_year)

    def material_content(self, school_id: str, record_id: str) -> bytes | None:
        return material_files.get(self.session, school_id, record_id)

    def delete_material(self, school_id: str, record_id: str) -> None:
        material_files.remove(self.session, school_id, record_id)
        self._delete(mapping.MATERIALS, school_id, record_id)
