"""The Plans section: filters by association, teacher, subject, grade and status with counts per
status, Kazakh alphabetical order, what each role sees, the live language switch of the section
and its dialogs, and the KTP PDF from the button (real SQLite in tmp_path, demo school)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from desktop_app import i18n
from desktop_app.domain.entities import PlanStatus
from desktop_app.services import Services
from desktop_app.ui.dialogs.plan.editor import PlanEditorDialog
from desktop_app.ui.dialogs.plan.file_import import PlanImportDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.session import Session
from desktop_app.ui.views.plans import PlansView
from tests.ui.conftest import choices, finish
from tests.ui.test_language_walk import _collect, _english, _untranslated
from tests.ui.test_plans_workflow import plans_view

APPROVED = "ktp-inf7-26"  # Ким, informatics 7, approved in the demo
RETURNED = "ktp-alg8-26"  # Қасымов, algebra 8, returned with remarks


def add_plans(services: Services, session: Session) -> dict[str, str]:
    """Three more plans of 2026-2027: two drafts and a submitted one, in two associations."""
    s = session
    base = services.plans.get(s.actor, s.school, APPROVED)
    made = {}
    for key, teacher, subject, grade in (("kaz-draft", "t-07", "kazlang", 5), ("lit-submitted", "t-06", "kazlit", 7),
                                         ("alg-draft", "t-01", "algebra", 7)):
        plan = services.plans.save(s.actor, s.school, replace(
            base, id="", teacher=teacher, subject=subject, grade=grade, classes=[f"{grade}А"], review=None,
            agreed=None, approved=None))
        made[key] = plan.id
    services.plans.submit(s.actor, s.school, made["lit-submitted"])
    return made


def shown_teachers(view: PlansView) -> list[str]:
    return [view.pages.index(row, 0).data() for row in range(view.pages.rowCount())]


def counts(view: PlansView) -> dict[str, int]:
    return {status.value: count for status, count in view.counts().items()}


def test_filters_and_counts_per_status(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("kk")
    session = sign_in("administrator")
    made = add_plans(services, session)
    view = plans_view(qtbot, session)
    assert counts(view) == {"draft": 2, "submitted": 1, "returned": 1, "recommended": 0, "agreed": 0,
                            "approved": 1}
    assert view.counts_label.text().startswith("Барлық жоспар: 5")
    assert "жоба: 2" in view.counts_label.text() and "бекітілді: 1" in view.counts_label.text()

    # Kazakh alphabetical order: Ә after А, Қ after К, Ө/Ұ/Ү in their places (not at the end).
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown_teachers(view) == ["Әбенова Г. С.", "Ким В. А.", "Қасымов Е. Н.", "Нұрланова Ә. Б.",
                                    "Төлеуов Ғ. Қ."]
    teachers = choices(view.teacher_filter)
    assert teachers == ["Әбенова Г. С.", "Ким В. А.", "Қасымов Е. Н.", "Нұрланова Ә. Б.", "Төлеуов Ғ. Қ."]

    # Association: the members' plans; the counts follow.
    view.set_filter(view.body_filter, "mo-kaz-26")
    assert sorted(shown_teachers(view)) == ["Нұрланова Ә. Б.", "Төлеуов Ғ. Қ."]
    assert counts(view) == {"draft": 1, "submitted": 1, "returned": 0, "recommended": 0, "agreed": 0,
                            "approved": 0}
    assert view.counts_label.text().startswith("Барлық жоспар: 2")

    # Status narrows the list; the counts stay those of the other filters, so they still tell the whole picture.
    view.set_filter(view.status_filter, PlanStatus.SUBMITTED.value)
    assert [r.plan.id for r in view.model.records()] == [made["lit-submitted"]]
    assert counts(view)["draft"] == 1
    view.set_filter(view.status_filter, "")
    view.set_filter(view.body_filter, "")

    view.set_filter(view.subject_filter, "algebra")
    assert {r.plan.id for r in view.model.records()} == {RETURNED, made["alg-draft"]}
    view.set_filter(view.grade_filter, "7")
    assert [r.plan.id for r in view.model.records()] == [made["alg-draft"]]
    assert counts(view)["draft"] == 1 and sum(counts(view).values()) == 1
    view.set_filter(view.subject_filter, "")
    view.set_filter(view.grade_filter, "")

    view.set_filter(view.teacher_filter, "t-05")
    assert [r.plan.id for r in view.model.records()] == [APPROVED]
    view.set_filter(view.teacher_filter, "")

    # The toolbar's search, and an empty result says so.
    view.set_search("Төлеуов")
    assert shown_teachers(view) == ["Төлеуов Ғ. Қ."]
    view.set_search("жоқ-мұндай-мұғалім")
    assert view.empty_label.isVisibleTo(view) and view.empty_label.text()
    view.set_search("")

    # The filters survive a reload (after a step elsewhere).
    view.set_filter(view.body_filter, "mo-math-26")
    view.refresh()
    assert view.body_filter.currentData() == "mo-math-26"
    assert "Нұрланова Ә. Б." not in shown_teachers(view)


def test_each_role_sees_its_plans_and_its_buttons(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    add_plans(services, sign_in("administrator"))
    teacher = plans_view(qtbot, sign_in("teacher"))
    assert {r.plan.teacher for r in teacher.model.records()} == {"t-05"}
    assert choices(teacher.teacher_filter) == ["Ким В. А."]  # after "all"
    head = plans_view(qtbot, sign_in("head"))
    assert {r.plan.teacher for r in head.model.records()} == {"t-01", "t-02", "t-05"}  # members of her body
    assert not head.consider_button.isHidden() and head.agree_button.isHidden()
    director = plans_view(qtbot, sign_in("director"))
    assert len(director.model.records()) == 5
    assert not director.approve_button.isHidden() and director.agree_button.isHidden()
    viewer = plans_view(qtbot, sign_in("viewer"))
    assert len(viewer.model.records()) == 5
    for button in (*viewer.step_buttons(), viewer.new_button, viewer.import_button):
        assert button.isHidden()
    viewer.select_plan(APPROVED)
    assert viewer.history_button.isEnabled() and viewer.print_button.isEnabled()
    assert not any(b.isEnabled() for b in viewer.step_buttons())


def test_the_section_and_its_dialogs_switch_language_live(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    install_language_hook()
    i18n.set_language("kk")
    session = sign_in("administrator")
    made = add_plans(services, session)
    view = plans_view(qtbot, session)
    view.select_plan(RETURNED)
    assert view.details.isVisibleTo(view) and "пысықтауға қайтарылды" in view.details.text()
    view.select_plan(made["lit-submitted"])
    consider = view.make_consider_dialog()
    history = view.make_history_dialog()
    assert consider is not None and history is not None
    windows = [view, consider, history]
    for number, window in enumerate(windows):
        window.setObjectName(f"plans{number}")
        qtbot.addWidget(window)
        window.show()
    QApplication.processEvents()
    kazakh = _collect(windows)  # type: ignore[arg-type]
    i18n.set_language("ru")
    QApplication.processEvents()
    russian = _collect(windows)  # type: ignore[arg-type]
    teachers = services.teachers.list_teachers(session.actor, session.school, include_archived=True)
    problems = _untranslated(kazakh, russian, {t.last_name for t in teachers}, {"Информатика", "Алгебра"})
    problems += _english(kazakh, "kk") + _english(russian, "ru")
    assert not problems, "\n".join(problems)
    assert "черновик: 2" in view.counts_label.text()
    assert history.rows()[-1][2] == "представлен на рассмотрение"


def test_the_pdf_button_saves_the_ktp_with_its_approvals(qtbot, sign_in, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    view = plans_view(qtbot, sign_in("teacher"))
    view.select_plan(APPROVED)
    plan = view.selected_plans()[0]
    assert view.language() == plan.language.value  # printed in the plan's own language by default
    target = tmp_path / "ktp.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    for language, words in (("kk", ("БЕКІТЕМІН", "КЕЛІСІЛДІ", "2026 жылғы 31 тамыз")),
                            ("ru", ("УТВЕРЖДАЮ", "СОГЛАСОВАНО", "31 августа 2026"))):
        view.doc_language.setCurrentIndex(view.doc_language.findData(language))
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
        finish(qtbot)
        text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
        assert all(word in text for word in words), text[:600]
        assert "Оспанов" in text and "Жұмабекова" in text
        assert str(target) in view.message.text()


def test_new_open_and_import_open_their_dialogs_and_reload(qtbot, sign_in, services: Services,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("ru")
    session = sign_in("teacher")
    view = plans_view(qtbot, session)
    opened: list[str] = []

    def edit(dialog: PlanEditorDialog) -> int:
        """Stands in for the user: a new plan is saved; an existing one is only looked at."""
        opened.append(dialog.original.id)
        if dialog.original.id:
            return QDialog.DialogCode.Rejected
        base = services.plans.get(session.actor, session.school, APPROVED)
        dialog.saved_plan = services.plans.save(session.actor, session.school, replace(
            base, id="", grade=9, classes=["9Б"], review=None, agreed=None, approved=None))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlanEditorDialog, "exec", edit)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    new = view.selected()
    assert new is not None and new.plan.grade == 9 and new.plan.status is PlanStatus.DRAFT
    assert view.model.rowCount() == 2 and "сохранён" in view.message.text()

    view.select_plan(APPROVED)
    index = view.table.selectionModel().selectedRows()[0]
    view.table.doubleClicked.emit(index)
    assert opened == ["", APPROVED]

    lines = ["Четверть;№;Тема урока;Кол-во часов;Дата;Примечание",
             "1;1;Информация и её виды;1;03.09;",
             "1;2;Кодирование, единицы измерения;1;10.09;СОР"]
    path = tmp_path / "ktp-8a.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    chosen: list[Path | None] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def import_it(dialog: PlanImportDialog) -> int:
        finish(qtbot)  # the file is read off the GUI thread
        chosen.append(dialog.path)
        dialog.grade.setValue(8)
        dialog.show()
        dialog.accept()  # as the Import button does
        finish(qtbot)
        assert not dialog.isVisible()
        return int(dialog.result())

    monkeypatch.setattr(PlanImportDialog, "exec", import_it)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert chosen == [path]
    imported = view.selected()
    assert imported is not None
    whole = view.session.services.plans.get(view.session.actor, view.session.school, imported.plan.id)
    assert imported.lessons == 2 and [r.topic for r in whole.rows] == [
        "Информация и её виды", "Кодирование, единицы измерения"]
    assert view.model.rowCount() == 3 and "импорт" in view.message.text().lower()
