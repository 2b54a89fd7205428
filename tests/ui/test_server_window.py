"""The window over a PostgreSQL server: the demo school on a real cluster, every section filled in
the same order as from a file, and the search section finding Kazakh words in any case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services import Services
from desktop_app.services.demo import load_demo
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import SECTIONS, MainWindow
from tests import server


@pytest.fixture
def database(pg_cluster: server.Cluster) -> str:
    """The window's database is a PostgreSQL one here (the UI suite's fixtures use it). It is left
    to the cluster's end: qtbot closes windows but keeps them, and their views reload at a language
    reset until the session ends."""
    return pg_cluster.url(pg_cluster.create_database(), server.OWNER)


@pytest.fixture
def window(qtbot, sign_in) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The UI suite's window, whose server connections are closed once it is gone: psycopg warns of
    a connection left to the garbage collector, and a window kept alive would reload its views (and
    connect again) at the next test's language reset."""
    install_language_hook()
    main = MainWindow(sign_in("administrator"))
    services = main.session.services
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # closed by qtbot: now gone
    services.close()


def _rows(window: MainWindow) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for row, section in enumerate(SECTIONS):
        if window.navigation.item(row).isHidden():  # the district section of a district account only
            continue
        window.show_section(section.key)
        model = getattr(window.current_view(), "model", None)
        if model is not None:
            texts[section.key] = [str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole))
                                  for row in range(model.rowCount())]
    return texts


def test_every_section_fills_as_from_a_file(window: MainWindow, tmp_path: Path) -> None:
    assert window.session.services.db.engine.dialect.name == "postgresql"
    window.select_year("2026-2027")
    on_server = _rows(window)
    assert all(on_server.values()), {key: len(rows) for key, rows in on_server.items()}
    file = Services.open(str(tmp_path / "demo.sqlite3"))
    try:
        load_demo(file)
        actor = file.accounts.authenticate(*_admin())
        assert [t.full_name for t in file.teachers.list_teachers(actor, actor.school or "")] == [
            t.full_name for t in window.session.services.teachers.list_teachers(
                window.session.actor, window.session.school)]
    finally:
        file.close()
    # Gone before the cluster stops: a view still open would reload at the language reset.


def _admin() -> tuple[str, str]:
    from tests.ui.conftest import account

    return account("administrator")
