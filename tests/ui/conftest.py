"""A demo database in a temporary folder; every user folder (settings, logs) under tmp_path."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from desktop_app import i18n
from desktop_app.domain.entities import CalendarPlan
from desktop_app.services import Services
from desktop_app.services.demo import DEMO_ACCOUNTS, load_demo
from desktop_app.ui import operations
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    language = i18n.current_language()
    yield tmp_path / "home"
    i18n.set_language(language)


@pytest.fixture
def database(tmp_path: Path) -> str:
    return str(tmp_path / "db.sqlite3")


@pytest.fixture
def services(database: str) -> Iterator[Services]:
    opened = Services.open(database)
    school, _ = load_demo(opened)
    opened.demo_school = school  # type: ignore[attr-defined]
    yield opened
    operations.runner().wait()  # no operation still at work on a closed database
    opened.close()


def account(role: str) -> tuple[str, str]:
    found = next(a for a in DEMO_ACCOUNTS if a.role.value == role)
    return found.login, found.password


@pytest.fixture
def sign_in(services: Services):  # type: ignore[no-untyped-def]
    def signed_in(role: str = "administrator") -> Session:
        login, password = account(role)
        actor = services.accounts.authenticate(login, password)
        assert actor.school is not None
        return Session(services, actor, actor.school)

    return signed_in


@pytest.fixture
def window(qtbot, sign_in) -> MainWindow:  # type: ignore[no-untyped-def]
    install_language_hook()
    main = MainWindow(sign_in("administrator"))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    return main


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest.keyClicks aborts on letters outside Latin-1 (Ә, Ұ, Қ ...)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


class PaintCounter(QObject):
    """Counts the paint events a widget gets (installed as its event filter), or the events of
    another ``kind``."""

    def __init__(self, kind: QEvent.Type = QEvent.Type.Paint) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


def choices(combo: QComboBox) -> list[str]:
    """What a filter offers after "all", as the user sees it: its list opened, read, and closed (a
    filter of the Plans section reads its choices when it is opened)."""
    combo.showPopup()
    popup = combo.view()
    assert popup.isVisible()
    shown = [popup.model().index(row, 0).data() for row in range(1, popup.model().rowCount())]
    combo.hidePopup()
    assert not popup.isVisible()
    return shown


#: When the tests' plans are submitted: before the meetings of November that consider them.
SUBMITTED_AT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


@contextmanager
def plans_clock(services: Services, at: datetime = SUBMITTED_AT) -> Iterator[None]:
    """The plans service's clock stands at ``at`` meanwhile (a teacher who submitted in early
    November, before the meetings that consider the plan: rule 6 refuses a review dated before)."""
    clock = services.plans._clock
    services.plans._clock = lambda: at
    try:
        yield
    finally:
        services.plans._clock = clock


def submit_on(services: Services, session: Session, plan: str, at: datetime = SUBMITTED_AT) -> CalendarPlan:
    """Submit ``plan`` as if at ``at`` (see :func:`plans_clock`)."""
    with plans_clock(services, at):
        return services.plans.submit(session.actor, session.school, plan)


def finish(qtbot, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the running operation (a save started by a click) has delivered its outcome."""
    qtbot.waitUntil(lambda: not operations.runner().running, timeout=timeout)


def finish_now(timeout: float = 10.0) -> None:
    """``finish`` without a qtbot (inside a dialog's own event loop): events are processed until
    the running operation has delivered its outcome."""
    deadline = time.monotonic() + timeout
    while operations.runner().running:
        assert time.monotonic() < deadline, "the operation did not finish"
        QApplication.processEvents()
        time.sleep(0.002)
