"""On a school server the conflict dialog's "who and when" names the database login the audit
trail recorded (a trigger writes it, whatever the client sends), in both languages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app import i18n
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import ConflictError
from desktop_app.services import Services
from desktop_app.storage.database import Database
from desktop_app.ui.dialogs.conflict import ConflictDialog
from tests.services.conftest import SCHOOL
from tests.test_server_security import ADMIN, School, school

__all__ = ["school"]  # the security tests' school on the server (a fixture)

pytestmark = pytest.mark.usefixtures("pg_cluster")


def test_the_conflict_dialog_names_the_server_login(qtbot, school: School) -> None:  # type: ignore[no-untyped-def]
    owner = Services.over(Database.open(school.owner_url))  # a second PC, here the owner's connection
    services, admin = school.services(ADMIN)
    try:
        stale = owner.teachers.get(COMMAND_LINE, SCHOOL, "t-04")
        fresh = services.teachers.get(admin, SCHOOL, "t-04")
        services.teachers.save(admin, SCHOOL, replace(fresh, patronymic="Серікұлы"))
        with pytest.raises(ConflictError) as caught:
            owner.teachers.save(COMMAND_LINE, SCHOOL, replace(stale, patronymic="Ерікұлы"))
    finally:
        services.close()
        owner.close()
    assert caught.value.by == ADMIN and caught.value.db_login == ADMIN
    for language, said in (("kk", "сервердегі логин"), ("ru", "логин на сервере")):
        i18n.set_language(language)
        dialog = ConflictDialog(caught.value, None, None, who="Сейтқали Ә.")
        qtbot.addWidget(dialog)
        dialog.show()
        text = dialog.message.text()
        assert "Сейтқали Ә." in text and ADMIN in text and said in text.lower(), text
        dialog.grab().save(f"/tmp/conflict-server-{language}.png")
        dialog.keep_button.click()
        assert dialog.isHidden()
