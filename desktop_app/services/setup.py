"""The first start of the window: a school, its academic year and the first administrator at once."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop_app.domain.accounts import Actor, Role, User, check_login_and_password
from desktop_app.domain.entities import LocalizedText, School, Subject, Teacher
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.services.accounts import hash_password
from desktop_app.services.base import Service
from desktop_app.services.schools import load_presets, year_errors

DEFAULT_SCHOOL_ID = "school-1"

#: The subjects of a general school, so that the staff list can name them from the first day;
#: the administrator adds the school's own later.
STANDARD_SUBJECTS: tuple[tuple[str, str, str], ...] = (
    ("kazlang", "Қазақ тілі", "Казахский язык"),
    ("kazlit", "Қазақ әдебиеті", "Казахская литература"),
    ("ruslang", "Орыс тілі", "Русский язык"),
    ("ruslit", "Орыс әдебиеті", "Русская литература"),
    ("english", "Ағылшын тілі", "Английский язык"),
    ("math", "Математика", "Математика"),
    ("algebra", "Алгебра", "Алгебра"),
    ("geometry", "Геометрия", "Геометрия"),
    ("informatics", "Информатика", "Информатика"),
    ("physics", "Физика", "Физика"),
    ("chemistry", "Химия", "Химия"),
    ("biology", "Биология", "Биология"),
    ("geography", "География", "География"),
    ("science", "Жаратылыстану", "Естествознание"),
    ("history-kz", "Қазақстан тарихы", "История Казахстана"),
    ("history-world", "Дүниежүзі тарихы", "Всемирная история"),
    ("law", "Құқық негіздері", "Основы права"),
    ("world", "Дүниетану", "Познание мира"),
    ("art-work", "Көркем еңбек", "Художественный труд"),
    ("music", "Музыка", "Музыка"),
    ("pe", "Дене шынықтыру", "Физическая культура"),
    ("military", "Алғашқы әскери және технологиялық дайындық",
     "Начальная военная и технологическая подготовка"),
    ("primary", "Бастауыш сынып", "Начальные классы"),
)

#: The positions of the people the wizard names, as the staff list and the protocols print them
#: (the glossary's terms).
POSITIONS = {
    "director": LocalizedText("Директор", "Директор"),
    "deputy_director": LocalizedText("Директордың оқу ісі жөніндегі орынбасары",
                                     "Заместитель директора по учебной работе"),
}


@dataclass(frozen=True)
class SetUpSchool:
    """What the first-start wizard collects."""

    school: School
    preset: str
    admin_login: str
    admin_password: str
    director: Teacher | None = None
    deputy_director: Teacher | None = None


class SetupService(Service):
    def set_up(self, request: SetUpSchool) -> Actor:
        """Create the school, its year from a preset, the standard subjects, the director and the
        deputy as teachers with their positions, and the first administrator, in one transaction on
        an empty database."""
        school = request.school
        if not school.id:
            school = replace(school, id=DEFAULT_SCHOOL_ID)
        if not (school.name.kk or school.name.ru):
            raise DomainError(Rule.VALUE, N_("The school needs a name"), record=school.id, field="name")
        preset = next((p for p in load_presets() if p.year.id == request.preset), None)
        if preset is None:
            raise DomainError(Rule.REFERENCE, N_("There is no calendar preset {id}"),
                              {"id": request.preset}, record=request.preset, field="year")
        year = replace(preset.year)
        if year_errors(year):
            raise year_errors(year)[0]
        check_login_and_password(request.admin_login, request.admin_password)
        people = [("director", request.director), ("deputy_director", request.deputy_director)]
        for field, person in people:
            if person is not None and not (person.last_name.strip() and person.first_name.strip()):
                raise DomainError(Rule.VALUE, N_("A teacher needs a last name and a first name"),
                                  record=school.id, field=field)
        with self._db.transaction(write=True) as store:
            if store.school_ids() or store.count_users():
                raise DomainError(Rule.VALUE, N_("The database already holds data; the set-up needs "
                                                 "an empty database"), field="database")
            store.save_school(replace(school, director=None, deputy_director=None))
            store.save_academic_year(school.id, year)
            for subject_id, kk, ru in STANDARD_SUBJECTS:
                store.save_subject(school.id, Subject(subject_id, LocalizedText(kk, ru)))
            linked: dict[str, str] = {}
            for field, person in people:
                if person is None:
                    continue
                teacher = replace(person, id=store.next_id(school.id, "teachers", "t"),
                                  last_name=person.last_name.strip(), first_name=person.first_name.strip(),
                                  patronymic=(person.patronymic or "").strip() or None,
                                  position=person.position or POSITIONS[field])
                store.save_teacher(school.id, teacher)
                linked[field] = teacher.id
            school = replace(school, director=linked.get("director"),
                             deputy_director=linked.get("deputy_director"))
            store.save_school(school)
            user = User(request.admin_login, Role.ADMINISTRATOR, hash_password(request.admin_password),
                        school.id, linked.get("deputy_director"))
            store.add_user(user)
            actor = user.actor()
            self._audit(store, actor, "school.create", school.id, "school", school.id, school.name.get("ru"))
            self._audit(store, actor, "year.save", school.id, "academic_year", year.id,
                        f"{year.start}..{year.end}")
            self._audit(store, actor, "user.create", school.id, "user", user.login, user.role.value)
        return actor
