"""The overview's "Needs attention" list: what waits on whom, in the window's language."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from desktop_app.services.attention import AttentionService
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.views.overview import OverviewView


def _groups(view: OverviewView) -> dict[str, list[QTreeWidgetItem]]:
    tree = view.attention_tree
    groups = {}
    for row in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(row)
        groups[group.text(0)] = [group.child(i) for i in range(group.childCount())]
    return groups


def _group(view: OverviewView, start: str) -> list[QTreeWidgetItem]:
    return next((lines for title, lines in _groups(view).items() if title.startswith(start)), [])


def test_needs_attention_follows_the_plans_and_the_language(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_language("ru")
    window.show_section("overview")
    view = window.views["overview"]
    assert isinstance(view, OverviewView)
    s = view.session
    plans = {p.id: p for p in s.services.plans.list(s.actor, s.school, view.year.id if view.year else None)}
    returned = [p for p in plans.values() if p.status.value == "returned"]
    approved = [p for p in plans.values() if p.status.value == "approved"]
    assert returned and approved
    listed = {line.data(0, Qt.ItemDataRole.UserRole)[1] for lines in _groups(view).values() for line in lines
              if line.data(0, Qt.ItemDataRole.UserRole)}
    # a returned plan waits on its teacher, an approved one on no one
    assert not listed & {p.id for p in returned + approved}
    assert view.attention_label.text() == "Требует внимания"
    assert not _group(view, "Планы, ожидающие рассмотрения")

    plan = returned[0]
    s.services.plans.revise(s.actor, s.school, plan.id)
    s.services.plans.submit(s.actor, s.school, plan.id)
    view.refresh()
    lines = _group(view, "Планы, ожидающие рассмотрения на заседании МО")
    assert [line.data(0, Qt.ItemDataRole.UserRole) for line in lines] == [("plans", plan.id)]
    assert f"{plan.grade} класс" in lines[0].text(0)
    assert "с " in lines[0].text(0)

    window.set_language("kk")
    assert view.attention_label.text() == "Назар аударуды қажет етеді"
    lines = _group(view, "ӘБ отырысында қаралуын күтіп тұрған жоспарлар")
    assert len(lines) == 1 and f"{plan.grade}-сынып" in lines[0].text(0)
    assert not any(title.startswith("Планы") for title in _groups(view))

    # opening a line shows the section that holds the record
    view.attention_tree.itemActivated.emit(lines[0], 0)
    assert window.current_view() is window.views["plans"]


def test_opening_a_line_selects_its_record_in_the_section(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_section("overview")
    view = window.views["overview"]
    assert isinstance(view, OverviewView)
    s = view.session
    returned = next(p for p in s.services.plans.list(s.actor, s.school) if p.status.value == "returned")
    s.services.plans.revise(s.actor, s.school, returned.id)
    s.services.plans.submit(s.actor, s.school, returned.id)  # a plan waiting for the association
    view.refresh()
    opened: set[str] = set()
    for lines in _groups(view).values():
        for line in lines:
            section, record = line.data(0, Qt.ItemDataRole.UserRole)
            target = window.views[section]
            if not hasattr(target, "selected"):
                continue
            view.attention_tree.itemActivated.emit(line, 0)
            assert window.current_view() is target
            chosen = target.selected()
            assert chosen is not None and chosen.id == record, (section, record)
            opened.add(section)
            window.show_section("overview")
    assert {"plans", "meetings", "teachers"} <= opened, opened


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_annual_analysis_line_opens_the_annual_analysis(qtbot, window: MainWindow, language: str,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """From May of the year's end, the school's analysis not yet approved waits on the deputy director
    and the director; its line opens the Annual analysis section at the whole school."""
    view = window.views["overview"]
    assert isinstance(view, OverviewView) and view.year is not None
    monkeypatch.setattr(AttentionService, "today", lambda self: date(view.year.end.year, 5, 4))  # type: ignore[union-attr]
    window.set_language(language)
    window.show_section("overview")
    view.refresh()
    title = {"kk": "Мектептің жылдық талдауы әлі бекітілмеген", "ru": "Годовой анализ школы ещё не утверждён"}
    lines = _group(view, title[language])
    assert len(lines) == 1 and view.year.id in lines[0].text(0)
    if os.environ.get("OVERVIEW_SHOTS"):
        window.resize(1366, 768)
        window.grab().save(f"{os.environ['OVERVIEW_SHOTS']}/overview-analysis-{language}.png")
    view.attention_tree.itemActivated.emit(lines[0], 0)
    analysis = window.views["analysis"]
    assert window.current_view() is analysis
    assert analysis.scope.currentData() == ""  # type: ignore[attr-defined]
