"""What every view needs: the services, the signed-in user and the school being worked on."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import LocalizedText, Teacher
from desktop_app.i18n import current_language
from desktop_app.services import Services


@dataclass
class Session:
    services: Services
    actor: Actor
    school: str

    def may(self, action: Action) -> bool:
        return self.actor.may(action)

    def teachers_by_id(self) -> dict[str, Teacher]:
        teachers = self.services.teachers.list_teachers(self.actor, self.school, include_archived=True)
        return {t.id: t for t in teachers}

    def teacher_names(self) -> dict[str, str]:
        """Each teacher's short name, archived ones too (a list's column of teachers)."""
        return self.services.teachers.short_names(self.actor, self.school)

    def subject_names(self) -> dict[str, str]:
        subjects = self.services.teachers.list_subjects(self.actor, self.school)
        return {s.id: local(s.name) for s in subjects}


def local(text: LocalizedText | None) -> str:
    """A kk/ru value in the window's language, else the other one."""
    return text.get(current_language()) if text is not None else ""


def rename_items(combo: QComboBox, names: dict[str, str]) -> None:
    """Reference values (subjects, associations) in a combo box follow the window's language."""
    for index in range(combo.count()):
        name = names.get(str(combo.itemData(index)))
        if name is not None:
            combo.setItemText(index, name)
