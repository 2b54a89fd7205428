"""The Courses tab of the section: professional development outside the school in the year, with
the certificate's file, and the needs summary per association (due this year, overdue, never)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, Teacher
from desktop_app.domain.staff_labels import COURSE_KIND_LABELS, COURSE_NEED_LABELS
from desktop_app.domain.staff_records import Course, CourseNeed
from desktop_app.i18n import N_, Text, _
from desktop_app.services.staff import AssociationNeeds
from desktop_app.ui import operations
from desktop_app.ui.dialogs.course import CourseDialog
from desktop_app.ui.labels import label, short_date
from desktop_app.ui.models.table import Column
from desktop_app.ui.operations import Operation
from desktop_app.ui.session import Session, local
from desktop_app.ui.views.register_tab import RegisterTab
from desktop_app.ui.widgets.saving import open_for_printing

#: The needs shown in the summary, in this order (a teacher covered beyond the year is not a need).
NEEDS = (CourseNeed.OVERDUE, CourseNeed.NEVER, CourseNeed.DUE)


class CoursesTab(RegisterTab[Course]):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.needs: list[AssociationNeeds] = []
        self.add_button, self.edit_button, self.delete_button, self.open_button = (QPushButton(self) for _ in range(4))
        self.period_label = QLabel(self)
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.period_label)
        self._make_table([
            Column(N_("Teacher"), self._short_name),
            Column(N_("Kind"), lambda c: label(COURSE_KIND_LABELS, c.kind)),
            Column(N_("Title"), lambda c: c.title),
            Column(N_("Held by"), lambda c: c.provider),
            Column(N_("Hours"), lambda c: str(c.hours or ""), sort_key=lambda c: c.hours or 0, align_center=True),
            Column(N_("Dates"), lambda c: f"{short_date(c.starts_on)} – {short_date(c.ends_on)}",
                   sort_key=lambda c: c.starts_on.isoformat()),
            Column(N_("Certificate No."), lambda c: c.certificate_number or ""),
            Column(N_("File"), lambda c: c.file.name if c.file else ""),
        ], 5)
        self.needs_label = QLabel(self)
        self.needs_label.setObjectName("viewNote")
        self.needs_tree = QTreeWidget(self)
        self.needs_tree.setColumnCount(4)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.needs_label)
        lower_layout.addWidget(self.needs_tree, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([220, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.add_button.clicked.connect(lambda: self._run(self.make_dialog(None)))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.open_button.clicked.connect(self.open_file)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Add a course…"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete"))
        self.open_button.setText(_("Open the certificate"))
        self.needs_label.setText(_("Who needs a course, by association"))
        self.needs_tree.setHeaderLabels([_("Association / teacher"), _("Last course"), _("Next course due"),
                                         _("Status")])
        self.model.retranslate()
        self._fill_needs()
        self._update_buttons()

    # Data --------------------------------------------------------------------------------------
    def refresh(self, year: AcademicYear | None, teachers: dict[str, Teacher], editable: list[str]) -> None:
        self.year, self.teachers, self.editable = year, teachers, editable
        s, chosen = self.session, self.selected()
        self._show_records(s.services.courses.list(s.actor, s.school, year.id) if year else [], chosen)
        self.needs = s.services.courses.needs(s.actor, s.school, year.id) if year else []
        self.period = s.services.courses.period(s.actor, s.school)
        self._fill_needs()
        self._update_buttons()

    def _fill_needs(self) -> None:
        self.needs_tree.clear()
        if self.year is None:
            return
        self.period_label.setText(_("Period between courses: {count} years (Settings)").format(
            count=getattr(self, "period", 3)))
        for body in self.needs:
            counts = ", ".join(f"{_(COURSE_NEED_LABELS[n])}: {body.count(n)}" for n in NEEDS if body.count(n))
            group = QTreeWidgetItem(self.needs_tree, [local(body.body.name), "", "", counts or _("all covered")])
            for need in body.teachers:
                if need.need not in NEEDS:
                    continue
                QTreeWidgetItem(group, [need.teacher.full_name, short_date(need.last_end) if need.last_end else "—",
                                        short_date(need.due) if need.due else "—", _(COURSE_NEED_LABELS[need.need])])
        self.needs_tree.expandAll()
        for column in range(self.needs_tree.columnCount()):
            self.needs_tree.resizeColumnToContents(column)

    def _update_buttons(self) -> None:
        chosen, keeps = self.selected(), self._keeps()
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(keeps)
        mine = chosen is not None and chosen.teacher in self.editable
        self.add_button.setEnabled(self.year is not None)
        self.edit_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)
        self.open_button.setEnabled(chosen is not None and chosen.file is not None)

    # Actions -----------------------------------------------------------------------------------
    def make_dialog(self, course: Course | None) -> CourseDialog | None:
        if self.year is None:
            return None
        teachers = [(t, self.teachers[t].full_name) for t in self.editable if t in self.teachers]
        return CourseDialog(self.session, self.year, teachers, course, self)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.teacher in self.editable:
            self._run(self.make_dialog(chosen))

    def delete_selected(self) -> Operation | None:
        s = self.session
        return self._delete(lambda course: _("Delete the course «{title}»?").format(title=course.title),
                            lambda record: s.services.courses.delete(s.actor, s.school, record))

    def open_file(self) -> Operation | None:
        """Take the certificate out of the database into a temporary folder and open it."""
        chosen = self.selected()
        if chosen is None:
            return None
        s, record = self.session, chosen.id
        return operations.run(lambda: s.services.courses.content(s.actor, s.school, record),
                              label=Text(N_("Reading the file…")), parent=self,
                              on_success=lambda found: open_for_printing(found[0].name, found[1]),
                              refused=lambda error: QMessageBox.warning(self, _("Not done"), error.render(_)))
