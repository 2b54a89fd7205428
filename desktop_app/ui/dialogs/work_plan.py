"""The annual work plan of an association (п. 28): items by month; the director approves it, then
it is read-only and says who approved it and when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.dates import format_date
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import Association, Signer, WorkPlan, WorkPlanForm, WorkPlanItem
from desktop_app.i18n import _
from desktop_app.services.document_catalog import DocumentKind, DocumentRef
from desktop_app.services.work_plans import LinkChoice
from desktop_app.ui import operations
from desktop_app.ui.dialogs.item_mark import ItemMarkDialog, mark_text
from desktop_app.ui.dialogs.signer import ask_signer
from desktop_app.ui.labels import WORK_PLAN_FORM_LABELS, label, short_date
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import OK_STYLE, error_label, show_field_error
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.people_picker import PeoplePicker
from desktop_app.ui.widgets.saving import ask_document_path, write_in_background
from desktop_app.ui.widgets.sizing import fit_to_screen
from desktop_app.ui.widgets.work_plan_theme import WorkPlanThemeBox

MONTH, TOPIC, FORM, RESPONSIBLE, MARK = range(5)


def year_months(first: date) -> list[str]:
    """September to June of the academic year, then July and August (as plans are written)."""
    months = [date(first.year + (m < 8), m, 1) for m in (*range(9, 13), *range(1, 7), 7)]
    months.append(date(first.year, 8, 1))
    return [m.strftime("%Y-%m") for m in months]


class WorkPlanDialog(FormDialog):
    """``changed`` is True after the plan was saved or approved."""

    def __init__(self, session: Session, association: Association, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.association = association
        self.changed = False
        s = session
        year = s.services.schools.get_year(s.actor, s.school, association.academic_year)
        self.months = year_months(year.window[0])
        self._teachers = {t.id: t for t in s.services.teachers.list_teachers(s.actor, s.school, True)}
        self._build_ui()
        self._connect()
        self.retranslate_ui()
        self._load()

    def _build_ui(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("viewSubtitle")
        self.status = QLabel(self)
        self.status.setObjectName("approvalStatus")
        self.theme = WorkPlanThemeBox(self)
        self.table = QTableWidget(0, 5, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TOPIC, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MARK, QHeaderView.ResizeMode.Stretch)
        for column in (MONTH, FORM, RESPONSIBLE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.save_button, self.approve_button = QPushButton(self), QPushButton(self)
        self.approve_button.setObjectName("approveButton")
        self.print_button = QPushButton(self)  # Print in Kazakh or in Russian (documents.md); room for the arrow
        self.print_menu = QMenu(self.print_button)
        self.print_actions = {language: self.print_menu.addAction("") for language in i18n.LANGUAGES}
        self.print_menu.addSeparator()
        self.print_done = self.print_menu.addAction("")  # п. 28: the column of what was done
        self.print_done.setCheckable(True)
        self.mark_button = QPushButton(self)
        self.mark_button.setObjectName("markItemButton")
        self.print_button.setMenu(self.print_menu)
        bar = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            bar.addWidget(button)
        bar.addWidget(self.mark_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.approve_button)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.theme)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 980, 640)

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.add_item(None))
        self.remove_button.clicked.connect(self.remove_item)
        for button in (self.add_button, self.remove_button):
            self.watch(button.clicked)  # a row added or removed is a change to ask about on closing
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(self.ask_approve)
        self.mark_button.clicked.connect(lambda: self.mark_item(self.table.currentRow()))
        self.table.currentCellChanged.connect(lambda *_args: self._update_state())
        for language, action in self.print_actions.items():
            action.triggered.connect(lambda _checked=False, lang=language: self.print_plan(lang))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Annual work plan (п. 28)"))
        self.title.setText(_("Annual work plan: {association}, {year}").format(
            association=local(self.association.name), year=self.association.academic_year))
        self.table.setHorizontalHeaderLabels([_("Month"), _("Topic"), _("Form"), _("Responsible"),
                                              _("Mark of completion")])
        self.mark_button.setText(_("Mark the item…"))
        self.print_done.setText(_("With the column of what was done"))
        self.add_button.setText(_("Add item"))
        self.remove_button.setText(_("Remove item"))
        self.save_button.setText(_("Save the plan"))
        self.approve_button.setText(_("Approve (director)"))
        self.print_button.setText(_("Print…"))
        self.print_actions["kk"].setText(_("In Kazakh (PDF)…"))
        self.print_actions["ru"].setText(_("In Russian (PDF)…"))
        locale = i18n.LOCALES[i18n.current_language()]
        for row in range(self.table.rowCount()):
            month, form = self._combo(row, MONTH), self._combo(row, FORM)
            for index, value in enumerate(self.months):
                month.setItemText(index, format_date(date.fromisoformat(value + "-01"), "LLLL yyyy", locale=locale))
            for index, kind in enumerate(WorkPlanForm):
                form.setItemText(index, label(WORK_PLAN_FORM_LABELS, kind))
            self.responsible(row).retranslate()
        self._show_marks()
        self._update_state()

    # Rows ------------------------------------------------------------------------------------
    def _load(self) -> None:
        self.table.setRowCount(0)
        plan = self.association.work_plan
        self.theme.show_plan(plan)
        for item in plan.items if plan else []:
            self.add_item(item)
        if self.approved() and self.table.rowCount():
            self.table.setCurrentCell(0, TOPIC)  # the item to mark, ready for "Mark the item…"
        self._update_state()

    def _combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def add_item(self, item: WorkPlanItem | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        month, form = QComboBox(self.table), QComboBox(self.table)
        for value in self.months:
            month.addItem(value, value)
        for kind in WorkPlanForm:
            form.addItem(kind.value, kind.value)
        if item is not None:
            month.setCurrentIndex(max(0, month.findData(item.month)))
            form.setCurrentIndex(list(WorkPlanForm).index(item.form))
        members = [(t, self._name(t)) for t in self.association.member_ids()]
        chosen = item.responsible if item else []
        responsible = PeoplePicker(members, chosen, self.table)
        for person in chosen:  # someone no longer a member keeps their name, not their id
            responsible.rename(person, self._name(person))
        self.table.setCellWidget(row, MONTH, month)
        self.table.setItem(row, TOPIC, QTableWidgetItem(item.topic if item else ""))
        self.table.setCellWidget(row, FORM, form)
        self.table.setCellWidget(row, RESPONSIBLE, responsible)
        mark = QTableWidgetItem("")
        mark.setFlags(mark.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, MARK, mark)
        self.retranslate_ui()
        return row

    def _name(self, teacher: str) -> str:
        person = self._teachers.get(teacher)
        return person.short_name if person else teacher

    def responsible(self, row: int) -> PeoplePicker:
        widget = self.table.cellWidget(row, RESPONSIBLE)
        assert isinstance(widget, PeoplePicker)
        return widget

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def plan(self) -> WorkPlan:
        items = []
        for row in range(self.table.rowCount()):
            topic = self.table.item(row, TOPIC)
            items.append(WorkPlanItem(str(self._combo(row, MONTH).currentData()),
                                      topic.text().strip() if topic else "",
                                      WorkPlanForm(self._combo(row, FORM).currentData()),
                                      self.responsible(row).selected()))
        texts = self.theme.texts()
        return WorkPlan(sorted(items, key=lambda i: i.month), theme=texts["theme"], goal=texts["goal"],
                        tasks=texts["tasks"])

    # Actions ---------------------------------------------------------------------------------
    def may_edit(self) -> bool:
        return self.session.actor.may(Action.EDIT_ASSOCIATION, {self.association.head})

    def approved(self) -> bool:
        plan = self.association.work_plan
        return plan is not None and plan.approved is not None

    def _update_state(self) -> None:
        approved, editable = self.approved(), self.may_edit() and not self.approved()
        plan = self.association.work_plan
        if approved and plan is not None and plan.approved is not None:
            person = self._teachers.get(plan.approved.by)
            self.status.setText(_("Approved by {name} on {date}; the plan can no longer be changed.").format(
                name=person.full_name if person else plan.approved.by, date=short_date(plan.approved.on)))
            self.status.setStyleSheet(OK_STYLE)
        else:
            self.status.setText(_("Not approved yet: the director approves the plan (п. 28)."))
            self.status.setStyleSheet("")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers if editable
                                   else QAbstractItemView.EditTrigger.NoEditTriggers)
        for row in range(self.table.rowCount()):
            # a row being added has no widgets yet when the current cell moves onto it
            for column in (MONTH, FORM, RESPONSIBLE):
                widget = self.table.cellWidget(row, column)
                if widget is not None:
                    widget.setEnabled(editable)
        for button in (self.add_button, self.remove_button, self.save_button):
            button.setVisible(editable)
        self.theme.set_editable(editable)
        self.theme.setVisible(editable or any(self.theme.texts().values()))  # an approved plan without them
        self.table.setColumnHidden(MARK, not approved)
        self.mark_button.setVisible(approved and self.may_edit())
        self.mark_button.setEnabled(self.table.currentRow() >= 0)
        self.print_done.setEnabled(approved)
        may_approve = self.session.may(Action.APPROVE_WORK_PLAN)
        self.approve_button.setVisible(may_approve and not approved)
        self.approve_button.setEnabled(bool(plan and plan.items))

    def _run(self, action: str, signer: Signer | None = None) -> bool:
        """Save or approve as an operation (off the GUI thread); True when started. A refusal is
        shown under the plan and everything typed stays."""
        s, body = self.session, self.association.id
        self.error.setVisible(False)
        associations = s.services.associations
        plan = self.plan() if action == "save" else None
        revision = self.association.revision

        def work() -> Association:
            if plan is not None:
                return associations.save_work_plan(s.actor, s.school, body, plan, revision=revision)
            return associations.approve_work_plan(s.actor, s.school, body, associations.today(), signer)

        def done(saved: Association) -> None:
            self.association = saved
            self.changed = True
            self._load()
            self.typed = False

        return operations.run(work, label=operations.SAVING, changes={Change.ASSOCIATIONS}, parent=self,
                              on_success=done, refused=lambda error: show_field_error(self.error, error.render(_)),
                              initiator=self) is not None

    def save(self) -> bool:
        return self._run("save")

    def approve(self, signer: Signer | None = None) -> bool:
        return self._run("approve", signer)

    def ask_approve(self) -> None:
        """Who signs the approval (the director, or one acting as director), then approve."""
        signer = ask_signer(self.session, "director", _("The approved work plan is locked. Approve it?"), self)
        if signer is not None:
            self.approve(signer)

    def print_plan(self, language: str, path: Path | None = None) -> bool:
        """Save the work plan as a PDF with the director's approval block (asks for the path)."""
        path = path or ask_document_path(self, self.session, DocumentRef(DocumentKind.WORK_PLAN, self.association.id),
                                         language, self.association.academic_year)
        if path is None:
            return False
        s, body = self.session, self.association.id
        done = self.print_done.isChecked()
        return write_in_background(self, path, lambda: s.services.documents.work_plan(
            s.actor, s.school, body, language, done).data) is not None

    # Marks (п. 28: the approved plan is followed) -----------------------------------------------
    def _link_choices(self) -> list[LinkChoice]:
        if not hasattr(self, "_choices"):
            s = self.session
            self._choices = s.services.work_plans.link_choices(s.actor, s.school, self.association.id) \
                if self.approved() else []
        return self._choices

    def _show_marks(self) -> None:
        plan = self.association.work_plan
        if plan is None or plan.approved is None:
            return
        choices = {(c.kind, c.id): c for c in self._link_choices()}
        for row, item in enumerate(plan.items[:self.table.rowCount()]):
            cell = self.table.item(row, MARK)
            if cell is not None:
                cell.setText(mark_text(item.mark, choices))

    def make_mark_dialog(self, row: int) -> ItemMarkDialog | None:
        """The dialog marking the item on ``row`` (None without a row); tests drive it without exec."""
        if row < 0 or not self.approved():
            return None
        return ItemMarkDialog(self.session, self.association, row + 1, self.months, self._link_choices(), self)

    def mark_item(self, row: int) -> None:
        dialog = self.make_mark_dialog(row)
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.marked(dialog.saved)

    def marked(self, association: Association) -> None:
        self.association = association
        self.changed = True
        self._show_marks()
