"""The Plans section's buttons: the records row (new, open, import, history, print) and the steps
row on the path to approval. Which are shown follows the role (``domain.plans``); which are enabled
follows the selection and is set by the section."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.plans import may_review_plans, may_write_plans
from desktop_app.i18n import _, current_language
from desktop_app.ui.labels import LANGUAGE_NAMES


class PlanActions:
    """Makes the buttons as children of ``parent`` and lays them out in ``records`` and ``steps``."""

    def __init__(self, parent: QWidget) -> None:
        self.new, self.open, self.import_file = (QPushButton(parent) for _ in range(3))
        self.folder = QPushButton(parent)
        self.folder.setObjectName("importFolderButton")
        self.history, self.print = QPushButton(parent), QPushButton(parent)
        self.language_label = QLabel(parent)
        self.doc_language = QComboBox(parent)
        for code, name in LANGUAGE_NAMES.items():
            self.doc_language.addItem(name, code.value)
        self.doc_language.setCurrentIndex(max(self.doc_language.findData(current_language()), 0))
        self.records = QHBoxLayout()
        for button in (self.new, self.open, self.import_file, self.folder):
            self.records.addWidget(button)
        self.records.addStretch(1)
        for widget in (self.history, self.language_label, self.doc_language, self.print):
            self.records.addWidget(widget)
        self.submit, self.consider, self.revise = (QPushButton(parent) for _ in range(3))
        self.agree, self.approve, self.version = (QPushButton(parent) for _ in range(3))
        self.steps = QHBoxLayout()
        for button in self.step_buttons():
            self.steps.addWidget(button)
        self.steps.addStretch(1)

    def step_buttons(self) -> tuple[QPushButton, ...]:
        return (self.submit, self.consider, self.revise, self.agree, self.approve, self.version)

    def show_for(self, actor: Actor) -> None:
        """Only the buttons of what the role may ever do; the deputy imports every teacher's folder."""
        writes = may_write_plans(actor)
        for button in (self.new, self.import_file, self.submit, self.revise, self.version):
            button.setVisible(writes)
        self.folder.setVisible(actor.may(Action.EDIT_PLAN))
        self.consider.setVisible(may_review_plans(actor))
        self.agree.setVisible(actor.may(Action.AGREE_PLAN))
        self.approve.setVisible(actor.may(Action.APPROVE_PLAN))

    def retranslate_ui(self) -> None:
        self.new.setText(_("New plan…"))
        self.open.setText(_("Open…"))
        self.import_file.setText(_("Import from file…"))
        self.folder.setText(_("Import a folder…"))
        self.history.setText(_("History…"))
        self.language_label.setText(_("Document language:"))
        self.print.setText(_("KTP PDF…"))
        self.submit.setText(_("Submit for review"))
        self.consider.setText(_("Consider at a meeting…"))
        self.revise.setText(_("Take back for revision"))
        self.agree.setText(_("Agree…"))
        self.agree.setToolTip(_("Select several recommended plans to agree them at once."))
        self.approve.setText(_("Approve…"))
        self.approve.setToolTip(_("Select several agreed plans to approve them at once."))
        self.version.setText(_("New version…"))
