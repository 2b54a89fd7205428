"""Members of an inter-school association from another school of the district database (п. 21): a
reference to that school's teacher, never a copy; added by the district's administrator only."""

from __future__ import annotations

import json
from dataclasses import replace
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop_app.domain.accounts import COMMAND_LINE, Actor, Role
from desktop_app.domain.entities import AgendaItem, Attendance, GuestAttendance, Language, Meeting
from desktop_app.domain.errors import Rule
from desktop_app.services import Services
from desktop_app.services.printed import QuickPrints
from desktop_app.storage import models as m
from tests.services.conftest import SCHOOL, Env, d
from tests.shared_files import SAMPLE

OTHER = "school-8"
DISTRICT_ADMIN = Actor("rono", Role.ADMINISTRATOR)
DISTRICT_VIEWER = Actor("rayon", Role.VIEWER)


@pytest.fixture
def district(env: Env) -> Env:
    """school-7 with an inter-school association, and school-8 (the sample under another id)."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["school"]["id"] = OTHER
    document["school"]["short_name"] = {"kk": "№ 8 мектеп", "ru": "Школа № 8"}
    env.s.exchange.import_document(COMMAND_LINE, json.dumps(document, ensure_ascii=False))
    with env.s.db.transaction(write=True) as store:
        store.session.add(m.AssociationRow(school_id=SCHOOL, id="mo-inter-26", seq=99, kind="inter_school",
                                           name_ru="Межшкольное МО", name_kk="Мектепаралық ӘБ",
                                           academic_year_id="2026-2027", head_id="t-01", has_work_plan=False))
        store.session.flush()
        store.session.add(m.MembershipRow(school_id=SCHOOL, association_id="mo-inter-26", position=0,
                                          teacher_id="t-01", since=d("2026-09-01"), until=None))
    return env


def test_a_teacher_of_another_school_joins_without_a_copy(district: Env) -> None:
    teachers_before = district.sql("SELECT count(*) FROM teachers")
    candidates = district.s.guest_members.candidates(DISTRICT_ADMIN, SCHOOL)
    assert candidates and {c.school for c in candidates} == {OTHER}
    assert all(c.name and c.school_name == "Школа № 8" for c in candidates)
    added = district.s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-02", since=d("2026-09-01"))
    assert added.name == candidates[[c.teacher for c in candidates].index("t-02")].name
    assert district.sql("SELECT count(*) FROM teachers") == teachers_before  # nothing copied
    # the school's own people read it, with the member's name and school
    for actor in (district.actor("head"), district.actor("viewer"), DISTRICT_VIEWER):
        guests = district.s.guest_members.list(actor, SCHOOL, "mo-inter-26")
        assert [(g.school, g.teacher, g.school_name, g.since) for g in guests] == \
            [(OTHER, "t-02", "Школа № 8", d("2026-09-01"))]
    # school-8's file imported again over it (--replace deletes that school first): kept
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["school"]["id"] = OTHER
    district.s.exchange.import_document(COMMAND_LINE, json.dumps(document, ensure_ascii=False), replace=True)
    assert [g.teacher for g in district.s.guest_members.list(DISTRICT_VIEWER, SCHOOL, "mo-inter-26")] == ["t-02"]
    # and the association's own school replaced from an exchange file that has the association: kept too
    exported = district.s.exchange.export_document(COMMAND_LINE, SCHOOL)
    district.s.exchange.import_document(COMMAND_LINE, json.dumps(exported, ensure_ascii=False), replace=True)
    assert [g.teacher for g in district.s.guest_members.list(DISTRICT_VIEWER, SCHOOL, "mo-inter-26")] == ["t-02"]
    district.s.guest_members.remove(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-02")
    assert district.s.guest_members.list(DISTRICT_VIEWER, SCHOOL, "mo-inter-26") == []


def test_refusals(district: Env) -> None:
    s = district.s
    district.s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-03")
    error = district.refused(lambda: s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-math-26", OTHER, "t-02"),
                             Rule.ASSOCIATION_COMPOSITION, "mo-math-26", "guest_members")
    assert "п. 21" in error.render()
    district.refused(lambda: s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", SCHOOL, "t-02"),
                     Rule.VALUE, "mo-inter-26", "guest_members")
    district.refused(lambda: s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-03"),
                     Rule.UNIQUE_ID, "mo-inter-26", "guest_members")
    district.refused(lambda: s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-nobody"),
                     Rule.REFERENCE, "t-nobody", check_field=False)
    district.refused(lambda: s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-04",
                                                 since=d("2026-10-01"), until=d("2026-09-01")),
                     Rule.VALUE, "mo-inter-26", "until")
    # the school's administrator and the district viewer may not: neither sees the other school's staff
    # or changes anything
    for actor in (district.actor("admin"), district.actor("head"), DISTRICT_VIEWER):
        district.denied(lambda a=actor: s.guest_members.add(a, SCHOOL, "mo-inter-26", OTHER, "t-04"))
        district.denied(lambda a=actor: s.guest_members.remove(a, SCHOOL, "mo-inter-26", OTHER, "t-03"))
        district.denied(lambda a=actor: s.guest_members.candidates(a, SCHOOL))
    district.refused(lambda: s.guest_members.remove(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-09"),
                     Rule.REFERENCE, "mo-inter-26", "guest_members")


def test_the_protocol_names_them_with_their_school(district: Env) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    s = district.s
    s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-02", since=d("2026-09-01"))
    s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-03", since=d("2026-12-01"))  # later
    with s.db.transaction(write=True) as store:
        store.session.add(m.MeetingRow(school_id=SCHOOL, id="m-inter-1", seq=99, body_id="mo-inter-26", number=1,
                                       date=d("2026-11-10"), language="ru", chair_id="t-01", secretary_id="t-01",
                                       status="held", form="meeting", version=1))
    name = next(g.name for g in s.guest_members.list(DISTRICT_VIEWER, SCHOOL, "mo-inter-26") if g.teacher == "t-02")
    for language, label, school in (("ru", "Члены из других школ:", "Школа № 8"),
                                    ("kk", "Басқа мектептердің мүшелері:", "№ 8 мектеп")):
        pdf = s.documents.protocol(district.actor("viewer"), SCHOOL, "m-inter-1", language).data
        text = " ".join((page.extract_text() or "") for page in PdfReader(BytesIO(pdf)).pages)
        text = " ".join(text.split())
        assert label in text and f"{name} ({school})" in text
        assert text.count(f"({school})") == 1  # the member who joined after the meeting is not named
        if district.backend == "sqlite":  # `metodsovet protocol`'s quick way prints the same bytes
            from desktop_app.services.printed import QuickPrints

            with QuickPrints.open(str(district.path)) as quick:  # type: ignore[union-attr]
                assert quick.protocol(district.actor("viewer"), SCHOOL, "m-inter-1", language) == \
                    s.documents.protocol(district.actor("viewer"), SCHOOL, "m-inter-1", language)


def _inter_meeting(s: Services, marks: list[GuestAttendance]) -> Meeting:
    """A protocol of the inter-school association with t-01 present and ``marks`` for the others."""
    return Meeting("", "mo-inter-26", 1, d("2026-11-10"), Language.RU, "t-01", "t-01",
                   attendance=[Attendance("t-01", True)], guest_attendance=marks,
                   agenda=[AgendaItem(1, "О плане работы", decisions=["Утвердить план"])])


def test_a_meeting_marks_its_members_from_other_schools_present_or_absent(district: Env) -> None:
    s = district.s
    s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-02", since=d("2026-09-01"))
    s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-03", since=d("2026-09-01"))
    s.guest_members.add(DISTRICT_ADMIN, SCHOOL, "mo-inter-26", OTHER, "t-04", since=d("2026-12-01"))  # later
    marks = [GuestAttendance(OTHER, "t-02", False, "курсы"), GuestAttendance(OTHER, "t-03", True)]
    saved = s.meetings.save(COMMAND_LINE, SCHOOL, _inter_meeting(s, marks))
    again = s.meetings.get(COMMAND_LINE, SCHOOL, saved.id)
    assert again.guest_attendance == marks and again.present_count == 2  # t-01 and t-03 (they vote too)
    names = {g.teacher: g.name for g in s.guest_members.list(DISTRICT_VIEWER, SCHOOL, "mo-inter-26")}
    assert [g.name for g in again.guest_attendance] == [names["t-02"], names["t-03"]]  # kept as they are now
    # only the association's members from other schools on the meeting's date, each once (п. 21)
    for wrong in ([GuestAttendance(OTHER, "t-04", True)], [GuestAttendance(SCHOOL, "t-02", True)],
                  [GuestAttendance(OTHER, "t-02", True), GuestAttendance(OTHER, "t-02", False)]):
        error = district.refused(lambda w=wrong: s.meetings.save(COMMAND_LINE, SCHOOL,
                                                                 replace(again, guest_attendance=w)),
                                 Rule.UNIQUE_ID if len(wrong) == 2 else Rule.REFERENCE, saved.id, "guest_attendance")
        assert len(wrong) == 2 or "п. 21" in error.render()
    # in the exchange file as version 2's optional key (the votes count them: an export must import
    # again), and kept when the school is replaced from its file
    exported = s.exchange.export_document(COMMAND_LINE, SCHOOL)
    assert next(m for m in exported["meetings"] if m["id"] == saved.id)["guest_attendance"] == [
        {"school": OTHER, "teacher": "t-02", "present": False, "reason": "курсы", "name": names["t-02"]},
        {"school": OTHER, "teacher": "t-03", "present": True, "reason": None, "name": names["t-03"]}]
    assert sum("guest_attendance" in m for m in exported["meetings"]) == 1  # only where there are marks
    s.exchange.import_document(COMMAND_LINE, json.dumps(exported, ensure_ascii=False), replace=True)
    assert s.meetings.get(COMMAND_LINE, SCHOOL, saved.id).guest_attendance == marks
    for language, present, absent, school in (
            ("ru", "Присутствовали из других школ:", "Отсутствовали из других школ:", "Школа № 8"),
            ("kk", "Басқа мектептерден қатысқандар:", "Басқа мектептерден қатыспағандар:", "№ 8 мектеп")):
        pdf = s.documents.protocol(district.actor("viewer"), SCHOOL, saved.id, language).data
        text = " ".join(" ".join((page.extract_text() or "") for page in PdfReader(BytesIO(pdf)).pages).split())
        assert f"{present} {names['t-03']} ({school})" in text
        assert f"{absent} {names['t-02']} ({school}) — курсы" in text
        assert names["t-04"] not in text and "Члены из других школ:" not in text  # every member on the day marked
        if district.backend == "sqlite":  # `metodsovet protocol`'s quick way prints the same bytes
            with QuickPrints.open(str(district.path)) as quick:  # type: ignore[union-attr]
                assert quick.protocol(district.actor("viewer"), SCHOOL, saved.id, language) == \
                    s.documents.protocol(district.actor("viewer"), SCHOOL, saved.id, language)
