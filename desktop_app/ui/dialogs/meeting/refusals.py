"""Where a refusal of the protocol editor is shown: under the field it names (on the tab that holds
it), and once more above the buttons ("Not saved: …"); a teacher is named by name, not by id. The
cheap rules checked as the user types, and the service asked again once a refusal may be fixed."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.domain.district import guest_names, guest_speakers
from desktop_app.domain.entities import Meeting
from desktop_app.domain.errors import ConflictError, DomainError, UserError, rule_label
from desktop_app.domain.meetings import attendance_errors, speaker_errors
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


def check_rules(dialog: MeetingDialog) -> None:
    """Rule 4 for chair, secretary and speakers, cheap enough for every keystroke: these follow
    deliberate choices (a mark, a name), not half-typed text."""
    meeting = dialog.meeting()
    for name in ("chair", "secretary"):
        dialog.header.errors[name].setVisible(False)
    for error in attendance_errors(meeting, dialog.body):
        if error.field in ("chair", "secretary") and getattr(meeting, error.field):
            target = dialog.header.errors[error.field]
            show_field_error(target, f"{rule_label(error.rule, _)}: {error.render(_)}")
    by_item: dict[int, list[str]] = {}
    # a member from another school marked absent (their membership is the service's to check on Save)
    names = guest_names([member for member, _here in dialog.attendance.guest_members.members()])
    others = [error for _path, error in guest_speakers(meeting, None, names)]
    for error in [*speaker_errors(meeting, dialog.body), *others]:
        number = int(str(error.params["item"]))
        by_item.setdefault(number, []).append(f"{rule_label(error.rule, _)}: {refusal_text(dialog, error)}")
    for number, editor in enumerate(getattr(dialog, "editors", []), 1):
        editor.show_speaker_errors(by_item.get(number, []))


def recheck(dialog: MeetingDialog) -> None:
    """Ask the service again about the refusal on screen; once the form no longer has that
    problem, its red text goes (another problem waits for the next Save)."""
    shown = dialog.shown_error
    if shown is None:
        return
    s = dialog.session
    try:
        now = s.services.meetings.problem(s.actor, s.school, dialog.meeting())
    except UserError:
        return
    still = (isinstance(shown, DomainError) and now is not None
             and (now.field, now.message, now.params) == (shown.field, shown.message, shown.params))
    if not still:
        dialog.show_error(None)
        check_rules(dialog)
