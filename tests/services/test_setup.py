"""The first-start set-up: school, year, subjects, director, deputy and administrator in one go."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import Role
from desktop_app.domain.entities import LocalizedText, School, Teacher
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.services import Services
from desktop_app.services.setup import STANDARD_SUBJECTS, SetUpSchool
from tests.services.conftest import Env, snapshot


def _request(**changes: object) -> SetUpSchool:
    values: dict[str, object] = {
        "school": School("", LocalizedText("№ 12 мектеп-гимназиясы", "Школа-гимназия № 12"),
                         LocalizedText("№ 12 мектеп", "Школа № 12"), LocalizedText("Қарағанды қ.", "г. Караганда")),
        "preset": "2025-2026", "admin_login": "zavuch", "admin_password": "Құпия-сөз-2026",
        "director": Teacher("", "Сәрсенов", "Ерлан", "Қайратұлы"),
        "deputy_director": Teacher("", "Жұмабаева", "Әлия"),
    }
    values.update(changes)
    return SetUpSchool(**values)  # type: ignore[arg-type]


def test_set_up_creates_everything_and_the_admin_signs_in(empty: Services) -> None:
    actor = empty.setup.set_up(_request())
    assert actor.role is Role.ADMINISTRATOR and actor.school == "school-1"
    signed = empty.accounts.authenticate("zavuch", "Құпия-сөз-2026")
    assert signed == actor
    school = empty.schools.get_school(actor, "school-1")
    assert school.short_name == LocalizedText("№ 12 мектеп", "Школа № 12")
    teachers = {t.id: t for t in empty.teachers.list_teachers(actor, "school-1")}
    assert teachers[school.director or ""].full_name == "Сәрсенов Ерлан Қайратұлы"
    assert teachers[school.deputy_director or ""].last_name == "Жұмабаева"
    assert actor.teacher == school.deputy_director
    assert [y.id for y in empty.schools.list_years(actor, "school-1")] == ["2025-2026"]
    assert len(empty.teachers.list_subjects(actor, "school-1")) == len(STANDARD_SUBJECTS)


def test_set_up_without_director_and_deputy(empty: Services) -> None:
    actor = empty.setup.set_up(_request(director=None, deputy_director=None, preset="2026-2027"))
    school = empty.schools.get_school(actor, actor.school or "")
    assert school.director is None and actor.teacher is None


@pytest.mark.parametrize(("changes", "field"), [
    ({"admin_login": "завуч"}, "login"),
    ({"admin_password": "short"}, "password"),
    ({"preset": "1999-2000"}, "year"),
    ({"school": School("", LocalizedText())}, "name"),
    ({"director": Teacher("", " ", "Ерлан")}, "director"),
])
def test_a_refused_set_up_writes_nothing(empty: Services, tmp_path, changes: dict[str, object],  # type: ignore[no-untyped-def]
                                         field: str) -> None:
    before = snapshot(empty.db.url.render_as_string(hide_password=False))
    with pytest.raises(DomainError) as caught:
        empty.setup.set_up(_request(**changes))
    assert caught.value.field == field
    assert snapshot(empty.db.url.render_as_string(hide_password=False)) == before
    assert not empty.accounts.has_users()


def test_set_up_refuses_a_database_with_data(env: Env) -> None:
    error = env.refused(lambda: env.s.setup.set_up(_request()), Rule.VALUE, field="database")
    assert "empty database" in str(error)
