"""Issue 18 in the window: the deputy-agreement switch in Settings, the choice of who signs, and how
the head came to be (п. 29) in the association dialog."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app import i18n
from desktop_app.domain.entities import HeadBasis, HeadChoice, Signer
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.signer import SignerDialog
from desktop_app.ui.views.settings import SettingsView
from tests.ui.conftest import finish

#: Set to a folder to keep the screenshots of the changed dialogs (kk and ru).
SHOTS = os.environ.get("RULES_SHOTS")


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    """In both languages, switched live as the window does; the language is put back by conftest."""
    if not SHOTS:
        return
    for language in ("kk", "ru"):
        i18n.set_language(language)
        widget.retranslate_ui()
        widget.grab().save(str(Path(SHOTS) / f"{name}-{language}.png"))


def test_the_setting_turns_the_agreement_off_and_is_kept(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    view = SettingsView(session)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.refresh()
    assert view.agreement.isVisible() and view.agreement.isChecked()  # on by default
    qtbot.mouseClick(view.agreement, Qt.MouseButton.LeftButton)
    assert not view.agreement.isChecked()
    assert not session.services.schools.get_school(session.actor, session.school).deputy_agreement
    _shot(view, "settings")
    view.refresh()
    assert not view.agreement.isChecked()


def test_the_setting_is_hidden_from_the_director(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(sign_in("director"))
    qtbot.addWidget(view)
    view.show()
    assert not view.agreement.isVisible()


def test_a_refused_switch_puts_the_box_back(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    view = SettingsView(session)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    monkeypatch.setattr(session.services.schools, "set_deputy_agreement",
                        lambda *args: (_ for _ in ()).throw(_refusal()))
    qtbot.mouseClick(view.agreement, Qt.MouseButton.LeftButton)
    assert view.agreement.isChecked() and shown


def _refusal() -> Exception:
    from desktop_app.domain.errors import DomainError, Rule
    return DomainError(Rule.AGREEMENT, "The school does not keep the deputy director's agreement of plans; "
                                       "the director approves the plan {id} directly", {"id": "ktp-1"})


def test_another_teacher_signs_only_as_acting(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("director")
    school = session.services.schools.get_school(session.actor, session.school)
    dialog = SignerDialog(session, school.director, "Approve the selected plans (2)?")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.person.currentData() == school.director and not dialog.acting.isChecked()
    assert dialog.signer() == Signer(str(school.director))
    other = next(i for i in range(dialog.person.count()) if dialog.person.itemData(i) != school.director)
    dialog.person.setCurrentIndex(other)
    assert dialog.acting.isChecked() and not dialog.acting.isEnabled()
    assert dialog.signer() == Signer(str(dialog.person.itemData(other)), acting=True)
    dialog.resize(dialog.sizeHint())
    _shot(dialog, "signer")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()


def test_the_head_appointed_by_an_order_is_saved(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    s = session.services
    year = next(y for y in s.schools.list_years(session.actor, session.school) if y.id == "2026-2027")
    body = s.associations.list(session.actor, session.school, year.id)[0]
    dialog = AssociationDialog(session, year, body)
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.head_choice
    assert not row.order_number.isVisible() and not row.meeting.isVisible()
    row.basis.setCurrentIndex(row.basis.findData(HeadBasis.APPOINTED.value))
    assert row.order_number.isVisible() and not row.meeting.isVisible()
    row.order_number.setText("45-ж")
    _shot(dialog, "association")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    finish(qtbot)
    assert dialog.saved is not None and not dialog.isVisible()
    stored = s.associations.get(session.actor, session.school, body.id).head_choice
    assert stored is not None and (stored.basis, stored.order_number) == (HeadBasis.APPOINTED, "45-ж")
    again = AssociationDialog(session, year, s.associations.get(session.actor, session.school, body.id))
    qtbot.addWidget(again)
    assert again.head_choice.choice() == HeadChoice(HeadBasis.APPOINTED, order_number="45-ж",
                                                    order_date=stored.order_date)
