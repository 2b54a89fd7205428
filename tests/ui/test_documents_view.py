"""The Documents section: the documents of the year filtered by kind, association, teacher and text;
one saved (read back), many saved into a folder, a refusal reported, the language forced, "Print"
opening the PDF in the system's viewer, the save dialog starting in the Documents folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from desktop_app import i18n
from desktop_app.services.document_catalog import DocumentKind
from desktop_app.ui.views.documents import DocumentsView
from tests.ui.conftest import finish
from tests.ui.documents_setup import choose as _choose
from tests.ui.documents_setup import open_documents as _view
from tests.ui.documents_setup import pdf_text as _text


def _kinds(view: DocumentsView) -> set[DocumentKind]:
    return {e.ref.kind for e in view.shown()}


def test_filters_by_kind_association_teacher_and_text_change_the_rows(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    total = view.proxy.rowCount()
    assert _kinds(view) == set(DocumentKind)
    assert str(total) in view.counts_label.text()
    _choose(view.kind_filter, DocumentKind.KTP)
    assert _kinds(view) == {DocumentKind.KTP} and 0 < view.proxy.rowCount() < total
    _choose(view.kind_filter, None)
    _choose(view.body_filter, "mo-kaz-26")
    assert view.proxy.rowCount() and all(e.association == "mo-kaz-26" for e in view.shown())
    assert DocumentKind.PROTOCOL not in _kinds(view)  # this association has met no time yet
    _choose(view.body_filter, None)
    _choose(view.teacher_filter, "t-05")
    # Her KTP, the visit to her lesson, the material she wrote, the seminar she took part in.
    assert {e.ref.record for e in view.shown()} == {"ktp-inf7-26", "v-1", "mat-1", "e-1"}
    assert all("Ким" in view.proxy.index(r, 3).data() for r in range(view.proxy.rowCount()))
    _choose(view.teacher_filter, None)
    view.set_search("Квадратные")
    assert [e.ref.record for e in view.shown()] == ["v-2"]
    view.set_search("")
    assert view.proxy.rowCount() == total


def test_a_teacher_sees_only_what_she_may_read(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in, "teacher")
    plans = {e.ref.record for e in view.shown() if e.ref.kind is DocumentKind.KTP}
    assert plans == {"ktp-inf7-26"}
    assert DocumentKind.MENTORSHIP not in _kinds(view)
    assert not {DocumentKind.OLYMPIADS, DocumentKind.CERTIFICATES} & _kinds(view)  # the administration's
    assert {DocumentKind.MATERIAL, DocumentKind.MATERIALS, DocumentKind.EVENTS} <= _kinds(view)


def test_the_new_papers_are_listed_greyed_until_printable_and_saved_many(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Materials, events' registers and certificates, olympiads: the kind filter, a greyed row with its
    reason, several saved into a folder under their own names."""
    view = _view(qtbot, sign_in)
    _choose(view.kind_filter, DocumentKind.CERTIFICATES)
    rows = {e.ref.record: e for e in view.shown()}
    assert set(rows) == {"e-1", "e-2"} and rows["e-1"].printable and not rows["e-2"].printable
    planned = next(r for r in range(view.proxy.rowCount())
                   if view.model.record(view.proxy.source_row(r)).ref.record == "e-2")
    assert view.proxy.index(planned, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    view.select([rows["e-2"]])
    assert "запланировано" in view.message.text()  # why not yet: the event is planned
    _choose(view.kind_filter, None)
    chosen = [e for e in view.shown() if e.ref.kind in (DocumentKind.MATERIAL, DocumentKind.MATERIALS,
                                                         DocumentKind.EVENTS, DocumentKind.CERTIFICATES,
                                                         DocumentKind.OLYMPIADS)]
    view.select(chosen)
    folder = tmp_path / "new"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    view.save_selected()
    finish(qtbot)
    files = sorted(f.name for f in folder.iterdir())
    assert len(files) == len(chosen) - 1 == 6  # the planned event's certificates are refused
    assert [e.ref.record for e, _reason in view.outcome.refused] == ["e-2"]
    texts = " ".join(_text(folder / f) for f in files)
    for heading in ("РЕЕСТР МЕТОДИЧЕСКИХ МАТЕРИАЛОВ", "СЕРТИФИКАТ", "РЕЕСТР ОЛИМПИАД", "РАССМОТРЕНО"):
        assert heading in texts


def test_save_one_writes_the_pdf_under_its_default_name_from_the_documents_folder(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, sign_in)
    _choose(view.kind_filter, DocumentKind.PROTOCOL)
    protocol = next(e for e in view.shown() if e.ref.record == "m-math-26-1")
    view.select([protocol])
    asked: list[str] = []

    def save_as(_parent, _title, start: str, _pattern):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(tmp_path / Path(start).name), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    view.save_selected()
    finish(qtbot)
    outcome = view.outcome
    start = Path(asked[0])
    assert start.name == "Хаттама №1 Математика және информатика пәндері мұғалімдерінің ӘБ 2026-08-27.pdf"
    assert start.parent.name == "documents"  # the user's Documents folder, not the program's
    written = tmp_path / start.name
    assert outcome.written == [written] and "№ 1 ХАТТАМАСЫ" in _text(written)
    assert start.name in view.message.text()
    view.save_selected()  # the folder used last is offered next time
    finish(qtbot)
    assert Path(asked[1]).parent == tmp_path


def test_save_many_writes_each_file_and_reports_the_refused(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, sign_in)
    _choose(view.body_filter, "mo-math-26")
    chosen = [e for e in view.shown() if e.ref.kind is not DocumentKind.SCHEDULE]
    refused = [e for e in chosen if not e.printable]
    assert refused, "the extract of the protocol that is not finalized is listed as not printable"
    view.table.selectAll()
    assert len(view.selected()) == len(chosen)
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    view.save_selected()
    finish(qtbot)
    outcome = view.outcome
    files = sorted(folder.iterdir())
    assert len(files) == len(chosen) - len(refused) == len(outcome.written)
    assert len({f.name for f in files}) == len(files)
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert [e.ref for e, _reason in outcome.refused] == [e.ref for e in refused]
    assert "только из оформленного протокола" in view.message.text()
    assert str(len(files)) in view.message.text()


def test_the_language_choice_changes_the_pdfs_language(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, sign_in)
    _choose(view.kind_filter, DocumentKind.PROTOCOL)
    protocol = next(e for e in view.shown() if e.ref.record == "m-math-26-1")  # a Kazakh protocol
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, start, _f: (str(tmp_path / Path(start).name), ""))
    view.select([protocol])
    view.save_selected()
    finish(qtbot)
    own = view.outcome.written[0]
    _choose(view.doc_language, "ru")
    assert view.proxy.index(view.shown().index(protocol), 5).data() == "Русский"
    view.select([protocol])
    view.save_selected()
    finish(qtbot)
    russian = view.outcome.written[0]
    assert own.name.startswith("Хаттама №1") and russian.name.startswith("Протокол №1")
    assert "№ 1 ХАТТАМАСЫ" in _text(own) and "ПРОТОКОЛ № 1" in _text(russian)


def test_print_opens_each_pdf_in_the_system_viewer(qtbot, sign_in, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    opened: list[Path] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    _choose(view.kind_filter, DocumentKind.SCHEDULE)
    view.table.selectAll()
    view.print_button.click()
    finish(qtbot)
    assert len(opened) == 4 and len({p.name for p in opened}) == 4
    assert all(p.read_bytes().startswith(b"%PDF") for p in opened)


def test_the_section_follows_the_language(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.language import install_language_hook

    install_language_hook()
    view = _view(qtbot, sign_in)
    texts = {}
    for language in ("kk", "ru"):
        i18n.set_language(language)
        qtbot.wait(10)
        texts[language] = (view.save_button.text(), view.kind_filter.itemText(0), view.proxy.index(0, 0).data(),
                           view.model.headerData(6, Qt.Orientation.Horizontal))
    assert texts["kk"][0] == "PDF ретінде сақтау…" and texts["ru"][0] == "Сохранить в PDF…"
    assert all(a != b for a, b in zip(texts["kk"], texts["ru"], strict=True))


PROTOCOL = {"kk": "Хаттама №2 Математика және информатика пәндері мұғалімдерінің ӘБ 2026-11-06.pdf",
            "ru": "Протокол №2 МО учителей математики и информатики 2026-11-06.pdf"}


@pytest.mark.parametrize(("section", "record", "ask", "expected"), [
    ("meetings", "m-math-26-2", "ask_print_protocol", PROTOCOL),
    ("plans", "ktp-inf7-26", "ask_print", {"kk": "КТЖ Ким Информатика 7-сынып 7А 7Б 2026-2027.pdf",
                                           "ru": "КТП Ким Информатика 7 класс 7А 7Б 2026-2027.pdf"}),
    ("mentoring", "ment-04", "ask_print", {"ru": "Наставничество Иванова - Серікбай 2026-2027.pdf"}),
    ("visits", "v-2", "ask_print_sheet", {"ru": "Наблюдение урока Қасымов Алгебра 8В 2026-11-20.pdf"}),
])
def test_every_section_saves_under_the_documents_name_from_the_documents_folder(  # type: ignore[no-untyped-def]
        window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, section: str, record: str, ask: str,
        expected: dict[str, str]) -> None:
    """The name is in the language the section prints in (its language box, else the window's)."""
    asked: list[str] = []

    def save_as(_parent, _title, start: str, _pattern):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(tmp_path / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    i18n.set_language("ru")
    window.show_record(section, record)
    view = window.views[section]
    if section == "visits":  # the section has no select_record (nothing opens a visit from elsewhere)
        view.select(record)
    language = view.language() if hasattr(view, "language") else i18n.current_language()
    getattr(view, ask)()
    finish(qtbot)  # sections that print through an operation write the file off the GUI thread
    assert [Path(a).name for a in asked] == [expected[language]]
    assert Path(asked[0]).parent.name == "documents"
    assert (tmp_path / expected[language]).read_bytes().startswith(b"%PDF")
