"""Fixtures of the service tests: the sample school on a real database, one account per role.

Every test runs on both backends (the ``backend`` fixture of tests/conftest.py): an SQLite file
and a database on a real PostgreSQL server. The sample is imported and the accounts are created and
signed in once per session into a template (Argon2id makes every hash cost ~0.15 s); each test gets
its own copy of it (a copied file under ``tmp_path``; on the server the shared database emptied
and refilled from a copy of its starting records, ten times faster than CREATE DATABASE), opened
with a fixed clock that the test can advance.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from desktop_app.domain.accounts import COMMAND_LINE, Actor, Role
from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Attendance,
    CalendarPlan,
    Language,
    LessonVisit,
    LocalizedText,
    Meeting,
    MeetingStatus,
    Mentorship,
    MentorshipSession,
    PlanRow,
    SessionKind,
    Teacher,
    Term,
    VisitKind,
    Vote,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.services import Services
from desktop_app.storage.database import Database
from tests import server
from tests.shared_files import SAMPLE

SAMPLE_PATH = SAMPLE
SAMPLE_BYTES = SAMPLE_PATH.read_bytes()

SCHOOL = "school-7"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
#: When the tests' plans are submitted: before meeting No. 2 of the sample (06.11.2026) reviews them.
SUBMITTED_AT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)

#: key -> (login, role, linked teacher). The head "head" leads mo-math-26, "head2" leads mo-kaz-26.
ACCOUNTS: dict[str, tuple[str, Role, str | None]] = {
    "admin": ("zavuch", Role.ADMINISTRATOR, "t-dep"),
    "director": ("director", Role.DIRECTOR, "t-dir"),
    "head": ("abenova", Role.HEAD, "t-01"),
    "head2": ("usenova", Role.HEAD, "t-08"),
    "teacher": ("kim", Role.TEACHER, "t-05"),
    "teacher2": ("kasymov", Role.TEACHER, "t-02"),
    "viewer": ("raiono", Role.VIEWER, None),
}
ROLES = tuple(ACCOUNTS)


def password(key: str) -> str:
    return f"{key}-secret-2026"


class FixedClock:
    """A UTC clock that stands still until a test moves it."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def snapshot(path: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read through a separate raw connection (a URL: through SQLAlchemy)."""
    if "://" in str(path):
        engine = sa.create_engine(str(path), poolclass=sa.pool.NullPool)
        try:
            with engine.connect() as connection:
                tables = sorted(sa.inspect(connection).get_table_names())
                return {table: sorted(connection.exec_driver_sql(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                        for table in tables}
        finally:
            engine.dispose()
    with closing(sqlite3.connect(path)) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}


@dataclass
class Env:
    """One test's database: the services, the clock, the signed-in actors. ``path`` is the SQLite
    file, or the URL of the PostgreSQL database."""

    path: Path | str
    services: Services
    clock: FixedClock
    actors: dict[str, Actor]
    backend: str = "sqlite"

    @property
    def s(self) -> Services:
        return self.services

    def actor(self, key: str) -> Actor:
        return self.actors[key]

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        return snapshot(self.path)

    def sql(self, statement: str, **params: Any) -> list[tuple[Any, ...]]:
        """Runs ``statement`` (``:name`` parameters) outside the program, as a person with an SQL
        client would, and commits; returns the rows it gives (none for a change)."""
        url = str(self.path) if self.backend != "sqlite" else f"sqlite:///{self.path}"
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        try:
            with engine.begin() as connection:
                result = connection.execute(sa.text(statement), params)
                return [tuple(row) for row in result] if result.returns_rows else [(result.rowcount,)]
        finally:
            engine.dispose()

    def submit(self, actor: Actor, plan: str, on: datetime = SUBMITTED_AT) -> CalendarPlan:
        """Submit ``plan`` on ``on`` (before the sample meetings that consider it: rule 6 refuses a
        review dated before the submission); the clock is put back afterwards."""
        now = self.clock.now
        self.clock.now = on
        try:
            return self.services.plans.submit(actor, SCHOOL, plan)
        finally:
            self.clock.now = now

    def refused(self, call: Callable[[], object], rule: Rule, record: str | None = None,
                field: str | None = None, *, check_field: bool = True) -> DomainError:
        """``call`` raises a DomainError of ``rule`` naming ``record``/``field``; nothing is written."""
        before = self.snapshot()
        with pytest.raises(DomainError) as caught:
            call()
        error = caught.value
        assert error.rule is rule, f"{error.rule} != {rule}: {error}"
        if record is not None:
            assert error.record == record, error
        if check_field:
            assert error.field == field, error
        assert self.snapshot() == before, "a refused call changed the database"
        return error

    def denied(self, call: Callable[[], object]) -> DomainError:
        """A PermissionDenied that leaves the database as it was."""
        error = self.refused(call, Rule.PERMISSION, check_field=False)
        assert type(error).__name__ == "PermissionDenied", repr(error)
        return error


@pytest.fixture(scope="session")
def template(backend: str, tmp_path_factory: pytest.TempPathFactory,
             request: pytest.FixtureRequest) -> tuple[Path | str, dict[str, Actor]]:
    """The sample school and one signed-in account per role, in a closed template file (or, on the
    server, the URL of the one database the tests share, its records kept for a fast reset)."""
    path: Path | str
    if backend == "postgresql":
        cluster: server.Cluster = request.getfixturevalue("pg_cluster")
        name = cluster.create_database()
        path = cluster.url(name, server.OWNER)
    else:
        path = tmp_path_factory.mktemp("template") / "db.sqlite3"
    services = Services.over(Database.open(path), clock=FixedClock())
    try:
        summary = services.exchange.import_document(COMMAND_LINE, SAMPLE_BYTES)
        assert summary.school == SCHOOL
        first = True
        acting: Actor | None = None
        for key, (login, role, teacher) in ACCOUNTS.items():
            user = services.accounts.create_user(None if first else acting, login, password(key), role,
                                                 SCHOOL, teacher)
            if first:
                acting = user.actor()
                first = False
        actors = {key: services.accounts.authenticate(login, password(key))
                  for key, (login, _, _) in ACCOUNTS.items()}
    finally:
        services.close()
    if isinstance(path, Path):
        assert not path.with_name(path.name + "-wal").exists()
        return path, actors
    server.save_snapshot(path)
    return path, actors


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def env(template: tuple[Path | str, dict[str, Actor]], backend: str,
        tmp_path: Path, clock: FixedClock) -> Iterator[Env]:
    source, actors = template
    path: Path | str
    if isinstance(source, Path):
        path = tmp_path / "db.sqlite3"
        shutil.copyfile(source, path)
    else:  # the server's one test database, put back as the template left it
        path = source
        server.restore_snapshot(path)
    services = Services.over(Database.open(path), clock=clock)
    try:
        yield Env(path, services, clock, dict(actors), backend)
    finally:
        services.close()


@pytest.fixture
def empty(new_database: Callable[..., str], clock: FixedClock) -> Iterator[Services]:
    """An empty database (no school, no accounts)."""
    services = Services.over(Database.open(new_database("empty.sqlite3")), clock=clock)
    try:
        yield services
    finally:
        services.close()


# ---------------------------------------------------------------------------------------------
# Builders of records for the calls under test
# ---------------------------------------------------------------------------------------------

MATH_MEMBERS = ("t-01", "t-02", "t-03", "t-04", "t-05")
KAZ_MEMBERS = ("t-06", "t-07", "t-08")


def d(text: str) -> date:
    return date.fromisoformat(text)


def meeting(body: str = "mo-math-26", number: int = 3, day: str = "2026-11-20", *,
            chair: str = "t-01", secretary: str = "t-05", members: tuple[str, ...] = MATH_MEMBERS,
            absent: tuple[str, ...] = (), vote: Vote | None = None, meeting_id: str = "",
            status: MeetingStatus = MeetingStatus.DRAFT) -> Meeting:
    return Meeting(
        id=meeting_id, body=body, number=number, date=d(day), language=Language.RU,
        chair=chair, secretary=secretary,
        attendance=[Attendance(t, t not in absent, "болеет" if t in absent else None) for t in members],
        agenda=[AgendaItem(1, "Итоги", ["Принять к сведению."], vote=vote)],
        status=status,
    )


def school_days(count: int, first: str = "2026-09-02") -> list[date]:
    """Wednesdays from ``first`` that are school days of 2026-2027 (outside breaks and holidays)."""
    days, day = [], d(first)
    breaks = [(d("2026-10-26"), d("2026-11-01")), (d("2026-12-16"), d("2026-12-16")),
              (d("2026-12-28"), d("2027-01-07"))]
    while len(days) < count:
        if not any(a <= day <= b for a, b in breaks):
            days.append(day)
        day += timedelta(days=7)
    return days


def plan(teacher: str = "t-05", subject: str = "informatics", *, plan_id: str = "",
         dates: list[date | None] | None = None, hours_per_week: float = 1, grade: int = 8) -> CalendarPlan:
    dates = school_days(4) if dates is None else dates
    return CalendarPlan(
        id=plan_id, teacher=teacher, subject=subject, academic_year="2026-2027", grade=grade,
        language=Language.RU, hours_per_week=hours_per_week, classes=["8А"],
        rows=[PlanRow(i, f"Тема {i}", 1, term=None, date=day) for i, day in enumerate(dates, start=1)],
    )


def mentorship(mentor: str = "t-01", mentee: str = "t-11", *, start: str = "2026-09-01",
               end: str = "2027-05-25", mentorship_id: str = "") -> Mentorship:
    return Mentorship(id=mentorship_id, mentor=mentor, mentee=mentee, academic_year="2026-2027",
                      start=d(start), end=d(end), goals=["Планирование урока"])


def session(day: str = "2026-11-25") -> MentorshipSession:
    return MentorshipSession(d(day), SessionKind.CONSULTATION, "Краткосрочный план")


def visit(teacher: str = "t-04", association: str | None = "mo-math-26", visit_id: str = "") -> LessonVisit:
    return LessonVisit(id=visit_id, kind=VisitKind.OPEN_LESSON, teacher=teacher, subject="math",
                       date=d("2026-12-02"), topic="Дроби", class_name="6А", association=association)


def teacher(last: str = "Сейітова", first: str = "Ару", teacher_id: str = "") -> Teacher:
    return Teacher(id=teacher_id, last_name=last, first_name=first, subjects=["math"],
                   position=LocalizedText("Мұғалім", "Учитель"))


def year_2027() -> AcademicYear:
    return AcademicYear(
        id="2027-2028", start=d("2027-09-01"), end=d("2028-05-25"),
        terms=[Term(1, d("2027-09-01"), d("2027-10-24")), Term(2, d("2027-11-01"), d("2027-12-26")),
               Term(3, d("2028-01-08"), d("2028-03-17")), Term(4, d("2028-03-27"), d("2028-05-25"))],
    )


def work_plan() -> WorkPlan:
    return WorkPlan([WorkPlanItem("2026-12", "Открытые уроки", WorkPlanForm.OPEN_LESSON, ["t-08"])])
