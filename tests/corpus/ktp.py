"""KTP files in the layouts schools use, built as .docx and .xlsx (and .xls / .doc through LibreOffice
when it is installed), each with the plan rows it must give.

A table is a list of rows; a row is a list of cells, or one string: a row merged over the whole table
(a term heading, a section, "СОР 1"). ``merges`` are (first row, first column, last row, last column)
of the table, for group headings over sub-headings.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

Row = list[object] | str
#: (term, section, topic, hours, date) of a plan row.
Expected = tuple[int | None, str | None, str, float, date | None]


@dataclass
class Layout:
    name: str
    suffix: str
    table: list[Row]
    #: Rows above the table: the title block, approval stamps (a sheet's rows or a Word table).
    above: list[list[str]] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    landscape: bool = False
    #: The plan of each class (one per class when the dates are given per class).
    expected: list[list[Expected]] = field(default_factory=list)
    #: The table split in two Word tables after this row (the header repeated).
    split_after: int | None = None

    def data(self) -> bytes:
        return make_docx(self) if self.suffix == ".docx" else make_xlsx(self)


def _width(rows: Sequence[Row]) -> int:
    return max(len(r) for r in rows if not isinstance(r, str))


def make_docx(layout: Layout) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document()
    if layout.landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if layout.above:
        stamps = document.add_table(rows=len(layout.above), cols=len(layout.above[0]))
        for r, values in enumerate(layout.above):
            for c, value in enumerate(values):
                stamps.cell(r, c).text = value
    for line in layout.title:
        document.add_paragraph(line)
    width = _width(layout.table)
    header_rows = 1 + max((m[2] for m in layout.merges), default=0)
    parts = [layout.table] if layout.split_after is None else \
        [layout.table[:layout.split_after], layout.table[:header_rows] + layout.table[layout.split_after:]]
    for part in parts:
        table = document.add_table(rows=len(part), cols=width)
        table.style = "Table Grid"
        for row, values in zip(table.rows, part, strict=True):
            cells = row.cells  # once a row: python-docx builds the whole grid for each cell asked
            if isinstance(values, str):
                cells[0].merge(cells[width - 1]).text = values
                continue
            for cell, value in zip(cells, values, strict=False):
                cell.text = "" if value is None else str(value)
        for top, left, bottom, right in layout.merges:
            text = table.cell(top, left).text
            table.cell(top, left).merge(table.cell(bottom, right)).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx(layout: Layout) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    if layout.landscape:
        sheet.page_setup.orientation = "landscape"
    width = _width(layout.table)
    for values in layout.above:
        sheet.append(values)
    for line in layout.title:
        sheet.append([line])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
    first = sheet.max_row + 1
    for values in layout.table:
        if isinstance(values, str):
            sheet.append([values])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
        else:
            sheet.append(values)
    for top, left, bottom, right in layout.merges:
        sheet.merge_cells(start_row=first + top, start_column=left + 1, end_row=first + bottom,
                          end_column=right + 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, suffix: str, target: str) -> bytes:
    """``data`` (a .docx or .xlsx) saved by LibreOffice as ``target`` ("doc", "xls"). A .docx goes
    through .odt first: LibreOffice drops python-docx's tables when it writes them straight to .doc."""
    program = office()
    assert program is not None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"ktp{suffix}"
        source.write_bytes(data)
        steps = ["odt", target] if target == "doc" else [target]
        for step in steps:
            out = Path(folder) / step
            subprocess.run([program, f"-env:UserInstallation={Path(folder, 'profile').as_uri()}", "--headless",
                            "--convert-to", step, "--outdir", str(out), str(source)],
                           check=True, capture_output=True, timeout=180)
            source = out / f"ktp.{step}"
        return source.read_bytes()


D = date
RU_STAMPS = [["СОГЛАСОВАНО", "", "", "", "УТВЕРЖДАЮ"],
             ["Заместитель директора по УР", "", "", "", "Директор школы"],
             ["__________ Сапарова А.К.", "", "", "", "__________ Ахметов Б.Б."],
             ["«___» ________ 2026 г.", "", "", "", "«___» ________ 2026 г."]]
KK_STAMPS = [["КЕЛІСІЛДІ", "", "", "", "БЕКІТЕМІН"],
             ["Директордың оқу ісі жөніндегі орынбасары", "", "", "", "Мектеп директоры"],
             ["__________ Сапарова А.Қ.", "", "", "", "__________ Ахметов Б.Б."]]


def layouts() -> list[Layout]:
    """The corpus: each layout with the plan (or plans, one per class) it must give."""
    return [
        # 1. The generator site's layout: landscape, seven columns, "1 четверть" merged before each
        # quarter, dates empty, "Кол-во часа" in the singular.
        Layout("generator-ru", ".docx", landscape=True,
               title=["Календарно-тематическое планирование", "Информатика, 7 класс"],
               table=[["№", "Раздел долгосрочного плана", "Тема урока", "Цели обучения", "Кол-во часа", "Дата",
                       "Примечание"],
                      "1 четверть",
                      ["1", "Компьютерные системы", "Устройство компьютера", "7.1.1.1", "1", "", ""],
                      ["2", "", "Программное обеспечение", "7.1.1.2", "1", "", ""],
                      "2 четверть",
                      ["3", "Алгоритмы", "Понятие алгоритма", "7.2.1.1", "1", "", ""]],
               expected=[[(1, "Компьютерные системы", "Устройство компьютера", 1, None),
                          (1, "Компьютерные системы", "Программное обеспечение", 1, None),
                          (2, "Алгоритмы", "Понятие алгоритма", 1, None)]]),
        # 2. The same generator in Kazakh: "1-тоқсан" rows, singular "Сабақ тақырыптары"/"Оқу мақсаты".
        Layout("generator-kk", ".docx", landscape=True,
               title=["Күнтізбелік-тақырыптық жоспар", "Информатика, 7 сынып"],
               table=[["№", "Ұзақ мерзімді жоспар бөлімі", "Сабақтың тақырыптары", "Оқу мақсаты", "Сағат",
                       "Күні", "Ескерту"],
                      "1-тоқсан",
                      ["1", "Компьютерлік жүйелер", "Компьютер құрылғысы", "7.1.1.1", "1", "", ""],
                      "2-тоқсан",
                      ["2", "Алгоритмдер", "Алгоритм ұғымы", "7.2.1.1", "1", "", ""]],
               expected=[[(1, "Компьютерлік жүйелер", "Компьютер құрылғысы", 1, None),
                          (2, "Алгоритмдер", "Алгоритм ұғымы", 1, None)]]),
        # 3. A Russian sheet after the approval stamps, "I четверть", СОР/СОЧ rows, hours "1 ч".
        Layout("stamps-ru", ".xlsx", above=RU_STAMPS, title=["Календарно-тематический план", "Математика 5 класс"],
               table=[["№ п/п", "Раздел", "Тема урока", "Цели обучения", "Кол-во часов", "Дата", "Примечание"],
                      "I четверть",
                      ["1", "Натуральные числа", "Чтение чисел", "5.1.1.1", "1 ч", "02.09", ""],
                      ["2", "", "Сравнение чисел", "5.1.1.2", "1 ч", "04.09", ""],
                      "СОР №1 «Натуральные числа»",
                      "СОЧ за 1 четверть",
                      "II четверть",
                      ["1", "Дроби", "Обыкновенные дроби", "5.1.2.1", "2 ч", "10.11", ""]],
               expected=[[(1, "Натуральные числа", "Чтение чисел", 1, D(2026, 9, 2)),
                          (1, "Натуральные числа", "Сравнение чисел", 1, D(2026, 9, 4)),
                          (1, "Натуральные числа", "СОР №1 «Натуральные числа»", 1, None),
                          (1, "Натуральные числа", "СОЧ за 1 четверть", 1, None),
                          (2, "Дроби", "Обыкновенные дроби", 2, D(2026, 11, 10))]]),
        # 4. A Kazakh sheet with a two-row heading: "Мазмұны" over section/topic/objectives; the
        # Kazakh І as a Roman one; БЖБ and ТЖБ rows; hours "1 сағ".
        Layout("two-row-kk", ".xlsx", above=KK_STAMPS, title=["Күнтізбелік-тақырыптық жоспар, 6 сынып"],
               table=[["№", "Мазмұны", None, None, "Сағат саны", "Мерзімі", "Ескертпе"],
                      [None, "Бөлім", "Сабақтың тақырыбы", "Оқу мақсаттары", None, None, None],
                      "І тоқсан",
                      ["1", "Сандар", "Натурал сандар", "6.1.1.1", "1 сағ", "03.09.2026", ""],
                      ["2", "", "БЖБ 1", "", "1 сағ", "05.09.2026", ""],
                      "ІІ тоқсан",
                      ["1", "Бөлшектер", "Жай бөлшек", "6.1.2.1", "1 сағ", "12.11.2026", ""],
                      "ТЖБ"],
               merges=[(0, 1, 0, 3), (0, 0, 1, 0), (0, 4, 1, 4), (0, 5, 1, 5), (0, 6, 1, 6)],
               expected=[[(1, "Сандар", "Натурал сандар", 1, D(2026, 9, 3)),
                          (1, "Сандар", "БЖБ 1", 1, D(2026, 9, 5)),
                          (2, "Бөлшектер", "Жай бөлшек", 1, D(2026, 11, 12)),
                          (2, "Бөлшектер", "ТЖБ", 1, None)]]),
        # 5. Dates per class in columns of their own: "Дата" over "7А", "7Б".
        Layout("class-columns-ru", ".xlsx", title=["КТП по информатике 7А, 7Б классы"],
               table=[["№", "Тема урока", "Часы", "Дата", None, "Примечание"],
                      [None, None, None, "7А", "7Б", None],
                      "1 четверть",
                      ["1", "Информация", "1", "05.09", "06.09", ""],
                      ["2", "Кодирование", "1", "12.09", "13.09", ""]],
               merges=[(0, 3, 0, 4), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 5, 1, 5)],
               expected=[[(1, None, "Информация", 1, D(2026, 9, 5)), (1, None, "Кодирование", 1, D(2026, 9, 12))],
                         [(1, None, "Информация", 1, D(2026, 9, 6)), (1, None, "Кодирование", 1, D(2026, 9, 13))]]),
        # 6. Dates of two classes in one cell: "05.09 / 06.09"; portrait Kazakh Word.
        Layout("class-cells-kk", ".docx", title=["Информатика пәні бойынша КТЖ, 7 «А», 7 «Б» сынып"],
               table=[["Р/с", "Сабақ тақырыбы", "Сағ. саны", "Мерзімі (7А / 7Б)"],
                      "ІІІ тоқсан",
                      ["1", "Кестелер", "1", "12.01 / 13.01"],
                      ["2", "Формулалар", "1", "19.01\n20.01"]],
               expected=[[(3, None, "Кестелер", 1, D(2027, 1, 12)), (3, None, "Формулалар", 1, D(2027, 1, 19))],
                         [(3, None, "Кестелер", 1, D(2027, 1, 13)), (3, None, "Формулалар", 1, D(2027, 1, 20))]]),
        # 7. Russian Word, portrait, stamps in a table, sections on rows of their own, numbering that
        # restarts each term, date spans and two-digit years.
        Layout("sections-ru", ".docx", above=[RU_STAMPS[0], RU_STAMPS[1]], title=["КТП, история, 8 класс"],
               table=[["№", "Тема", "Часы", "Сроки проведения", "Прим."],
                      "1 четверть",
                      "Раздел 1. Древний мир",
                      ["1", "Египет", "1", "05.09-06.09", ""],
                      ["2", "Греция", "1", "5.09.26", ""],
                      "2 четверть",
                      "Раздел 2. Средние века",
                      ["1", "Феодализм", "1", "10-11.11", "перенос"]],
               expected=[[(1, "Раздел 1. Древний мир", "Египет", 1, D(2026, 9, 5)),
                          (1, "Раздел 1. Древний мир", "Греция", 1, D(2026, 9, 5)),
                          (2, "Раздел 2. Средние века", "Феодализм", 1, D(2026, 11, 10))]]),
        # 8. Kazakh sheet: planned and actual dates under "Мерзімі", numbering that restarts.
        Layout("plan-fact-kk", ".xlsx", landscape=True, title=["Қазақ тілі, 5 сынып"],
               table=[["№", "Бөлім / ортақ тақырып", "Сабақтың тақырыбы", "Сағат", "Мерзімі", None],
                      [None, None, None, None, "жоспар бойынша", "нақты"],
                      "ІІ-тоқсан",
                      [1, "Менің отбасым", "Отбасы", 1, D(2026, 11, 9), D(2026, 11, 10)],
                      "ІІІ-тоқсан",
                      [1, "Табиғат", "Көктем", 1, D(2027, 1, 11), None]],
               merges=[(0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3)],
               expected=[[(2, "Менің отбасым", "Отбасы", 1, D(2026, 11, 9)),
                          (3, "Табиғат", "Көктем", 1, D(2027, 1, 11))]]),
        # 9. A Russian sheet whose header is followed by the row numbering the columns, with a total,
        # a reserve lesson and a revision row merged over the table.
        Layout("numbered-ru", ".xlsx", title=["Физика 9 класс"],
               table=[["№", "Раздел / сквозная тема", "Тема урока", "Количество часов", "Сроки"],
                      ["1", "2", "3", "4", "5"],
                      "IV четверть",
                      ["1", "Оптика", "Линзы", 1, "06.04"],
                      ["2", "", "Резерв", 1, "08.04"],
                      "Итоговое повторение",
                      ["", "", "Итого", 3, ""]],
               expected=[[(4, "Оптика", "Линзы", 1, D(2027, 4, 6)), (4, "Оптика", "Резерв", 1, D(2027, 4, 8)),
                          (4, "Оптика", "Итоговое повторение", 1, None)]]),
        # 10. A Kazakh Word table split per term, its header repeated, headings in capitals over lines.
        Layout("split-kk", ".docx", landscape=True, above=KK_STAMPS, title=["БИОЛОГИЯ 7 СЫНЫП"],
               table=[["№", "БӨЛІМ", "САБАҚТЫҢ\nТАҚЫРЫБЫ", "САҒ.", "МЕРЗІМІ", "ЕСКЕРТПЕ"],
                      "1-тоқсан",
                      ["1", "Жасуша", "Жасуша құрылысы", "1 сағ", "04.09", ""],
                      "2-тоқсан",
                      ["1", "Ұлпалар", "Өсімдік ұлпалары", "1 сағ", "13.11", ""]],
               split_after=3,
               expected=[[(1, "Жасуша", "Жасуша құрылысы", 1, D(2026, 9, 4)),
                          (2, "Ұлпалар", "Өсімдік ұлпалары", 1, D(2026, 11, 13))]]),
        # 11. A Kazakh sheet with a long title block, lower-case abbreviated headings and a term column.
        Layout("term-column-kk", ".xlsx",
               above=[["Бекітемін"], ["Мектеп директоры"], ["__________"], [""], [""], ["2026-2027 оқу жылы"]],
               title=["Математика, 5 «В» сынып", "Күнтізбелік-тақырыптық жоспар"],
               table=[["р/с", "тоқсан", "тақырыптар", "оқу мақс.", "сағ", "күні"],
                      ["1", "I", "Бөлшек", "5.1.1", "1", "02.09"],
                      ["2", "II", "Пайыз", "5.1.2", "1", "11.11"]],
               expected=[[(1, None, "Бөлшек", 1, D(2026, 9, 2)), (2, None, "Пайыз", 1, D(2026, 11, 11))]]),
        # 12. A Russian Word table with a group heading "Сроки" over "по плану" / "фактически" and a
        # section column merged down.
        Layout("plan-fact-ru", ".docx", title=["География 8 класс"],
               table=[["№", "Раздел", "Тема", "Кол-во час.", "Сроки", None],
                      [None, None, None, None, "по плану", "фактически"],
                      "1 четверть",
                      ["1", "Карта", "Масштаб", "1", "03.09", ""],
                      ["2", "", "Азимут", "1", "10.09", ""]],
               merges=[(0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3)],
               expected=[[(1, "Карта", "Масштаб", 1, D(2026, 9, 3)), (1, "Карта", "Азимут", 1, D(2026, 9, 10))]]),
    ]


FIRST_DAY = D(2026, 9, 2)


def year_plan(name: str, suffix: str, kazakh: bool, lessons: int = 68, start: date = FIRST_DAY) -> Layout:
    """A whole year's plan as a school writes it: term headings, a section every eight lessons,
    learning objectives, hours and dates twice a week (for the benchmarks)."""
    header: list[object] = (["№", "Бөлім / ортақ тақырып", "Сабақтың тақырыбы", "Оқу мақсаттары", "Сағат саны",
                             "Мерзімі", "Ескертпе"] if kazakh else
                            ["№ п/п", "Раздел / сквозная тема", "Тема урока", "Цели обучения", "Кол-во часов",
                             "Сроки", "Примечание"])
    term_name = "{} тоқсан" if kazakh else "{} четверть"
    table: list[Row] = [header]
    expected: list[Expected] = []
    per_term = -(-lessons // 4)
    day = start
    for number in range(lessons):
        term = number // per_term + 1
        if number % per_term == 0:
            table.append(term_name.format("I" * term if term < 4 else "IV"))
        section = f"{number // 8 + 1}-бөлім" if kazakh else f"Раздел {number // 8 + 1}"
        topic = f"Сабақ {number + 1}" if kazakh else f"Урок {number + 1}"
        table.append([str(number % per_term + 1), section if number % 8 == 0 else "", topic,
                      f"{term}.{number % 8 + 1}.1.1", "1", day.strftime("%d.%m.%Y"), ""])
        expected.append((term, section, topic, 1, day))
        day = day.fromordinal(day.toordinal() + (2 if day.weekday() < 3 else 5))
    return Layout(name, suffix, table, above=KK_STAMPS if kazakh else RU_STAMPS, landscape=suffix == ".docx",
                  title=["Күнтізбелік-тақырыптық жоспар" if kazakh else "Календарно-тематический план"],
                  expected=[expected])
