"""A protocol names its members from other schools (п. 21) by name and school, never by an id: when
their membership was removed after the meeting (the database still knows the teacher), and when
the school's file was imported into a database without that other school. Both ways of printing
(the Store, `metodsovet protocol`'s quick reader) give the same bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import BytesIO

from pypdf import PdfReader

from desktop_app.domain.accounts import COMMAND_LINE, Actor
from desktop_app.domain.entities import GuestAttendance, GuestSpeaker
from desktop_app.services import Services
from desktop_app.services.printed import QuickPrints
from desktop_app.storage.database import Database
from tests.services.conftest import SCHOOL, Env
from tests.services.test_guest_members import DISTRICT_ADMIN, OTHER, district
from tests.services.test_guest_speakers import _join, _meeting

__all__ = ["district"]  # the fixture, used by name

SCHOOLS = {"ru": "Школа № 8", "kk": "№ 8 мектеп"}
GONE = {"ru": "учитель, которого больше нет в базе данных", "kk": "дерекқорда енді жоқ мұғалім"}


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


def test_a_protocol_imported_without_the_other_school_prints_no_ids(
        district: Env, new_database: Callable[..., str]) -> None:
    s = district.s
    names = _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", True)]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-03")))
    exported = json.dumps(s.exchange.export_document(COMMAND_LINE, SCHOOL), ensure_ascii=False)
    path = new_database("alone.sqlite3")
    alone = Services.over(Database.open(path))
    try:
        alone.exchange.import_document(COMMAND_LINE, exported)
        texts = _texts(alone, path, COMMAND_LINE, saved.id, district.backend)
    finally:
        alone.close()
    for language, text in texts.items():
        # the speakers by the name kept with the speech; the marks in words (the file keeps no name)
        assert f"{names['t-02']} — О межшкольном семинаре" in text, text
        assert f"{names['t-03']} — Поддерживаю" in text, text
        assert f"{GONE[language]}; {GONE[language]}" in text, text
        assert OTHER not in text and "t-02" not in text and "t-03" not in text, text
