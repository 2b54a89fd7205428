"""Members of an inter-school association from other schools (п. 21) in the protocol: they speak
under HEARD and SPOKE (stored, exchanged, printed with their school), count among those present,
their marks are part of a version snapshot and of the check code, and a refusal names them."""

from __future__ import annotations

import json
from dataclasses import replace
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop_app import i18n
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import (
    AgendaItem,
    Attendance,
    GuestAttendance,
    GuestSpeaker,
    Language,
    Meeting,
    MeetingStatus,
    Speech,
    Vote,
)
from desktop_app.domain.errors import Rule
from desktop_app.services import Services
from desktop_app.services.exchange import dump_meeting, parse_meeting
from desktop_app.services.exchange.problems import ExchangeError
from desktop_app.services.printed import QuickPrints, meeting_check
from tests.services.conftest import SCHOOL, Env, d
from tests.services.test_guest_members import DISTRICT_ADMIN, OTHER, district

__all__ = ["district"]  # the fixture, used by name


def _join(s: Services) -> dict[str, str]:
    """t-02 and t-03 of school-8 members of the inter-school association; their names."""
    for teacher in ("t-02", "t-03"):
        s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, teacher, since=d("2026-09-01"))
    return {g.teacher: g.name for g in s.guest_members.list(COMMAND_LINE, SCHOOL, "mo-inter-26")}


def _meeting(marks: list[GuestAttendance], heard: GuestSpeaker, spoke: GuestSpeaker) -> Meeting:
    """t-01 present, ``marks`` for the members from other schools; all present vote "for"."""
    return Meeting("", "mo-inter-26", 1, d("2026-11-10"), Language.RU, "t-01", "t-01",
                   attendance=[Attendance("t-01", True)], guest_attendance=marks, status=MeetingStatus.HELD,
                   agenda=[AgendaItem(1, "Об обмене опытом", decisions=["Принять к сведению"],
                                      heard=[Speech(heard, "О межшкольном семинаре")],
                                      spoke=[Speech(spoke, "Поддерживаю")],
                                      vote=Vote(1 + sum(m.present for m in marks), 0, 0))])


def _text(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(BytesIO(pdf)).pages).split())


def test_a_member_from_another_school_speaks_and_is_printed_with_the_school(district: Env) -> None:
    s = district.s
    names = _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", True)]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-03")))
    stored = s.meetings.get(COMMAND_LINE, SCHOOL, saved.id)
    item = stored.agenda[0]
    # kept as a reference, with the name as it was when saved
    assert item.heard[0].speaker == GuestSpeaker(OTHER, "t-02", names["t-02"])
    assert item.spoke[0].speaker == GuestSpeaker(OTHER, "t-03", names["t-03"])
    assert stored.present_count == 3  # the vote of 3 counts them: t-01 and both from school-8
    for language, present, school in (("ru", "Присутствовали: 3 человека: Әбенова Г. С.; из других школ — 2",
                                       "Школа № 8"),
                                      ("kk", "Қатысқандар: 3 адам: Әбенова Г. С.; басқа мектептерден — 2",
                                       "№ 8 мектеп")):
        pdf = s.documents.protocol(district.actor("viewer"), SCHOOL, saved.id, language).data
        text = _text(pdf)
        assert present in text, text
        heard = "ТЫҢДАЛДЫ:" if language == "kk" else "СЛУШАЛИ:"
        assert f"{heard} {names['t-02']} ({school}) — О межшкольном семинаре" in text
        assert f"{names['t-03']} ({school}) — Поддерживаю" in text
        if district.backend == "sqlite":  # `metodsovet protocol`'s quick way prints the same bytes
            with QuickPrints.open(str(district.path)) as quick:  # type: ignore[union-attr]
                assert quick.protocol(district.actor("viewer"), SCHOOL, saved.id, language) == \
                    s.documents.protocol(district.actor("viewer"), SCHOOL, saved.id, language)
    # the exchange format carries the speaker (optional keys of version 2); import → export holds
    exported = s.exchange.export_document(COMMAND_LINE, SCHOOL)
    meeting = next(m for m in exported["meetings"] if m["id"] == saved.id)
    assert meeting["agenda"][0]["heard"][0]["speaker"] == {"name": names["t-02"], "position": None,
                                                          "school": OTHER, "teacher": "t-02"}
    s.exchange.import_document(COMMAND_LINE, json.dumps(exported, ensure_ascii=False), replace=True)
    assert s.exchange.export_document(COMMAND_LINE, SCHOOL)["meetings"] == exported["meetings"]
    assert s.meetings.get(COMMAND_LINE, SCHOOL, saved.id).agenda == stored.agenda


def _refused_in_each_language(district: Env, meeting: Meeting, field: str, name: str,
                              words: dict[str, tuple[str, ...]]) -> None:
    """``meeting`` is refused at ``field`` in the user's language, naming the member (``name``, not
    the id t-02) with ``words`` of each language."""
    for language, expected in words.items():
        i18n.set_language(language)  # the user's language: the school's name too
        try:
            error = district.refused(lambda: district.s.meetings.save(COMMAND_LINE, SCHOOL, meeting),
                                     Rule.MEETING_ATTENDANCE, None, field)
            text = error.render(i18n.gettext_for(language))
        finally:
            i18n.set_language("ru")
        assert name in text and "t-02" not in text, text
        assert all(word in text for word in expected), (expected, text)


def test_a_speaker_from_another_school_marked_absent_is_refused_by_name(district: Env) -> None:
    s = district.s
    names = _join(s)
    marks = [GuestAttendance(OTHER, "t-02", False, "курсы"), GuestAttendance(OTHER, "t-03", True)]
    meeting = _meeting(marks, GuestSpeaker(OTHER, "t-03"), GuestSpeaker(OTHER, "t-02"))
    _refused_in_each_language(district, meeting, "agenda.1.spoke", names["t-02"], {
        "ru": ("Школа № 8", "отмечен(а) как отсутствующий(ая)", "п. 21", "«ВЫСТУПИЛИ»"),
        "kk": ("№ 8 мектеп", "қатыспады деп белгіленген", "п. 21", "«СӨЙЛЕДІ»")})
    # not a member from another school on the meeting's date: refused too, naming them
    stranger = _meeting(marks[1:], GuestSpeaker(OTHER, "t-03"), GuestSpeaker(OTHER, "t-04"))
    error = district.refused(lambda: s.meetings.save(COMMAND_LINE, SCHOOL, stranger),
                             Rule.MEETING_ATTENDANCE, None, "agenda.1.spoke")
    teacher = s.teachers.get(COMMAND_LINE, OTHER, "t-04").full_name
    assert teacher in error.render() and "Школа № 8" in error.render()


def test_a_refusal_names_an_unknown_teacher_and_school_in_words(district: Env) -> None:
    s = district.s
    _join(s)
    base = _meeting([GuestAttendance(OTHER, "t-02", True)], GuestSpeaker(OTHER, "t-02"), GuestSpeaker(OTHER, "t-02"))
    teacher = s.teachers.get(COMMAND_LINE, OTHER, "t-05").full_name  # in the database, not a member
    error = district.refused(lambda: s.meetings.save(COMMAND_LINE, SCHOOL, replace(
        base, guest_attendance=[GuestAttendance(OTHER, "t-05", True)])), Rule.REFERENCE, None, "guest_attendance")
    assert teacher in error.render() and "Школа № 8" in error.render() and "t-05" not in error.render()
    for language, words in (("ru", ("Учитель, которого больше нет в базе данных", "из другой школы")),
                            ("kk", ("Дерекқорда енді жоқ мұғалім", "басқа мектептен"))):
        error = district.refused(lambda: s.meetings.save(COMMAND_LINE, SCHOOL, replace(
            base, guest_attendance=[GuestAttendance("school-99", "t-99", True)])), Rule.REFERENCE, None,
            "guest_attendance")
        text = error.render(i18n.gettext_for(language))
        assert all(word in text for word in words) and "t-99" not in text and "school-99" not in text, text


def test_the_association_dialogs_refusals_name_the_teacher(district: Env) -> None:
    s = district.s
    own = s.teachers.get(COMMAND_LINE, SCHOOL, "t-02").full_name
    error = district.refused(lambda: s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", SCHOOL, "t-02"),
                             Rule.VALUE, "mo-inter-26", "guest_members")
    assert own in error.render() and "t-02" not in error.render()
    other = s.teachers.get(COMMAND_LINE, OTHER, "t-09").full_name
    error = district.refused(lambda: s.guest_members.remove(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-09"),
                             Rule.REFERENCE, "mo-inter-26", "guest_members")
    assert other in error.render() and "t-09" not in error.render()
    error = district.refused(lambda: s.guest_members.remove(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-99"),
                             Rule.REFERENCE, "mo-inter-26", "guest_members")
    assert "Дерекқорда енді жоқ мұғалім" in error.render(i18n.gettext_for("kk")) and "t-99" not in error.render()


def test_the_marks_are_in_the_snapshot_and_the_check_code(district: Env) -> None:
    s = district.s
    names = _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", True)]
    meeting = _meeting(marks, GuestSpeaker(OTHER, "t-02"), GuestSpeaker(OTHER, "t-02"))
    meeting.agenda[0].vote = None  # only the mark changes below
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, meeting)
    before = meeting_check(s.meetings.get(COMMAND_LINE, SCHOOL, saved.id))
    changed = replace(s.meetings.get(COMMAND_LINE, SCHOOL, saved.id),
                      guest_attendance=[marks[0], GuestAttendance(OTHER, "t-03", False, "болеет")])
    s.meetings.save(COMMAND_LINE, SCHOOL, changed)
    after = s.meetings.get(COMMAND_LINE, SCHOOL, saved.id)
    assert meeting_check(after).code != before.code  # a changed mark changes the printed code
    printed = s.documents.protocol(district.actor("viewer"), SCHOOL, saved.id, "ru")
    assert [v.check for v in s.documents.verify(COMMAND_LINE, printed.check.code)] == [printed.check]
    s.meetings.set_status(COMMAND_LINE, SCHOOL, saved.id, MeetingStatus.FINALIZED)
    s.meetings.new_version(COMMAND_LINE, SCHOOL, saved.id, "Исправлена отметка")
    _kept, old = s.meetings.version(COMMAND_LINE, SCHOOL, saved.id, 1)
    assert old.guest_attendance == after.guest_attendance  # the history shows the marks as they were
    assert [g.name for g in old.guest_attendance] == [names["t-02"], names["t-03"]]  # with the names kept
    assert old.agenda == after.agenda
    # a snapshot made before marks were kept reads as before, with none
    older = dump_meeting(replace(after, guest_attendance=[]))
    assert "guest_attendance" not in older and parse_meeting(older).guest_attendance == []


def test_a_document_whose_speaker_from_another_school_is_marked_absent_is_refused(district: Env) -> None:
    s = district.s
    _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", True)]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-03")))
    exported = s.exchange.export_document(COMMAND_LINE, SCHOOL)
    (index,) = [i for i, m in enumerate(exported["meetings"]) if m["id"] == saved.id]
    meeting = exported["meetings"][index]
    meeting["guest_attendance"][1] = {"school": OTHER, "teacher": "t-03", "present": False, "reason": "болеет"}
    meeting["agenda"][0]["vote"]["for"] = 2
    with pytest.raises(ExchangeError) as caught:
        s.exchange.import_document(COMMAND_LINE, json.dumps(exported, ensure_ascii=False), replace=True)
    assert f"meetings[{index}].agenda[0].spoke[0].speaker" in str(caught.value)
    assert s.meetings.get(COMMAND_LINE, SCHOOL, saved.id).guest_attendance == marks  # nothing imported


def test_a_speaker_from_another_school_with_no_mark_is_refused(district: Env) -> None:
    """As for the school's own members (rule 4): one who speaks is marked present, else the protocol
    names a speaker that «Присутствовали» and the vote leave out."""
    s = district.s
    names = _join(s)
    unmarked = _meeting([GuestAttendance(OTHER, "t-03", True)], GuestSpeaker(OTHER, "t-02"),
                        GuestSpeaker(OTHER, "t-03"))
    _refused_in_each_language(district, unmarked, "agenda.1.heard", names["t-02"], {
        "ru": ("Школа № 8", "не отмечен(а) как присутствующий(ая)", "п. 21", "«СЛУШАЛИ»"),
        "kk": ("№ 8 мектеп", "қатысты деп белгіленбеген", "п. 21", "«ТЫҢДАЛДЫ»")})
    # nor from an exchange document (version 2) that names the speaker but has no mark for them
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", True)]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-03")))
    exported = s.exchange.export_document(COMMAND_LINE, SCHOOL)
    (index,) = [i for i, m in enumerate(exported["meetings"]) if m["id"] == saved.id]
    del exported["meetings"][index]["guest_attendance"]
    exported["meetings"][index]["agenda"][0]["vote"]["for"] = 1
    with pytest.raises(ExchangeError) as caught:
        s.exchange.import_document(COMMAND_LINE, json.dumps(exported, ensure_ascii=False), replace=True)
    assert f"meetings[{index}].agenda[0].heard[0].speaker" in str(caught.value)
    assert s.meetings.get(COMMAND_LINE, SCHOOL, saved.id).guest_attendance == marks  # nothing imported


def test_a_code_printed_before_the_marks_were_covered_still_verifies(district: Env) -> None:
    """Builds before 0019 printed a protocol with marks of members from other schools under a code
    that did not cover them; `verify` of such a paper still finds its meeting (and its extract and
    register), as of the record now."""
    from desktop_app.documents.verification import verification
    from desktop_app.services.documents import extract_check, register_check

    s = district.s
    _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", False, "болеет")]
    meeting = _meeting(marks, GuestSpeaker(OTHER, "t-02"), GuestSpeaker(OTHER, "t-02"))
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, meeting)
    stored = s.meetings.get(COMMAND_LINE, SCHOOL, saved.id)
    # the code as the 0017 build made it: the exchange's meeting without the key it did not write
    old = dump_meeting(stored)
    del old["guest_attendance"]
    printed = verification("protocol", stored.id, stored.version, old)
    assert printed.code != meeting_check(stored).code
    found = s.documents.verify(COMMAND_LINE, printed.code)
    assert [(v.school, v.check.kind, v.check.record) for v in found] == [(SCHOOL, "protocol", stored.id)]
    unmarked = replace(stored, guest_attendance=[])
    extract = extract_check(unmarked, 1)
    assert [v.check.kind for v in s.documents.verify(COMMAND_LINE, extract.code)] == ["extract"]
    with s.db.transaction() as store:
        records = store.load_records(SCHOOL)
    records = replace(records, meetings=[replace(m, guest_attendance=[]) for m in records.meetings])
    register = register_check(records, next(b for b in records.associations if b.id == "mo-inter-26"))
    assert [v.check.kind for v in s.documents.verify(COMMAND_LINE, register.code)] == ["register"]
    # today's codes as before, and a meeting without marks has no second code
    assert [v.check for v in s.documents.verify(COMMAND_LINE, meeting_check(stored).code)] == [meeting_check(stored)]


def test_a_code_printed_before_the_marks_kept_names_still_verifies(district: Env) -> None:
    """Builds before 0020 printed a protocol whose marks had no names; the marks have them now (at
    the next save, or from migration 0020): `verify` of such a paper still finds its meeting."""
    from desktop_app.documents.verification import verification

    s = district.s
    _join(s)
    marks = [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-03", False, "болеет")]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _meeting(marks, GuestSpeaker(OTHER, "t-02"),
                                                           GuestSpeaker(OTHER, "t-02")))
    stored = s.meetings.get(COMMAND_LINE, SCHOOL, saved.id)
    assert all(g.name for g in stored.guest_attendance)  # named at the save
    old = dump_meeting(replace(stored, guest_attendance=[replace(g, name="") for g in stored.guest_attendance]))
    assert all("name" not in g for g in old["guest_attendance"])  # as the 0019 build wrote them
    printed = verification("protocol", stored.id, stored.version, old)
    assert printed.code != meeting_check(stored).code
    found = s.documents.verify(COMMAND_LINE, printed.code)
    assert [(v.school, v.check.kind, v.check.record) for v in found] == [(SCHOOL, "protocol", stored.id)]
