"""Attestation and professional development: one section, two tabs (the attestation register of
п. 10.7; courses outside the school with the needs summary). Who may keep whose records is the
services' rule; the tabs offer the teachers the user may write for."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout

from desktop_app.domain.accounts import Action, Role
from desktop_app.i18n import _
from desktop_app.ui.views.attestation_tab import AttestationTab
from desktop_app.ui.views.courses_tab import CoursesTab
from desktop_app.ui.widgets.view import View


class StaffRecordsView(View):
    def _build_ui(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.note = QLabel(self)
        self.note.setObjectName("viewNote")
        self.note.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.attestation = AttestationTab(self.session, self)
        self.courses = CoursesTab(self.session, self)
        self.tabs.addTab(self.attestation, "")
        self.tabs.addTab(self.courses, "")
        self.attestation.reload = self.courses.reload = self.refresh
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Attestation and professional development"))
        self.note.setText(_("The attestation register of the year (п. 10.7): the category sought, the hearing at "
                            "the teacher's association, the portfolio and the result under the order, which sets "
                            "the teacher's category and the next attestation. Courses outside the school: when "
                            "each teacher's next one is due."))
        self.tabs.setTabText(0, _("Attestation"))
        self.tabs.setTabText(1, _("Courses"))
        self.attestation.retranslate_ui()
        self.courses.retranslate_ui()

    def refresh(self) -> None:
        s = self.session
        teachers = s.teachers_by_id()
        active = [t for t, teacher in teachers.items() if teacher.active]
        bodies = s.services.associations.list(s.actor, s.school, self.year.id) if self.year else []
        led = {m for b in bodies if b.head == s.actor.teacher for m in b.member_ids()}
        actor = s.actor
        if actor.may(Action.EDIT_ATTESTATION):
            attestation = active
        elif actor.role is Role.HEAD:
            attestation = [t for t in active if t in led]
        else:
            attestation = []
        if actor.may(Action.EDIT_COURSES):
            courses = active
        elif actor.role in (Role.HEAD, Role.TEACHER, Role.DIRECTOR) and actor.teacher:
            courses = [t for t in active if t in led or t == actor.teacher]
        else:
            courses = []
        self.attestation.refresh(self.year, teachers, attestation)
        self.courses.refresh(self.year, teachers, courses)

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.attestation.proxy.set_search(text)
        self.courses.proxy.set_search(text)
