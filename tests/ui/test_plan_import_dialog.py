"""Plans → import a KTP: the preview maps columns and shows problems by row and cell; only Import
writes, and the plan is found saved as a draft with its rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop_app import i18n
from desktop_app.domain.entities import AcademicYear, Language, PlanStatus
from desktop_app.i18n import _
from desktop_app.ui.dialogs.plan.file_import import PlanImportDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.models.plan_import import BAD, EDITED, LEADING
from desktop_app.ui.session import Session
from tests.services.test_plan_import import KK_BODY, KK_HEADER, RU_BODY, RU_HEADER, docx_file, xlsx
from tests.ui.conftest import finish


def _year(session: Session, year: str = "2026-2027") -> AcademicYear:
    return session.services.schools.get_year(session.actor, session.school, year)


def _plans(session: Session) -> list[tuple[str, int]]:
    s = session
    return sorted((p.id, len(p.rows)) for p in s.services.plans.list(s.actor, s.school))


def _dialog(qtbot, session: Session, path: Path | None, year: AcademicYear | None = None) -> PlanImportDialog:  # type: ignore[no-untyped-def]
    dialog = PlanImportDialog(session, year or _year(session), path)
    qtbot.addWidget(dialog)
    dialog.resize(1240, 700)
    dialog.show()
    finish(qtbot)
    return dialog


def _pick(dialog: PlanImportDialog, column: int, field: str) -> None:
    """Choose a field in the combo above file column ``column``, as the user does."""
    combo = dialog.header.combos[LEADING + column]
    combo.setCurrentIndex(combo.findData(field))


def test_a_teacher_imports_a_kazakh_xlsx_after_leaving_out_a_bad_column(qtbot, sign_in, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      qtmodeltester) -> None:
    session = sign_in("teacher")  # Ким, t-05, informatics
    before = _plans(session)
    body = [list(r) for r in KK_BODY]
    body[2][5] = "31.09"  # row 6 of the sheet: a date that does not exist
    path = tmp_path / "КТЖ информатика 7В.xlsx"
    path.write_bytes(xlsx(KK_HEADER, body))
    dialog = _dialog(qtbot, session, path)
    qtmodeltester.check(dialog.model)
    # The header: the teacher is the signed-in one and cannot be changed; the rest guessed from the file.
    assert dialog.teacher.count() == 1 and dialog.teacher.currentData() == "t-05"
    assert not dialog.teacher.isEnabled()
    assert dialog.subject.currentData() == "informatics"
    assert dialog.grade.value() == 7 and dialog.classes.text() == "7В"
    assert dialog.language.currentData() == Language.KK.value
    assert dialog.first_row.value() == 4  # the row after the header (title, empty, header)
    # The columns recognised from the Kazakh header.
    assert [dialog._combo_field(c) for c in range(7)] == ["number", "section", "topic", "objectives", "hours",
                                                          "date", "note"]
    # The bad date is red in its row and cell, with the problem as its tooltip and in the list.
    assert dialog.parsed is not None and len(dialog.parsed.rows) == 4
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.data(dialog.model.index(r, 0)) == "6")
    cell = dialog.model.index(row, LEADING + 5)
    assert dialog.model.data(cell) == "31.09"
    assert dialog.model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == BAD
    assert "31.09" in dialog.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert dialog.model.data(dialog.model.index(row, LEADING + 2), Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.problems.isVisible() and dialog.problems.count() == 1
    problem = dialog.problems.item(0).text()
    assert "6" in problem and "F «Мерзімі»" in problem
    dialog._show_problem(dialog.problems.item(0))
    assert dialog.table.currentIndex() == cell
    assert not dialog.import_button.isEnabled()
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved_plan is None
    # The term headings are read: the lessons of "II тоқсан" are in term 2.
    term = dialog.model.index(dialog.parsed.rows[-1].source, 1)
    assert dialog.model.data(term) == "2"
    # The dates will be filled from the timetable: the date column is not imported.
    _pick(dialog, 5, "")
    assert "date" not in dialog.columns.values()
    assert dialog.model.data(cell, Qt.ItemDataRole.BackgroundRole) is None
    assert not dialog.problems.isVisible()
    assert dialog.import_button.isEnabled()
    assert _plans(session) == before  # the preview wrote nothing
    dialog.classes.setText("7В, 7Г")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.isVisible()
    saved = dialog.saved_plan
    assert saved is not None
    stored = session.services.plans.get(session.actor, session.school, saved.id)
    assert stored.status is PlanStatus.DRAFT and stored.teacher == "t-05" and stored.subject == "informatics"
    assert stored.grade == 7 and stored.classes == ["7В", "7Г"] and stored.language is Language.KK
    assert stored.academic_year == "2026-2027"
    assert [(r.number, r.term, r.section, r.topic, r.hours, r.date) for r in stored.rows] == [
        (1, 1, "1-бөлім. Натурал сандар", "Натурал сандарды оқу", 1.0, None),
        (2, 1, "1-бөлім. Натурал сандар", "Сандарды салыстыру", 1.0, None),
        (3, 1, "1-бөлім. Натурал сандар", "Қосу", 0.5, None),
        (4, 2, "2-бөлім. Бөлшектер", "Жай бөлшектер", 2.0, None),
    ]
    assert stored.rows[0].objectives == ["5.1.1.1 сандарды оқу", "5.1.1.2 жазу"]
    assert len(_plans(session)) == len(before) + 1


def _row_of_line(dialog: PlanImportDialog, line: int) -> int:
    return next(r for r in range(dialog.model.rowCount()) if dialog.model.data(dialog.model.index(r, 0)) == str(line))


def test_a_mistyped_date_is_corrected_in_the_preview_and_the_corrected_rows_imported(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, qtmodeltester) -> None:
    session = sign_in("teacher")
    body = [list(r) for r in KK_BODY]
    body[2][5] = "31.09"  # row 6 of the sheet
    path = tmp_path / "КТЖ информатика 7В.xlsx"
    path.write_bytes(xlsx(KK_HEADER, body))
    on_disk = path.read_bytes()
    dialog = _dialog(qtbot, session, path)
    model = dialog.model
    row = _row_of_line(dialog, 6)
    cell = model.index(row, LEADING + 5)
    editable = Qt.ItemFlag.ItemIsEditable
    # Only the file's cells of the rows that are or could be lessons: not the row number, the term read,
    # the title or the header row.
    assert model.flags(cell) & editable
    assert not model.flags(model.index(row, 0)) & editable and not model.flags(model.index(row, 1)) & editable
    assert dialog.table_data is not None and dialog.table_data.header is not None
    assert not model.flags(model.index(dialog.table_data.header, LEADING + 2)) & editable
    assert not model.flags(model.index(0, LEADING)) & editable
    assert not dialog.import_button.isEnabled() and dialog.problems.count() == 1
    assert dialog.edit_note.isVisible() and dialog.edit_note.text()
    # The user selects the red cell, presses F2 and types the right date.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(cell)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.indexWidget(cell)  # the open editor
    assert isinstance(editor, QLineEdit) and editor.text() == "31.09"
    editor.selectAll()
    qtbot.keyClicks(editor, "30.09")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.edits))  # the delegate commits once back in the event loop
    assert dialog.edits == {(row, 5): "30.09"}
    assert model.data(cell) == "30.09"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == EDITED
    assert model.data(cell, Qt.ItemDataRole.FontRole).italic()
    assert "31.09" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert dialog.table.currentIndex() == cell  # the cursor stays where the user typed
    assert not dialog.problems.isVisible() and dialog.import_button.isEnabled()
    assert dialog.file_table is not None and dialog.file_table.text(row, 5) == "31.09"  # the file's copy is not changed
    qtmodeltester.check(model)
    # Another cell made wrong through the model shows its problem in its cell; its file text again is no
    # correction at all.
    other = model.index(_row_of_line(dialog, 7), LEADING + 5)
    assert model.setData(other, "32.09", Qt.ItemDataRole.EditRole)
    assert model.data(other, Qt.ItemDataRole.BackgroundRole).color() == BAD
    assert "32.09" in model.data(other, Qt.ItemDataRole.ToolTipRole)
    assert not dialog.import_button.isEnabled() and dialog.problems.count() == 1
    assert model.setData(other, "07.09", Qt.ItemDataRole.EditRole)
    assert model.data(other, Qt.ItemDataRole.BackgroundRole) is None and len(dialog.edits) == 1
    assert not model.setData(model.index(row, 1), "3", Qt.ItemDataRole.EditRole)
    qtmodeltester.check(model)
    # Choosing the file again discards the corrections, as the note says; choosing columns keeps them.
    dialog.load(path)
    finish(qtbot)
    assert dialog.edits == {} and model.data(cell) == "31.09" and not dialog.import_button.isEnabled()
    assert model.setData(model.index(row, LEADING + 5), "30.09", Qt.ItemDataRole.EditRole)
    _pick(dialog, 6, "")
    assert model.data(cell) == "30.09" and model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == EDITED
    _pick(dialog, 6, "note")
    assert dialog.import_button.isEnabled()
    qtmodeltester.check(model)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.isVisible() and dialog.saved_plan is not None
    stored = session.services.plans.get(session.actor, session.school, dialog.saved_plan.id)
    assert [(r.topic, r.date) for r in stored.rows] == [
        ("Натурал сандарды оқу", date(2026, 9, 2)), ("Сандарды салыстыру", date(2026, 9, 30)),
        ("Қосу", date(2026, 9, 7)), ("Жай бөлшектер", date(2026, 11, 10))]
    assert path.read_bytes() == on_disk


def test_the_deputy_imports_a_russian_docx_choosing_the_topic_column(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    header = [*RU_HEADER]
    header[2] = "Содержание"  # not a heading the reader knows: the user says it holds the topics
    path = tmp_path / "КТП Ким 5 класс математика.docx"
    path.write_bytes(docx_file(header, RU_BODY, split_after=3))
    dialog = _dialog(qtbot, session, path)
    # Any teacher for the deputy; the teacher named in the file name is chosen.
    assert dialog.teacher.isEnabled() and dialog.teacher.count() > 1
    assert dialog.teacher.currentData() == "t-05"
    assert dialog.subject.currentData() == "math" and dialog.grade.value() == 5
    assert dialog.language.currentData() == Language.RU.value
    assert dialog._combo_field(2) == ""
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.count() == 1
    assert dialog.problems.item(0).text() == _("Choose the column that holds the lesson topics")
    _pick(dialog, 2, "topic")
    assert dialog.columns[2] == "topic"
    assert dialog.import_button.isEnabled(), [p.render() for p in dialog.parsed.problems]  # type: ignore[union-attr]
    # Choosing a field already read from another column frees that column.
    _pick(dialog, 3, "topic")
    assert dialog._combo_field(2) == "" and dialog.columns.get(3) == "topic"
    _pick(dialog, 2, "topic")
    _pick(dialog, 3, "objectives")
    assert dialog.parsed is not None
    assert [(r.row.term, r.row.topic) for r in dialog.parsed.rows] == [
        (1, "Чтение чисел"), (1, "Сравнение чисел"), (2, "Обыкновенные дроби"), (2, "Сложение дробей")]
    # The rows are the rows of the Word document (the approval table is row 1).
    assert [r.line for r in dialog.parsed.rows] == [4, 5, 7, 8]
    dialog.accept()
    finish(qtbot)
    assert dialog.result() == PlanImportDialog.DialogCode.Accepted and not dialog.isVisible()
    stored = session.services.plans.get(session.actor, session.school, dialog.saved_plan.id)  # type: ignore[union-attr]
    assert stored.teacher == "t-05" and stored.status is PlanStatus.DRAFT and stored.language is Language.RU
    assert [(r.topic, r.date) for r in stored.rows][-1] == ("Сложение дробей", date(2027, 1, 12))
    assert stored.rows[0].objectives == ["5.1.1.1", "5.1.1.2"]


def test_a_csv_from_russian_excel_with_a_term_column(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("teacher")
    lines = ["Календарно-тематический план по информатике, 8 «А» класс;;;;;",
             "Четверть;№;Тема урока;Кол-во часов;Дата;Примечание",
             "1;1;Информация и её виды;1;03.09;",
             ";2;Кодирование, единицы измерения;1;10.09;СОР",
             "2;3;Алгоритмы;два;05.11;"]
    path = tmp_path / "ktp.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    dialog = _dialog(qtbot, session, path)
    assert dialog.grade.value() == 8 and dialog.classes.text() == "8А"
    assert dialog.subject.currentData() == "informatics"
    assert dialog.parsed is not None
    assert [(r.row.term, r.row.topic) for r in dialog.parsed.rows] == [
        (1, "Информация и её виды"), (1, "Кодирование, единицы измерения"), (2, "Алгоритмы")]
    assert not dialog.import_button.isEnabled()
    cell = dialog.model.index(dialog.parsed.rows[2].source, LEADING + 3)
    assert dialog.model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == BAD
    _pick(dialog, 3, "")  # every lesson an hour
    assert dialog.import_button.isEnabled()
    dialog.accept()
    finish(qtbot)
    assert not dialog.isVisible()
    stored = session.services.plans.get(session.actor, session.school, dialog.saved_plan.id)  # type: ignore[union-attr]
    assert [(r.term, r.topic, r.hours, r.date, r.note) for r in stored.rows] == [
        (1, "Информация и её виды", 1.0, date(2026, 9, 3), None),
        (1, "Кодирование, единицы измерения", 1.0, date(2026, 9, 10), "СОР"),
        (2, "Алгоритмы", 1.0, date(2026, 11, 5), None)]


def test_a_file_without_headings_is_mapped_by_hand_from_the_row_chosen(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("teacher")
    path = tmp_path / "ktp.csv"
    path.write_text("Жоспар\n1\tКіріспе\t1\n2\tАлгоритм\t2\n", encoding="utf-8-sig")
    dialog = _dialog(qtbot, session, path)
    assert dialog.table_data is not None and dialog.table_data.header is None
    assert dialog.first_row.value() == 1 and not dialog.import_button.isEnabled()
    _pick(dialog, 1, "topic")
    _pick(dialog, 2, "hours")
    assert dialog.parsed is not None and [r.row.topic for r in dialog.parsed.rows] == ["Кіріспе", "Алгоритм"]
    assert dialog.model.data(dialog.model.index(0, LEADING + 1), Qt.ItemDataRole.ForegroundRole) is not None
    dialog.first_row.setValue(3)
    assert [r.row.topic for r in dialog.parsed.rows] == ["Алгоритм"]
    assert dialog.import_button.isEnabled()


def test_refusals_are_shown_and_the_input_is_kept(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    before = _plans(session)
    fake = tmp_path / "ktp.xlsx"
    fake.write_text("№;Тема урока;Часы\n1;Числа;1\n", encoding="utf-8")
    dialog = _dialog(qtbot, session, fake)
    assert dialog.file_error.isVisible() and "xlsx" in dialog.file_error.text()
    assert not dialog.import_button.isEnabled() and dialog.model.rowCount() == 0
    dialog.classes.setText("5А")
    good = tmp_path / "ktp.docx"
    good.write_bytes(docx_file(RU_HEADER, RU_BODY))
    dialog.load(good)
    finish(qtbot)
    assert not dialog.file_error.isVisible() and dialog.classes.text() == "5А"
    assert dialog.import_button.isEnabled()
    dialog.grade.setValue(0)
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible() and dialog.errors["grade"].isVisible()
    dialog.grade.setValue(5)
    # The service refuses a year that is not in the database: the refusal is shown, nothing is lost.
    dialog.year = replace(dialog.year, id="2040-2041")
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved_plan is None
    assert dialog.general_error.isVisible() and "2040-2041" in dialog.general_error.text()
    assert dialog.classes.text() == "5А" and dialog.grade.value() == 5 and dialog.model.rowCount() > 0
    assert _plans(session) == before


def _texts(dialog: PlanImportDialog) -> tuple[str, ...]:
    return (dialog.windowTitle(), dialog._captions["first_row"].text(), dialog.header.combos[LEADING + 2].currentText(),
            dialog.import_button.text(), dialog.model.headerData(0, Qt.Orientation.Horizontal), dialog.summary.text())


def test_the_dialog_follows_a_live_language_switch(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_language_hook()
    i18n.set_language("kk")
    path = tmp_path / "ktp.xlsx"
    path.write_bytes(xlsx(KK_HEADER, [list(r) for r in KK_BODY]))
    dialog = _dialog(qtbot, sign_in("teacher"), path)
    kazakh = _texts(dialog)
    assert kazakh[2] == "Сабақтың тақырыбы" and kazakh[4] == "Жол"
    i18n.set_language("ru")
    russian = _texts(dialog)
    assert russian[2] == "Тема урока" and russian[4] == "Строка"
    assert all(k != r for k, r in zip(kazakh, russian, strict=True)), (kazakh, russian)


def test_the_dialog_fits_a_small_screen(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ktp.xlsx"
    path.write_bytes(xlsx(KK_HEADER, [list(r) for r in KK_BODY]))
    dialog = _dialog(qtbot, sign_in("teacher"), path)
    assert dialog.minimumSizeHint().width() <= 1366 and dialog.minimumSizeHint().height() <= 740
    assert dialog.width() <= 1366 and dialog.height() <= 740


def test_the_preview_reads_the_corpus_layouts_and_asks_which_class_and_which_column(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path) -> None:
    from tests.corpus.ktp import layouts

    session = sign_in("administrator")
    corpus = {layout.name: layout for layout in layouts()}
    for layout in corpus.values():  # every layout gives its plan in the preview too
        path = tmp_path / f"Ким информатика 7 класс{layout.suffix}"
        path.write_bytes(layout.data())
        dialog = _dialog(qtbot, session, path)
        assert dialog.parsed is not None and dialog.parsed.importable, layout.name
        assert [(r.term, r.section, r.topic, r.hours, r.date) for r in dialog.parsed.plan_rows()] == \
            layout.expected[0], layout.name
        assert dialog.dates_of.isVisibleTo(dialog) == (len(layout.expected) > 1)
        dialog.close()

    # The generator's layout: no dates, so the summary says "Fill dates…" will fill them.
    path = tmp_path / "generator.docx"
    path.write_bytes(corpus["generator-ru"].data())
    dialog = _dialog(qtbot, session, path)
    assert _("Fill dates…") in dialog.summary.text()
    dialog.close()

    # Dates per class: choosing 7Б reads its column and names the class.
    path = tmp_path / "class-columns.xlsx"
    path.write_bytes(corpus["class-columns-ru"].data())
    dialog = _dialog(qtbot, session, path)
    assert [dialog.dates_of.itemText(i) for i in range(dialog.dates_of.count())] == ["7А", "7Б"]
    dialog.dates_of.setCurrentIndex(1)
    assert dialog.parsed is not None and [r.date for r in dialog.parsed.plan_rows()] == \
        [date(2026, 9, 6), date(2026, 9, 13)]
    assert dialog.classes.text() == "7Б"
    dialog.close()

    # Two columns headed "Дата": neither is guessed; the problem says so until the user chooses one.
    path = tmp_path / "two-dates.xlsx"
    path.write_bytes(xlsx(["№", "Тема урока", "Дата", "Кол-во часов", "Дата"], [["1", "Кіріспе", "05.09", 1, "06.09"]]))
    dialog = _dialog(qtbot, session, path)
    assert "date" not in dialog.columns.values() and not dialog.import_button.isEnabled()
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("C «Дата»" in t and "E «Дата»" in t for t in texts), texts
    _pick(dialog, 2, "date")
    assert dialog.parsed is not None and dialog.parsed.importable and dialog.import_button.isEnabled()
    assert dialog.parsed.plan_rows()[0].date == date(2026, 9, 5)
    dialog.close()
