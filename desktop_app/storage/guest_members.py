"""Members of inter-school associations from other schools (table ``association_guest_members``):
read with their teacher's name and school's name where those are still in the database."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, delete, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain.district import GuestMember
from desktop_app.storage import models as m
from desktop_app.storage.mapping.base import table_of

_GUESTS = table_of(m.GuestMemberRow)
_TEACHERS = table_of(m.TeacherRow)
_SCHOOLS = table_of(m.SchoolRow)
_MARKS = table_of(m.GuestAttendanceRow)


def _name(last: str | None, first: str | None, patronymic: str | None) -> str:
    return " ".join(p for p in (last, first, patronymic) if p)


def _school_name(row: object, language: str) -> str:
    names = [getattr(row, f"{kind}_{lang}") for lang in (language, "ru" if language == "kk" else "kk")
             for kind in ("short_name", "name")]
    return next((n for n in names if n), "")


def list_guests(session: Session, school: str, association: str, language: str = "ru") -> list[GuestMember]:
    g = _GUESTS.c
    statement = (select(g.member_school_id, g.teacher_id, g.since, g.until, _TEACHERS.c.last_name,
                        _TEACHERS.c.first_name, _TEACHERS.c.patronymic, _SCHOOLS.c.name_kk, _SCHOOLS.c.name_ru,
                        _SCHOOLS.c.short_name_kk, _SCHOOLS.c.short_name_ru)
                 .select_from(_GUESTS.outerjoin(_TEACHERS, and_(_TEACHERS.c.school_id == g.member_school_id,
                                                                _TEACHERS.c.id == g.teacher_id))
                              .outerjoin(_SCHOOLS, _SCHOOLS.c.id == g.member_school_id))
                 .where(g.school_id == school, g.association_id == association)
                 .order_by(g.member_school_id, _TEACHERS.c.last_name, g.teacher_id))
    return [GuestMember(r.member_school_id, r.teacher_id, r.since, r.until,
                        _name(r.last_name, r.first_name, r.patronymic), _school_name(r, language))
            for r in session.execute(statement)]


def teacher_names(session: Session, keys: Iterable[tuple[str, str]],
                  language: str = "ru") -> dict[tuple[str, str], tuple[str, str]]:
    """(school, teacher) → (the teacher's full name, the school's name) for those still in the
    database, either part empty when it is gone: how a refusal names a teacher of another school."""
    wanted = set(keys)
    if not wanted:
        return {}
    schools = {school for school, _teacher in wanted}
    teachers = {r.school_id + "\0" + r.id: _name(r.last_name, r.first_name, r.patronymic) for r in session.execute(
        select(_TEACHERS.c.school_id, _TEACHERS.c.id, _TEACHERS.c.last_name, _TEACHERS.c.first_name,
               _TEACHERS.c.patronymic)
        .where(_TEACHERS.c.school_id.in_(schools), _TEACHERS.c.id.in_({t for _s, t in wanted})))}
    names = {r.id: _school_name(r, language) for r in session.execute(
        select(_SCHOOLS.c.id, _SCHOOLS.c.name_kk, _SCHOOLS.c.name_ru, _SCHOOLS.c.short_name_kk,
               _SCHOOLS.c.short_name_ru).where(_SCHOOLS.c.id.in_(schools)))}
    return {(school, teacher): (teachers.get(school + "\0" + teacher, ""), names.get(school, ""))
            for school, teacher in wanted}


def district_teachers(session: Session, other_than: str, language: str = "ru") -> list[GuestMember]:
    """The active teachers of every other school: whom an inter-school association may take in."""
    statement = (select(_TEACHERS.c.school_id, _TEACHERS.c.id, _TEACHERS.c.last_name, _TEACHERS.c.first_name,
                        _TEACHERS.c.patronymic, _SCHOOLS.c.name_kk, _SCHOOLS.c.name_ru,
                        _SCHOOLS.c.short_name_kk, _SCHOOLS.c.short_name_ru)
                 .join(_SCHOOLS, _SCHOOLS.c.id == _TEACHERS.c.school_id)
                 .where(_TEACHERS.c.school_id != other_than, _TEACHERS.c.active.is_(True))
                 .order_by(_TEACHERS.c.school_id, _TEACHERS.c.last_name, _TEACHERS.c.first_name))
    return [GuestMember(r.school_id, r.id, name=_name(r.last_name, r.first_name, r.patronymic),
                        school_name=_school_name(r, language)) for r in session.execute(statement)]


def add_guest(session: Session, school: str, association: str, member: GuestMember) -> None:
    session.execute(insert(_GUESTS).values(school_id=school, association_id=association,
                                           member_school_id=member.school, teacher_id=member.teacher,
                                           since=member.since, until=member.until))


def remove_guest(session: Session, school: str, association: str, member_school: str, teacher: str) -> int:
    g = _GUESTS.c
    result = session.execute(delete(_GUESTS).where(g.school_id == school, g.association_id == association,
                                                   g.member_school_id == member_school, g.teacher_id == teacher))
    return int(getattr(result, "rowcount", 0) or 0)


Saved = list[tuple[str, dict[str, object]]]


def saved_guests(session: Session) -> Saved:
    """Every guest membership and every meeting's marks of them as (table, row) (small tables), kept
    across a replacing import of a school: the document carries no memberships (they name other
    schools' teachers), and marks only where it has them (``restore_guests`` keeps the document's)."""
    return [(table.name, dict(r._mapping)) for table in (_GUESTS, _MARKS) for r in session.execute(select(table))]


def restore_guests(session: Session, school: str, rows: Saved) -> None:
    """Put back ``school``'s memberships that a replacing import deleted, where the association is
    still there, and the marks of its meetings where the meeting is still there."""
    for table, owner, parent in ((_GUESTS, "association_id", table_of(m.AssociationRow)),
                                 (_MARKS, "meeting_id", table_of(m.MeetingRow))):
        held = {r[0] for r in session.execute(select(table.c[owner]).where(table.c.school_id == school))}
        kept = {r[0] for r in session.execute(select(parent.c.id).where(parent.c.school_id == school))}
        lost = [row for name, row in rows
                if name == table.name and row["school_id"] == school and row[owner] in kept - held]
        if lost:
            session.execute(insert(table), lost)
