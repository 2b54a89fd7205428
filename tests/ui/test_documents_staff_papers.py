"""The Documents section lists the attestation register's prints (п. 10.7: the list of teachers being
attested, the schedule of hearings) and the annual analyses (the school's, each association's) by the
rules of their own sections; greyed with the reason until a paper has a line; saved and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.services.document_catalog import DocumentKind
from desktop_app.ui.views.documents import DocumentsView
from tests.ui.conftest import finish
from tests.ui.documents_setup import choose as _choose
from tests.ui.documents_setup import open_documents as _view
from tests.ui.documents_setup import pdf_text as _text

STAFF_KINDS = {DocumentKind.ATTESTATIONS, DocumentKind.HEARINGS, DocumentKind.ANALYSIS}
YEAR_BODIES = {"mo-kaz-26", "mo-math-26", "mo-prim-26", "council-26"}


def _staff(view: DocumentsView) -> set[tuple[DocumentKind, str]]:
    return {(e.ref.kind, e.ref.record) for e in view.shown() if e.ref.kind in STAFF_KINDS}


@pytest.mark.parametrize("role", ["administrator", "director", "viewer"])
def test_who_reads_every_record_gets_both_attestation_prints_and_every_analysis(  # type: ignore[no-untyped-def]
        qtbot, sign_in, role: str) -> None:
    view = _view(qtbot, sign_in, role)
    assert _staff(view) == {(DocumentKind.ATTESTATIONS, "2026-2027"), (DocumentKind.HEARINGS, "2026-2027"),
                            (DocumentKind.ANALYSIS, "2026-2027")} | {(DocumentKind.ANALYSIS, b) for b in YEAR_BODIES}
    _choose(view.kind_filter, DocumentKind.ATTESTATIONS)
    (listed,) = view.shown()
    assert listed.printable and listed.title == "3 учителя"
    assert view.proxy.index(0, 0).data() == "Список педагогов, проходящих аттестацию"
    _choose(view.kind_filter, None)
    _choose(view.teacher_filter, "t-07")  # being attested, her hearing not yet set: both papers name her
    assert {e.ref.kind for e in view.shown()} >= {DocumentKind.ATTESTATIONS, DocumentKind.HEARINGS}
    _choose(view.teacher_filter, None)
    _choose(view.body_filter, "mo-math-26")
    assert _staff(view) == {(DocumentKind.ANALYSIS, "mo-math-26")}


def test_a_head_gets_her_associations_analysis_only_and_a_teacher_none(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    head = _view(qtbot, sign_in, "head")
    assert _staff(head) == {(DocumentKind.ANALYSIS, "mo-math-26")}
    teacher = _view(qtbot, sign_in, "teacher")
    assert _staff(teacher) == set()


def test_a_year_without_attestations_greys_both_prints_with_the_reason(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, sign_in, year="2025-2026")
    _choose(view.kind_filter, DocumentKind.ATTESTATIONS)
    (listed,) = view.shown()
    assert not listed.printable and listed.title == "0 учителей"
    assert view.proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    view.select([listed])
    assert "пока нет ни одного аттестуемого педагога" in view.message.text()
    _choose(view.kind_filter, DocumentKind.HEARINGS)
    view.select(view.shown())
    assert "не назначено ни одного заслушивания" in view.message.text()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.pdf"), ""))
    view.save_selected()
    finish(qtbot)
    assert not (tmp_path / "x.pdf").exists() and [e.ref.kind for e, _r in view.outcome.refused] == [
        DocumentKind.HEARINGS]


def test_the_papers_are_saved_many_and_read_back_in_the_language_chosen(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, sign_in)
    chosen = [e for e in view.shown() if e.ref.kind in STAFF_KINDS and e.ref.record in ("2026-2027", "mo-math-26")]
    assert len(chosen) == 4
    view.select(chosen)
    assert len(view.selected()) == 4
    folder = tmp_path / "ru"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    view.save_selected()
    finish(qtbot)
    names = sorted(f.name for f in folder.iterdir())
    assert names == sorted(e.file_name() for e in chosen)
    assert "Список педагогов, проходящих аттестацию 2026-2027.pdf" in names
    assert "Годовой анализ МО учителей математики и информатики 2026-2027.pdf" in names
    texts = {name: _text(folder / name) for name in names}
    everything = " ".join(texts.values())
    for heading in ("СПИСОК ПЕДАГОГОВ, ПРОХОДЯЩИХ АТТЕСТАЦИЮ", "ГРАФИК ЗАСЛУШИВАНИЯ АТТЕСТУЕМЫХ ПЕДАГОГОВ",
                    "АНАЛИЗ МЕТОДИЧЕСКОЙ РАБОТЫ"):
        assert heading in everything
    assert "Әбенова" in texts["Список педагогов, проходящих аттестацию 2026-2027.pdf"]
    _choose(view.doc_language, "kk")
    view.select(chosen)
    folder = tmp_path / "kk"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    view.save_selected()
    finish(qtbot)
    kazakh = " ".join(_text(f) for f in folder.iterdir())
    assert len(list(folder.iterdir())) == 4
    for heading in ("АТТЕСТАТТАУДАН ӨТЕТІН ПЕДАГОГТЕРДІҢ ТІЗІМІ", "ӘДІСТЕМЕЛІК ЖҰМЫСТЫҢ ТАЛДАУЫ"):
        assert heading in kazakh


def test_a_head_saves_her_associations_analysis(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, sign_in, "head")
    (analysis,) = [e for e in view.shown() if e.ref.kind is DocumentKind.ANALYSIS]
    view.select([analysis])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, start, _f: (str(tmp_path / Path(start).name), "PDF (*.pdf)"))
    view.save_selected()
    finish(qtbot)
    (written,) = view.outcome.written
    assert written.name == "Годовой анализ МО учителей математики и информатики 2026-2027.pdf"
    assert "АНАЛИЗ МЕТОДИЧЕСКОЙ РАБОТЫ" in _text(written)
