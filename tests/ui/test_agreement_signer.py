"""The deputy director's agreement of a KTP in the window (issue 18, point 5): "Agree…" asks who signs
— the deputy director on record, or another teacher as acting — where the school keeps the step; the
dialog closes on OK, Cancel and Escape; the signer and the acting flag are stored and printed on the
KTP's title page («И.о. заместителя директора…» / «…орынбасарының м.а.»)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app import i18n
from desktop_app.domain.entities import PlanStatus
from desktop_app.services import Services
from desktop_app.ui.dialogs.signer import SignerDialog
from desktop_app.ui.views.plans import PlansView
from tests.ui.conftest import finish
from tests.ui.test_plans_workflow import plans_view, recommended_plans, status_of


def _text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def _agree_with(qtbot, view: PlansView, answer: Callable[[SignerDialog], None]) -> list[SignerDialog]:  # type: ignore[no-untyped-def]
    """Click "Agree…", let ``answer`` work the dialog that opens; the dialog is returned to look at."""
    seen: list[SignerDialog] = []

    def work() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignerDialog) and dialog.isVisible()
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(0, work)
    qtbot.mouseClick(view.agree_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert seen and not seen[0].isVisible()
    return seen


def test_the_agreement_asks_who_signs_and_prints_the_acting_deputy(  # type: ignore[no-untyped-def]
        qtbot, sign_in, services: Services) -> None:
    i18n.set_language("ru")
    deputy = sign_in("administrator")
    (plan,) = recommended_plans(services, deputy, 1)
    view = plans_view(qtbot, deputy)
    view.select_plan(plan)
    assert view.agree_button.isEnabled() and view.agree_button.text() == "Согласовать…"

    _agree_with(qtbot, view, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    assert status_of(services, deputy, plan) is PlanStatus.RECOMMENDED
    _agree_with(qtbot, view, lambda d: d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click())
    assert status_of(services, deputy, plan) is PlanStatus.RECOMMENDED

    def acting(dialog: SignerDialog) -> None:
        assert dialog.person.currentData() == "t-dep" and not dialog.acting.isChecked()  # the official first
        assert "заместител" in dialog.acting.text()
        dialog.person.setCurrentIndex(dialog.person.findData("t-01"))
        assert dialog.acting.isChecked() and not dialog.acting.isEnabled()  # another teacher: only as acting
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    _agree_with(qtbot, view, acting)
    agreed = services.plans.get(deputy.actor, deputy.school, plan)
    assert agreed.status is PlanStatus.AGREED
    assert agreed.agreed is not None and (agreed.agreed.by, agreed.agreed.acting) == ("t-01", True)
    assert "Согласовано: 1." in view.message.text()
    ru = _text(services.documents.plan(deputy.actor, deputy.school, plan, "ru").data)
    kk = _text(services.documents.plan(deputy.actor, deputy.school, plan, "kk").data)
    assert "СОГЛАСОВАНО И.о. заместителя директора по учебной работе" in ru and "Г. С. Әбенова" in ru
    assert "КЕЛІСІЛДІ Директордың оқу ісі жөніндегі орынбасарының м.а." in kk


def test_the_deputy_on_record_signs_by_default(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("kk")
    deputy = sign_in("administrator")
    (plan,) = recommended_plans(services, deputy, 1)
    view = plans_view(qtbot, deputy)
    view.select_plan(plan)
    _agree_with(qtbot, view, lambda d: d.buttons.button(QDialogButtonBox.StandardButton.Ok).click())
    agreed = services.plans.get(deputy.actor, deputy.school, plan)
    assert agreed.agreed is not None and (agreed.agreed.by, agreed.agreed.acting) == ("t-dep", False)
    kk = _text(services.documents.plan(deputy.actor, deputy.school, plan, "kk").data)
    assert "КЕЛІСІЛДІ Директордың оқу ісі жөніндегі орынбасары" in kk and "м.а." not in kk


def test_no_agreement_where_the_school_does_not_keep_the_step(  # type: ignore[no-untyped-def]
        qtbot, sign_in, services: Services) -> None:
    deputy = sign_in("administrator")
    (plan,) = recommended_plans(services, deputy, 1)
    services.schools.set_deputy_agreement(deputy.actor, deputy.school, False)
    view = plans_view(qtbot, deputy)
    view.select_plan(plan)
    assert not view.agree_button.isEnabled()
