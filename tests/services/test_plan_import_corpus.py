"""The corpus of real layouts (tests/corpus/ktp.py): every file gives its plan, or one plan per class."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.services.plan_import import PlanFile, parse_plan
from tests.corpus.ktp import Layout, convert, layouts, office

from .conftest import SCHOOL, Env
from .test_plan_import_service import header

START = 2026
LAYOUTS = layouts()


def rows_of(parsed: PlanFile) -> list[tuple[object, ...]]:
    return [(r.term, r.section, r.topic, r.hours, r.date) for r in parsed.plan_rows()]


def test_the_corpus_holds_the_layouts_schools_use() -> None:
    assert len(LAYOUTS) >= 12
    assert {layout.suffix for layout in LAYOUTS} == {".docx", ".xlsx"}
    assert any(layout.landscape for layout in LAYOUTS) and not all(layout.landscape for layout in LAYOUTS)
    assert any(layout.above for layout in LAYOUTS) and not all(layout.above for layout in LAYOUTS)
    assert any(len(layout.expected) > 1 for layout in LAYOUTS)


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_each_layout_gives_its_plan(layout: Layout) -> None:
    data = layout.data()
    for group, expected in enumerate(layout.expected):
        parsed = parse_plan(f"ktp{layout.suffix}", data, START, group)
        assert parsed.importable, [p.render() for p in parsed.problems]
        assert rows_of(parsed) == expected
        assert parsed.dates_empty == all(row[4] is None for row in expected)


def test_each_layout_imports_through_the_service(env: Env) -> None:
    admin = env.actor("admin")
    for layout in LAYOUTS:
        parsed = parse_plan(f"ktp{layout.suffix}", layout.data(), START)
        saved = env.s.plans.import_plan(admin, SCHOOL, header(), parsed.plan_rows())
        stored = env.s.plans.get(admin, SCHOOL, saved.id)
        assert [(r.term, r.section, r.topic, r.hours, r.date) for r in stored.rows] == layout.expected[0]


@pytest.mark.skipif(office() is None, reason="LibreOffice (soffice) is not installed: .xls and .doc files "
                                             "cannot be made for the test")
@pytest.mark.parametrize(("name", "target"), [("stamps-ru", "xls"), ("two-row-kk", "xls"),
                                              ("generator-ru", "doc"), ("class-cells-kk", "doc")])
def test_old_office_files_give_the_same_plan(name: str, target: str) -> None:
    layout = next(layout for layout in LAYOUTS if layout.name == name)
    data = convert(layout.data(), layout.suffix, target)
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    for group, expected in enumerate(layout.expected):
        parsed = parse_plan(f"ktp.{target}", data, START, group)
        assert parsed.importable, [p.render() for p in parsed.problems]
        assert rows_of(parsed) == expected


def test_a_doc_without_libreoffice_is_refused_saying_how_to_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.services.plan_import import PlanFileError, old_formats

    monkeypatch.setattr(old_formats, "office_program", lambda: None)
    with pytest.raises(PlanFileError) as refused:
        parse_plan("ktp.doc", old_formats.OLE_SIGNATURE + b"\0" * 512, START)
    assert "install LibreOffice" in refused.value.render() and ".docx" in refused.value.render()


#: .xls copies of two layouts, made once with LibreOffice (``convert(layout.data(), ".xlsx", "xls")``),
#: so that the xlrd path is tested where LibreOffice is not installed (CI).
XLS_FIXTURES = Path(__file__).resolve().parent.parent / "data" / "ktp"


@pytest.mark.parametrize("name", ["stamps-ru", "two-row-kk"])
def test_kept_xls_files_give_the_plan_without_libreoffice(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.services.plan_import import old_formats

    monkeypatch.setattr(old_formats, "office_program", lambda: None)  # xlrd alone reads .xls
    layout = next(layout for layout in LAYOUTS if layout.name == name)
    data = (XLS_FIXTURES / f"{name}.xls").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    for group, expected in enumerate(layout.expected):
        parsed = parse_plan("ktp.xls", data, START, group)
        assert parsed.importable, [p.render() for p in parsed.problems]
        assert rows_of(parsed) == expected
