"""Every table model passes Qt's model tester."""

from __future__ import annotations

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.teachers import TeacherTableModel
from desktop_app.ui.views.associations import AssociationsView
from desktop_app.ui.views.mentoring import MentoringView
from desktop_app.ui.views.teachers import TeachersView
from desktop_app.ui.views.visits import VisitsView
from desktop_app.ui.widgets.records_view import RecordsView


def test_the_teacher_model(qtmodeltester, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    model = TeacherTableModel(session.services.teachers.today())
    model.set_teachers(session.services.teachers.list_teachers(session.actor, session.school),
                       session.subject_names())
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_every_view_model(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_year("2026-2027")
    checked = set()
    for key, view in window.views.items():
        window.show_section(key)
        if isinstance(view, RecordsView | TeachersView):
            qtmodeltester.check(view.model)
            qtmodeltester.check(view.proxy)
            checked.add(key)
        if isinstance(view, AssociationsView):
            qtmodeltester.check(view.model)
            qtmodeltester.check(view.members_model)
            assert view.members_model.rowCount() > 0
            checked.add(key)
        if isinstance(view, MentoringView | VisitsView):
            view.table.selectRow(0)
            qtmodeltester.check(view.model)
            qtmodeltester.check(view.proxy)
            checked.add(key)
        if isinstance(view, MentoringView):
            qtmodeltester.check(view.sessions)
        if isinstance(view, VisitsView):
            qtmodeltester.check(view.observations)
            qtmodeltester.check(view.matrix_model)
            assert view.matrix_model.rowCount() > 0
    assert checked >= {"plans", "teachers", "associations", "mentoring", "visits"}
