"""Where a refusal of the protocol editor is shown: under the field it names (on the tab that holds
it), and once more above the buttons ("Not saved: …"); a teacher is named by name, not by id."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.domain.entities import Meeting
from desktop_app.domain.errors import ConflictError, DomainError, UserError, rule_label
from desktop_app.i18n import _
from desktop_app.ui.widgets.fields import show_field_error

if TYPE_CHECKING:
    from desktop_app.ui.dialogs.meeting.editor import MeetingDialog


def refusal_text(dialog: MeetingDialog, error: UserError) -> str:
    """The refusal in the user's language, naming a teacher by name rather than by id."""
    if isinstance(error, DomainError) and isinstance(error.params.get("teacher"), str):
        teacher = error.params["teacher"]
        error = replace(error, params={**error.params, "teacher": dialog.attendance.name(teacher)})
    return error.render(_)


def on_conflict(dialog: MeetingDialog, error: UserError, meeting: Meeting) -> None:
    """Someone else saved the protocol meanwhile: the conflict dialog. Keep editing leaves the
    editor as typed; taking the stored copy closes the editor without saving (the list reloads)."""
    if not isinstance(error, ConflictError):
        return
    from desktop_app.ui.dialogs import conflict
    from desktop_app.ui.operations import Change, bus

    choice, _theirs = conflict.resolve(dialog, dialog.session, error, meeting)
    if choice is conflict.Choice.RELOAD:
        dialog.dirty = False
        bus().changed.emit(frozenset({Change.MEETINGS}), None)
        dialog.reject()


def show_refusal(dialog: MeetingDialog, error: UserError | None) -> None:
    """``error`` at its place in ``dialog`` (None: every refusal label cleared)."""
    dialog.shown_error = error
    for label_widget in [*dialog.header.errors.values(), dialog.general_error, dialog.agenda_error]:
        label_widget.clear()
        label_widget.setVisible(False)
    for editor in dialog.editors:
        editor.decisions_error.setVisible(False)
    if error is None:
        return
    text = refusal_text(dialog, error)
    if isinstance(error, DomainError) and error.rule.number:
        text = f"{rule_label(error.rule, _)}: {text}"  # the refusal names its rule
    parts = (error.field or "").split(".")
    target = dialog.header.errors.get(parts[0], dialog.general_error)
    if parts[0] == "agenda":
        dialog.tabs.setCurrentIndex(1)
        target = dialog.agenda.refusal_target(parts[1:])
    elif parts[0] == "attendance":
        target = dialog.general_error
    if target in dialog.header.errors.values():
        dialog.tabs.setCurrentIndex(0)  # show the field the refusal names
    show_field_error(target, text)
    if target is not dialog.general_error:
        show_field_error(dialog.general_error, _("Not saved: {reason}").format(reason=text))
