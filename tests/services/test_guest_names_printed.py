"""A protocol names its members from other schools (п. 21) by name and school, never by an id: when
their membership was removed after the meeting (the database still knows the teacher), and when
the school's file was imported into a database without that other school. Both ways of printing
(the Store, `metodsovet protocol`'s quick reader) give the same bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import BytesIO
from typing import Any

from pypdf import PdfReader

from desktop_app.domain.accounts import COMMAND_LINE, Actor
from desktop_app.domain.entities import GuestAttendance, GuestSpeaker
from desktop_app.services import Services
from desktop_app.services.printed import QuickPrints
from desktop_app.storage.database import Database
from tests.services.conftest import SCHOOL, Env
from tests.services.test_guest_members import DISTRICT_ADMIN, OTHER, district
from tests.services.test_guest_speakers import _join, _meeting
from tests.shared_files import SAMPLE

__all__ = ["district"]  # the fixture, used by name

SCHOOLS = {"ru": "Школа № 8", "kk": "№ 8 мектеп"}
GONE = {"ru": "учитель, которого больше нет в базе данных", "kk": "дерекқорда енді жоқ мұғалім"}
PRESENT = {"ru": "Присутствовали из других школ:", "kk": "Басқа мектептерден қатысқандар:"}
ABSENT = {"ru": "Отсутствовали из других школ:", "kk": "Басқа мектептерден қатыспағандар:"}


def _texts(s: Services, path: str, actor: Actor, meeting: str, backend: str) -> dict[str, str]:
    """The protocol's text in each language, after checking the quick way prints the same bytes."""
    texts = {}
    for language in ("ru", "kk"):
        printed = s.documents.protocol(actor, SCHOOL, meeting, language)
        if backend == "sqlite":
            with QuickPrints.open(path) as quick:  # type: ignore[union-attr]
                assert quick.protocol(actor, SCHOOL, meeting, language) == printed
        pages = PdfReader(BytesIO(printed.data)).pages
        texts[language] = " ".join(" ".join((page.extract_text() or "") for page in pages).split())
    return texts


def test_a_member_whose_membership_was_removed_is_printed_by_name(district: Env) -> None:
    s = district.s
    names = _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", False, "курсы")]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-02")))
    for teacher in ("t-02", "t-03"):  # after the meeting, both leave the association
        s.guest_members.remove(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, teacher)
    texts = _texts(s, str(district.path), district.actor("viewer"), saved.id, district.backend)
    for language, text in texts.items():
        school = SCHOOLS[language]
        assert f"{names['t-02']} ({school}) — О межшкольном семинаре" in text, text
        assert f"{names['t-02']} ({school}) — Поддерживаю" in text, text
        assert f"{names['t-03']} ({school}) — курсы" in text, text
        assert f": {names['t-02']} ({school})" in text, text  # the line of those present
        assert OTHER not in text and "(t-0" not in text, text


def _imported_alone(district: Env, new_database: Callable[..., str],
                    change: Callable[[dict[str, Any]], None] = lambda _document: None) -> dict[str, str]:
    """school-7's protocol with t-02 and t-03 marked present and speaking, exported (``change``d)
    and imported into a database without school-8: its text in each language."""
    s = district.s
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", True)]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-03")))
    document = s.exchange.export_document(COMMAND_LINE, SCHOOL)
    change(document)
    path = new_database("alone.sqlite3")
    alone = Services.over(Database.open(path))
    try:
        alone.exchange.import_document(COMMAND_LINE, json.dumps(document, ensure_ascii=False))
        return _texts(alone, path, COMMAND_LINE, saved.id, district.backend)
    finally:
        alone.close()


def test_a_protocol_imported_without_the_other_school_prints_no_ids(
        district: Env, new_database: Callable[..., str]) -> None:
    names = _join(district.s)
    for language, text in _imported_alone(district, new_database).items():
        # the speakers by the name kept with the speech, the marks by the name kept with the mark
        assert f"{names['t-02']} — О межшкольном семинаре" in text, text
        assert f"{names['t-03']} — Поддерживаю" in text, text
        assert f"{PRESENT[language]} {names['t-02']}; {names['t-03']}" in text, text
        assert GONE[language] not in text, text
        assert OTHER not in text and "t-02" not in text and "t-03" not in text, text


def test_marks_that_never_had_a_name_print_in_words(district: Env, new_database: Callable[..., str]) -> None:
    """A file whose marks carry no name (written before 0020): the words say the teacher is gone."""
    names = _join(district.s)

    def unnamed(document: dict[str, Any]) -> None:
        for meeting in document["meetings"]:
            for mark in meeting.get("guest_attendance", ()):
                del mark["name"]

    for language, text in _imported_alone(district, new_database, unnamed).items():
        assert f"{names['t-03']} — Поддерживаю" in text, text  # the speech keeps its own name
        assert f"{PRESENT[language]} {GONE[language]}; {GONE[language]}" in text, text
        assert OTHER not in text and "t-02" not in text and "t-03" not in text, text


def test_a_member_gone_from_the_other_schools_file_is_printed_by_the_kept_name(district: Env) -> None:
    """school-8 imported again without t-03 (the membership stays): the mark's name is printed."""
    s = district.s
    names = _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", False, "курсы")]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-02")))
    document = json.loads(SAMPLE.read_text(encoding="utf-8").replace('"t-03"', '"t-33"'))
    document["school"]["id"] = OTHER
    document["school"]["short_name"] = {"kk": "№ 8 мектеп", "ru": "Школа № 8"}
    s.exchange.import_document(COMMAND_LINE, json.dumps(document, ensure_ascii=False), replace=True)
    assert {g.teacher: g.name for g in s.guest_members.list(COMMAND_LINE, SCHOOL, "mo-inter-26")} == {
        "t-02": names["t-02"], "t-03": ""}
    texts = _texts(s, str(district.path), district.actor("viewer"), saved.id, district.backend)
    for language, text in texts.items():
        assert f"{ABSENT[language]} {names['t-03']} ({SCHOOLS[language]}) — курсы" in text, text
        assert GONE[language] not in text and "t-03" not in text, text
    # saved again, the mark keeps the name it came with: the database no longer knows that teacher
    again = s.meetings.save(COMMAND_LINE, SCHOOL, s.meetings.get(COMMAND_LINE, SCHOOL, saved.id))
    assert [(g.teacher, g.name) for g in again.guest_attendance] == [("t-02", names["t-02"]), ("t-03", names["t-03"])]
