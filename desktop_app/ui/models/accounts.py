"""The accounts of Settings → Accounts as a table: login, role, teacher, state, last sign-in."""

from __future__ import annotations

from datetime import UTC, datetime

from babel.dates import format_datetime
from PySide6.QtCore import QObject

from desktop_app.domain.accounts import User
from desktop_app.i18n import LOCALES, N_, _, current_language
from desktop_app.ui.labels import role_label
from desktop_app.ui.models.table import Column, RecordTableModel


class AccountTableModel(RecordTableModel[User]):
    def __init__(self, teacher_names: dict[str, str], parent: QObject | None = None) -> None:
        self.teacher_names = teacher_names
        super().__init__([
            Column(N_("Login"), lambda u: u.login),
            Column(N_("Role"), lambda u: role_label(u.role)),
            Column(N_("Teacher"), lambda u: self.teacher_names.get(u.teacher or "", u.teacher or "")),
            Column(N_("State"), state),
            Column(N_("Last sign-in"), lambda u: sign_in_time(u.last_sign_in)),
        ], parent, dimmed=blocked)


def blocked(user: User) -> bool:
    """Locked by the administrator or waiting after failed sign-ins: the administrator may unlock it."""
    return user.locked or user.waiting(datetime.now(UTC))


def state(user: User) -> str:
    """Locked by the administrator, waiting after failed sign-ins (until when), or free to sign in."""
    if user.locked:
        return _("locked")
    if user.locked_until is not None and blocked(user):
        return _("failed sign-ins: waits until {time}").format(time=sign_in_time(user.locked_until))
    return _("can sign in")


def sign_in_time(moment: datetime | None) -> str:
    """A stored (UTC) moment in the school's local time, as the window's language writes it."""
    if moment is None:
        return _("never")
    local = moment.astimezone()
    return format_datetime(local, "d MMM y, HH:mm", tzinfo=local.tzinfo, locale=LOCALES[current_language()])
