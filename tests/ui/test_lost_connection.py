"""The school server stopped in the middle of work (issue 17, point 2): a clear message in the
user's language, the form keeps its input, nothing is reported saved that was not, and the same
save goes through once the server is back. A cluster of its own, stopped and started with pg_ctl
(the session's cluster serves the other tests meanwhile)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from desktop_app import i18n
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import UserError
from desktop_app.services import Services
from desktop_app.storage.errors import ServerUnreachableError
from desktop_app.ui.dialogs.teacher import TeacherDialog
from desktop_app.ui.session import Session
from tests import server
from tests.shared_files import SAMPLE
from tests.ui.conftest import finish, type_text

SCHOOL = "school-7"


@pytest.fixture
def own_cluster() -> Iterator[server.Cluster]:
    try:
        cluster = server.start(durable=True)  # a kill loses no committed save
    except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"PostgreSQL server half not run: {error}")
    try:
        yield cluster
    finally:
        cluster.stop()


def test_a_save_while_the_server_is_stopped_is_refused_kept_and_goes_through_later(
        qtbot, own_cluster: server.Cluster) -> None:  # type: ignore[no-untyped-def]
    url = own_cluster.url(own_cluster.create_database(), server.OWNER)
    services = Services.open(url)
    try:
        services.exchange.import_document(COMMAND_LINE, SAMPLE.read_bytes())
        session = Session(services, COMMAND_LINE, SCHOOL)
        opened = services.teachers.get(COMMAND_LINE, SCHOOL, "t-05")
        dialog = TeacherDialog(session, opened)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.patronymic.clear()
        type_text(dialog.patronymic, "Серікқызы")

        own_cluster.stop_only()  # the server is stopped (or restarted) while the form is open
        dialog.accept()
        finish(qtbot)
        assert dialog.isVisible() and dialog.patronymic.text() == "Серікқызы"  # the input is kept
        assert "server" in dialog.general_error.text().lower()  # the window's language is English here
        with pytest.raises(ServerUnreachableError) as caught:  # a section reloading meanwhile
            services.teachers.list_teachers(COMMAND_LINE, SCHOOL)
        english = caught.value.render()
        for language in ("kk", "ru"):  # the message is the user's language; the driver's detail follows
            text = caught.value.render(i18n.gettext_for(language))
            said = text[:text.index(caught.value.detail)] if caught.value.detail in text else text
            assert "сервер" in said.lower() and not set(said.split()) & set(english.split()[:8])

        own_cluster.start_again()
        assert services.teachers.get(COMMAND_LINE, SCHOOL, "t-05").patronymic == opened.patronymic  # not saved
        dialog.accept()  # the same OK again, once the server is back
        finish(qtbot)
        assert not dialog.isVisible()
        stored = services.teachers.get(COMMAND_LINE, SCHOOL, "t-05")
        assert stored.patronymic == "Серікқызы" and stored.revision == opened.revision + 1
    finally:
        services.close()


def test_a_connection_cut_mid_session_is_a_lost_connection_not_a_crash(own_cluster: server.Cluster) -> None:
    url = own_cluster.url(own_cluster.create_database(), server.OWNER)
    services = Services.open(url)
    try:
        services.exchange.import_document(COMMAND_LINE, SAMPLE.read_bytes())
        teacher = services.teachers.get(COMMAND_LINE, SCHOOL, "t-05")
        own_cluster.kill()  # SIGKILL: the pooled connections die with it
        with pytest.raises(UserError) as caught:
            services.teachers.save(COMMAND_LINE, SCHOOL, teacher)
        assert isinstance(caught.value, ServerUnreachableError)
        own_cluster.start_again()
        saved = services.teachers.save(COMMAND_LINE, SCHOOL, teacher)  # a new connection, no restart
        assert saved.revision == teacher.revision + 1
    finally:
        services.close()
