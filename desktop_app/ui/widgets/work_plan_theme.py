"""The work plan's methodical theme, goal and tasks, in Kazakh and in Russian (a tab each)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QTabWidget, QWidget

from desktop_app.domain.entities import LocalizedText, WorkPlan
from desktop_app.i18n import _
from desktop_app.ui.language import Retranslating

FIELDS = ("theme", "goal", "tasks")


class _Page(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.theme, self.goal = QLineEdit(self), QLineEdit(self)
        self.tasks = QPlainTextEdit(self)
        self.tasks.setTabChangesFocus(True)
        self.tasks.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.captions = {name: QLabel(self) for name in FIELDS}
        form = QFormLayout(self)
        form.setContentsMargins(6, 4, 6, 4)
        for name, widget in (("theme", self.theme), ("goal", self.goal), ("tasks", self.tasks)):
            self.captions[name].setBuddy(widget)
            form.addRow(self.captions[name], widget)


class WorkPlanThemeBox(Retranslating, QTabWidget):
    """``show_plan(plan)`` fills it; ``texts()`` gives theme, goal and tasks; read only once approved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = {"kk": _Page(self), "ru": _Page(self)}
        for page in self.pages.values():
            self.addTab(page, "")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTabText(0, _("Theme, goal, tasks: in Kazakh"))
        self.setTabText(1, _("Theme, goal, tasks: in Russian"))
        for page in self.pages.values():
            page.captions["theme"].setText(_("Methodical theme:"))
            page.captions["goal"].setText(_("Goal:"))
            page.captions["tasks"].setText(_("Tasks:"))

    def show_plan(self, plan: WorkPlan | None) -> None:
        for language, page in self.pages.items():
            for name, widget in (("theme", page.theme), ("goal", page.goal), ("tasks", page.tasks)):
                value = getattr(plan, name) if plan else None
                text = (value.kk if language == "kk" else value.ru) if value else None
                if isinstance(widget, QLineEdit):
                    widget.setText(text or "")
                else:
                    widget.setPlainText(text or "")

    def texts(self) -> dict[str, LocalizedText | None]:
        found: dict[str, LocalizedText | None] = {}
        kk, ru = self.pages["kk"], self.pages["ru"]
        for name in FIELDS:
            values = [_text(getattr(page, name)) for page in (kk, ru)]
            found[name] = LocalizedText(*values) if any(values) else None
        return found

    def set_editable(self, editable: bool) -> None:
        for page in self.pages.values():
            page.theme.setReadOnly(not editable)
            page.goal.setReadOnly(not editable)
            page.tasks.setReadOnly(not editable)


def _text(widget: QLineEdit | QPlainTextEdit) -> str | None:
    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    return text.strip() or None
