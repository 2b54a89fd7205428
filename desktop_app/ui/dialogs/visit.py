"""Plan or edit a lesson visit (open lesson, master class, Lesson Study, mutual visit), and record
one observer's observation. Refusals go under their field; the input stays."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, LessonVisit, Observation, VisitKind
from desktop_app.i18n import _
from desktop_app.ui.labels import VISIT_KIND_LABELS, label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local, rename_items
from desktop_app.ui.widgets.fields import date_edit, date_of, show_field_error
from desktop_app.ui.widgets.form_dialog import FormDialog


def _teacher_combo(session: Session, parent: QWidget, current: str | None) -> QComboBox:
    combo = QComboBox(parent)
    for teacher in session.services.teachers.list_teachers(session.actor, session.school):
        combo.addItem(teacher.full_name, teacher.id)
    if current is not None and combo.findData(current) >= 0:
        combo.setCurrentIndex(combo.findData(current))
    return combo


class VisitDialog(FormDialog):
    """Saves through services.visits.save on OK; ``saved`` holds the stored visit."""

    FIELDS = ("kind", "teacher", "subject", "class_name", "date", "topic", "association")

    def __init__(self, session: Session, year: AcademicYear, visit: LessonVisit | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.original = visit
        self.saved: LessonVisit | None = None
        s = session
        self._bodies = s.services.associations.list(s.actor, s.school, year.id)
        self._build_ui(visit)
        self.retranslate_ui()

    def _build_ui(self, v: LessonVisit | None) -> None:
        s = self.session
        self.kind = QComboBox(self)
        for kind in VisitKind:
            self.kind.addItem("", kind.value)
        if v is not None:
            self.kind.setCurrentIndex(list(VisitKind).index(v.kind))
        self.teacher = _teacher_combo(s, self, v.teacher if v else None)
        self.subject = QComboBox(self)
        for subject_id, name in sorted(s.subject_names().items(), key=lambda kv: kv[1]):
            self.subject.addItem(name, subject_id)
        if v is not None and self.subject.findData(v.subject) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(v.subject))
        self.class_name = QLineEdit(v.class_name or "" if v else "", self)
        today = s.services.visits.today()
        self.date = date_edit(v.date if v else min(max(today, self.year.start), self.year.end), self)
        self.topic = QLineEdit(v.topic if v else "", self)
        self.association = QComboBox(self)
        self.association.addItem("—", None)
        for body in self._bodies:
            self.association.addItem(local(body.name), body.id)
        if v is not None and v.association and self.association.findData(v.association) >= 0:
            self.association.setCurrentIndex(self.association.findData(v.association))
        self.build_form(self.FIELDS, 520)
        self.errors["observations"] = self.errors["teacher"]
        for key in self.FIELDS:
            self.add_field(key, getattr(self, key))
        self.teacher.currentIndexChanged.connect(self._subject_of_teacher)
        if v is None:
            self._subject_of_teacher()

    def _subject_of_teacher(self) -> None:
        s = self.session
        teacher = s.teachers_by_id().get(str(self.teacher.currentData()))
        if teacher and teacher.subjects and self.subject.findData(teacher.subjects[0]) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(teacher.subjects[0]))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit lesson visit") if self.original else _("Plan a lesson visit"))
        self.set_captions({"kind": _("Kind"), "teacher": _("Teacher"), "subject": _("Subject"),
                           "class_name": _("Class"), "date": _("Date"), "topic": _("Lesson topic"),
                           "association": _("Association")})
        for index, kind in enumerate(VisitKind):
            self.kind.setItemText(index, label(VISIT_KIND_LABELS, kind))
        rename_items(self.subject, self.session.subject_names())
        rename_items(self.association, {body.id: local(body.name) for body in self._bodies})

    def visit(self) -> LessonVisit:
        base = self.original or LessonVisit(id="", kind=VisitKind.OPEN_LESSON, teacher="", subject="",
                                            date=self.year.start, topic="")
        return replace(base, kind=VisitKind(self.kind.currentData()), teacher=str(self.teacher.currentData()),
                       subject=str(self.subject.currentData()), class_name=self.class_name.text().strip() or None,
                       date=date_of(self.date), topic=self.topic.text().strip(),
                       association=self.association.currentData())

    def accept(self) -> None:
        self.refuse(None)
        first, last = self.year.window
        if not self.topic.text().strip():
            show_field_error(self.errors["topic"], _("Give the lesson topic."))
            return
        if not first <= date_of(self.date) <= last:
            show_field_error(self.errors["date"],
                             _("The date is outside the academic year {year}.").format(year=self.year.id))
            return
        s, visit = self.session, self.visit()
        self.submit(lambda: s.services.visits.save(s.actor, s.school, visit), changes={Change.VISITS}, record=visit)


class ObservationDialog(FormDialog):
    """Records one observer's strengths and recommendations through services.visits.observe."""

    def __init__(self, session: Session, visit: LessonVisit, observer: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record = visit
        self.saved: LessonVisit | None = None
        wanted = observer or session.actor.teacher
        self.observer = _teacher_combo(session, self, wanted)
        existing = next((o for o in visit.observations if o.observer == self.observer.currentData()), None)
        self.strengths = QPlainTextEdit(existing.strengths or "" if existing else "", self)
        self.recommendations = QPlainTextEdit(existing.recommendations or "" if existing else "", self)
        self.build_form(("observer",), 520)
        self.errors["observations"] = self.errors["observer"]
        self.add_field("observer", self.observer)
        self.add_field("strengths", self.strengths, error=None)
        self.add_field("recommendations", self.recommendations, error=None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Lesson observation"))
        self.set_captions({"observer": _("Observer"), "strengths": _("Strengths"),
                           "recommendations": _("Recommendations")})

    def accept(self) -> None:
        observation = Observation(str(self.observer.currentData()),
                                  self.strengths.toPlainText().strip() or None,
                                  self.recommendations.toPlainText().strip() or None)
        s, visit = self.session, self.record.id
        self.submit(lambda: s.services.visits.observe(s.actor, s.school, visit, observation), changes={Change.VISITS})
