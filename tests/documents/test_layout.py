"""Page layout of every document kind, checked on the words' positions (pdftotext -bbox-layout).

The school with long texts (long_school.py) and the sample school, in Kazakh and in Russian:
nothing outside the margins, no last page holding only the verification block, «г.» and «№» never
alone at a line's start or end, initials never torn from the surname, no heading alone at the
foot of a page, every font embedded, the same bytes for the same record.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

import pytest

from desktop_app.documents.ktp import COLUMNS
from desktop_app.domain.entities import SchoolRecords
from desktop_app.domain.event_records import Event
from desktop_app.services.exchange import parse_document
from desktop_app.services.exchange.events import read_event
from tests.documents.layout import HAVE_POPPLER, MARGINS, Line, Page, Word, outside_margins, read_pages
from tests.documents.long_school import long_events, long_records
from tests.documents.printing import documents, new_documents
from tests.shared_files import ROOT, SAMPLE

DEMO = ROOT / "resources" / "demo-school.json"

pytestmark = pytest.mark.skipif(not HAVE_POPPLER, reason="poppler-utils not installed")

HEADINGS = {"СЛУШАЛИ:", "ВЫСТУПИЛИ:", "ПОСТАНОВИЛИ:", "ТЫҢДАЛДЫ:", "СӨЙЛЕДІ:", "ҚАУЛЫ ЕТТІ:", "ПОВЕСТКА ДНЯ:",
            "КҮН ТӘРТІБІ:", "Заключение", "Қорытынды", "Журнал встреч", "Кездесулер журналы", "План работы",
            "Жұмыс жоспары", "Цели:", "Мақсаттары:", "Критерии анализа урока", "Сабақты талдау өлшемдері"}
QR_TEXT = ("Проверка этого документа", "Осы құжатты", "Документ:", "Құжат:", "Код проверки", "Тексеру коды")
INITIAL = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.,?$")


def _long(name: str) -> bool:
    return name in ("m-long", "ktp-long", "mo-long", "ment-empty", "v-long") or name.startswith("2026-2027#")


def _long_new(name: str) -> bool:
    """The long school's new papers (issue 18), not the sample's records it was built from."""
    return name in ("mo-long", "2026-2027") or name.startswith(("mat-long-", "e-long-"))


def _demo() -> tuple[SchoolRecords, list[Event]]:
    data = DEMO.read_bytes()
    raw = json.loads(data)
    return parse_document(data), [read_event(e, f"events[{i}]") for i, e in enumerate(raw.get("events", []))]


@pytest.fixture(scope="module")
def printed() -> dict[str, tuple[bytes, list[Page]]]:
    """Every document of the long school (and the sample's protocols, plans), both languages; the
    new papers (materials, events, certificates, olympiads, the work plan's done column) of the long
    school and of the demo school."""
    result = {}
    sample = parse_document(SAMPLE.read_bytes())
    demo, demo_events = _demo()
    for language in ("kk", "ru"):
        for records, only, prefix in ((long_records(), _long, "long"), (sample, lambda _: True, "sample")):
            for name, data in documents(records, language, only):
                result[f"{prefix}-{language}-{name}"] = data, read_pages(data)
        for records, events, only, prefix in ((long_records(), long_events(), _long_new, "long"),
                                              (demo, demo_events, lambda _: True, "demo")):
            for name, data in new_documents(records, events, language, only):
                result[f"{prefix}-{language}-{name}"] = data, read_pages(data)
    return result


def test_the_long_school_prints_long_documents(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    assert len(printed["long-ru-protocol-m-long"][1]) >= 10
    assert len(printed["long-kk-ktp-ktp-long"][1]) >= 10
    assert {"long-kk-schedule-2026-2027-2", "long-ru-observation-v-long", "long-kk-register-mo-long"} <= set(printed)


def test_every_new_paper_is_printed(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    """Each kind of issue 18, both languages, from both schools (the test above covers the rest)."""
    for language in ("kk", "ru"):
        for prefix, material, event in (("long", "mat-long-0", "e-long-1"), ("demo", "mat-1", "e-1")):
            names = {f"material-{material}", "materials-2026-2027", "events-2026-2027", f"certificates-{event}",
                     "olympiads-2026-2027"}
            assert {f"{prefix}-{language}-{n}" for n in names} <= set(printed)
        assert f"demo-{language}-workplan-done-mo-math-26" in printed
        assert len(printed[f"long-{language}-certificates-e-long-1"][1]) == 55  # a page per participant
        assert len(printed[f"long-{language}-olympiads-2026-2027"][1]) >= 3


def test_the_done_column_says_what_was_held(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    """An item held by an event prints the event's form, topic and date; by a meeting its № and date;
    by a lesson visit its date — in the paper's language, never a bare «Held»."""
    expected = {"ru": ("Проведено: мастер-класс «Итоги", "Проведено: заседание № 1", "Проведено: посещение урока"),
                "kk": ("Өткізілді: 04.10.2026–05.10.2026 шеберлік сыныбы", "Өткізілді: № 1 отырыс,",
                       "Өткізілді: 18.11.2026 сабаққа")}
    for language, phrases in expected.items():
        pages = printed[f"long-{language}-workplan-done-mo-long"][1]
        text = " ".join(line.text for page in pages for line in page.body)
        for phrase in phrases:
            assert phrase in text, f"{language}: {phrase!r}"
        assert "Held" not in text


def test_markup_prints_as_typed(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    """«<b>», «&», quotes print as the user typed them, escaped once (never «&lt;b&gt;»)."""
    for name, (_data, pages) in printed.items():
        for number, page in enumerate(pages, start=1):
            twice = [w.text for w in page.words if any(e in w.text for e in ("&lt;", "&gt;", "&quot;", "&amp;amp;"))]
            assert not twice, f"{name} p.{number}: {twice[:3]}"


def test_no_word_runs_into_the_next(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    """A name too wide for its cell would run over the next column: words on a line never overlap,
    in every kind (a word no line of its column can hold is cut rather than run over)."""
    for name, (_data, pages) in printed.items():
        for number, page in enumerate(pages, start=1):
            rows: dict[int, list[Word]] = {}
            for word in page.words:
                rows.setdefault(round(word.y0), []).append(word)
            for row in rows.values():
                row.sort(key=lambda w: w.x0)
                for left, right in itertools.pairwise(row):
                    assert left.x1 <= right.x0 + 0.5, f"{name} p.{number}: {left.text!r} runs into {right.text!r}"


def test_nothing_outside_the_margins(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    for name, (_data, pages) in printed.items():
        for number, page in enumerate(pages, start=1):
            out = outside_margins(page)
            assert not out, f"{name} p.{number}: {[w.text for w in out[:5]]}"


def test_no_last_page_holds_only_the_verification_block(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    for name, (_data, pages) in printed.items():
        # A batch of certificates carries the block on every page: none may hold it alone.
        for page in pages if name.split("-")[2] == "certificates" else pages[-1:]:
            lines = [line.text for line in page.body]
            others = [t for t in lines if not t.startswith(QR_TEXT)]
            assert others, f"{name}: a page holds only {lines}"


def _continues(line: Line, following: Line) -> bool:
    """Whether ``following`` is the next line of the same paragraph or cell (same column, just below)."""
    first, next_first = line.words[0], following.words[0]
    return abs(first.x0 - next_first.x0) < 40 and 0 < next_first.y0 - first.y0 < 22


def test_lines_do_not_break_inside_names_dates_and_numbers(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    surnames = {t.last_name for t in long_records().teachers}
    for name, (_data, pages) in printed.items():
        for number, page in enumerate(pages, start=1):
            body = page.body
            for line, following in zip(body, [*body[1:], None], strict=True):
                words = [w.text for w in line.words]
                where = f"{name} p.{number}: {line.text[:60]}"
                assert not (words[0] == "г." and (len(words) == 1 or not words[1][0].isupper())), where
                assert words[0] not in ("20__", "ж.") or (len(words) > 1 and words[1] == "жылғы"), where
                if following is None or not _continues(line, following):
                    continue
                first = following.words[0].text
                assert not (words[-1] == "№" and len(words) > 1 and first[0].isdigit()), f"{where} | {first}"
                assert not (words[-1] == "от" and first[0] in "0123456789«_"), f"{where} | {first}"
                initials = len(words) - next((i for i in range(len(words) - 1, -1, -1)
                                              if not INITIAL.match(words[i])), -1) - 1
                before = words[-initials - 1].rstrip(",:") if 0 < initials < len(words) else ""
                torn = (initials and before not in surnames
                        and (INITIAL.match(first) or first.rstrip(",") in surnames)) or (
                    words[-1] in surnames and INITIAL.match(first))
                assert not torn, f"{where} | {following.text[:30]}"


def test_a_heading_never_ends_a_page(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    for name, (_data, pages) in printed.items():
        for number, page in enumerate(pages[:-1], start=1):
            body = page.body
            assert body, f"{name} p.{number} is empty"
            assert body[-1].text not in HEADINGS, f"{name} p.{number} ends with {body[-1].text}"


def test_ktp_words_are_whole_and_inside_their_column(printed: dict[str, tuple[bytes, list[Page]]]) -> None:
    """Section names and objectives wrap at spaces (compounds at their hyphen), each inside its column."""
    edges = list(accumulate(COLUMNS, initial=MARGINS[0]))
    for language in ("kk", "ru"):
        pages = printed[f"long-{language}-ktp-ktp-long"][1]
        words = {w.text for page in pages[1:] for w in page.words}
        assert {"Компьютерная", "информационно-", "коммуникационные", "алгоритмдерді", "құрастыру"} <= words
        assert not {"Компьютер", "Количес", "ная"} & words
        for number, page in enumerate(pages[1:], start=2):
            assert page.width > page.height  # the table is on landscape pages
            total = next((line.words[0].y0 for line in page.body if line.text.startswith(("Барлығы", "Всего"))),
                         page.height)  # the QR block is below the total
            rows = [line for line in page.body if line.words[0].x0 >= edges[0] + 4 and line.words[0].y0 < total]
            for word in (w for line in rows for w in line.words):  # not the term and total rows (spanning)
                column = bisect_right(edges, word.x0 + 0.5) - 1
                assert 0 <= column < len(COLUMNS) and word.x1 <= edges[column + 1] + 0.5, \
                    f"{language} p.{number}: {word.text!r} crosses a column's edge"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_every_font_embedded(printed: dict[str, tuple[bytes, list[Page]]], tmp_path: Path) -> None:
    for name, (data, _pages) in printed.items():
        if not name.startswith("long-"):
            continue
        path = tmp_path / "doc.pdf"
        path.write_bytes(data)
        report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        for row in report.splitlines()[2:]:
            assert "LiberationSerif" in row or "DejaVuSerif" in row, f"{name}: {row}"
            assert row.split()[-5] == "yes", f"{name}: not embedded: {row}"


def test_same_record_same_bytes() -> None:
    records = long_records()
    first = dict(documents(records, "kk", lambda n: n in ("m-long", "ktp-long")))
    second = dict(documents(long_records(), "kk", lambda n: n in ("m-long", "ktp-long")))
    assert first == second
