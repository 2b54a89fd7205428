"""A school with long texts, to print every document at its worst (issue 16).

30 agenda items, 40 attendees, a 200-row KTP with long section names and objectives, every
Kazakh letter and the XML-special characters in free text. Built from the sample school, so
every reference the builders look up exists.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from desktop_app.domain.entities import (
    AgendaItem,
    Approval,
    Attendance,
    ItemLink,
    ItemMark,
    ItemState,
    LessonVisit,
    LocalizedText,
    Material,
    MaterialKind,
    MaterialStatus,
    MeetingStatus,
    Observation,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
    Person,
    PlanRow,
    Review,
    ReviewOutcome,
    SchoolRecords,
    Speech,
    Teacher,
    VisitKind,
    Vote,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.event_records import Event, EventForm, EventStatus, Guest
from desktop_app.services.exchange import parse_document
from tests.shared_files import SAMPLE

KAZAKH = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"
MARKUP = 'Итоги <b>СОР</b> & "СОЧ" \'8\' < > &amp;'
SURNAMES = ("Тілеубердиева", "Құдайбергенова", "Өтепбергенова", "Ғабдуллина", "Шәріпова", "Ысқақова",
            "Нұрмағамбетова", "Үмбетәлиева")
SECTION = "Компьютерная графика и информационно-коммуникационные технологии: {n}-бөлім — ақпараттық жүйелер"
OBJECTIVE = "7.{a}.{b}.{c} – түсіну және қолдану: алгоритмдерді құрастыру және орындау (ӘҒҚҢӨҰҮҺІ)"
SPEECH = ("Математика пәнінен тоқсандық жиынтық бағалау нәтижелері талданды; оқушылардың білім сапасы "
          "өткен тоқсанмен салыстырғанда өсті, бірақ геометрия бөлімінде қиындықтар бар. ")


def long_records() -> SchoolRecords:
    records = parse_document(SAMPLE.read_bytes())
    teachers = list(records.teachers)
    extra = [Teacher(f"l-{n:02d}", SURNAMES[n % len(SURNAMES)], "Әйгерім", "Ғалымжанқызы",
                     position=LocalizedText(kk="математика пәнінің мұғалімі", ru="учитель математики"))
             for n in range(40)]
    meeting = next(m for m in records.meetings if m.id == "m-math-26-1")
    items = [AgendaItem(i, f"{MARKUP} — {KAZAKH}: күн тәртібінің ұзақ тақырыбы № {i} туралы мәселе",
                        [f"{i}.{k}. Ұсынылсын: {KAZAKH} бойынша жұмыс жоспары бекітілсін, мерзімі 20__ г."
                         for k in range(1, 4)],
                        heard=[Speech("l-00", SPEECH * 3)], spoke=[Speech("l-01", SPEECH)],
                        vote=Vote(40, 0, 0)) for i in range(1, 31)]
    big_meeting = replace(meeting, id="m-long", attendance=[Attendance(t.id, True) for t in extra],
                          agenda=items, chair="l-00", secretary="l-01", status=MeetingStatus.FINALIZED,
                          place=f"{MARKUP} {KAZAKH}")
    plan = records.plans[0]
    day = date(2026, 9, 1)
    rows = [PlanRow(n, f"Сабақ тақырыбы {n}: {KAZAKH} {MARKUP}", 1, term=1 + (n - 1) * 4 // 200,
                    section=SECTION.format(n=1 + n // 25),
                    objectives=[OBJECTIVE.format(a=n % 4 + 1, b=1, c=n % 3 + 1),
                                OBJECTIVE.format(a=n % 4 + 1, b=2, c=n % 5 + 1)],
                    date=day + timedelta(days=n), note="БЖБ / СОР" if n % 10 == 0 else None)
            for n in range(1, 201)]
    big_plan = replace(plan, id="ktp-long", rows=rows, hours_per_week=6)
    body = next(a for a in records.associations if a.id == "mo-math-26")
    work = WorkPlan([WorkPlanItem(f"2026-{9 + n % 4:02d}", f"{MARKUP} {KAZAKH} тақырып {n}",
                                  WorkPlanForm.MEETING, ["t-01", "l-02"], _mark(n)) for n in range(30)])
    big_body = replace(body, id="mo-long", work_plan=work)
    mentorship = records.mentorships[0]
    empty_mentorship = replace(mentorship, id="ment-empty", plan=[], sessions=[], conclusion=None)
    visit = LessonVisit("v-long", VisitKind.MUTUAL_VISIT, "l-03", "informatics", date(2026, 11, 18),
                        f"{MARKUP} {KAZAKH}", "7А", "mo-math-26",
                        [Observation("l-04", SPEECH * 2, SPEECH), Observation("l-05", None, MARKUP)])
    meetings = [*records.meetings, *[replace(big_meeting, id=f"m-long-{n}", number=n + 3, body="mo-long")
                                     for n in range(25)], big_meeting]
    return replace(records, teachers=[*teachers, *extra], meetings=meetings, plans=[*records.plans, big_plan],
                   associations=[*records.associations, big_body],
                   mentorships=[*records.mentorships, empty_mentorship],
                   materials=_materials(), olympiad_results=_olympiads(),
                   lesson_visits=[*records.lesson_visits, visit,
                                  *[replace(visit, id=f"v-long-{n}", date=date(2026, 11, 1 + n % 20))
                                    for n in range(30)]])


TOPIC = f"{MARKUP} — {KAZAKH}: функционалдық сауаттылықты дамытудың ұзақ тақырыбы, PISA тапсырмалары"


def _mark(n: int) -> ItemMark | None:
    """Held by a meeting, a lesson visit or an event; moved; cancelled; or not yet marked."""
    day = date(2026, 11, 27)
    link = (ItemLink("meeting", "m-long"), ItemLink("lesson_visit", "v-long"), ItemLink("event", "e-long-1"))
    if n % 5 < 3:
        return ItemMark(ItemState.HELD, day, link[n % 5])
    if n % 5 == 3:
        return ItemMark(ItemState.MOVED, day, month="2027-02", reason=f"{MARKUP} {KAZAKH} аттестация")
    return ItemMark(ItemState.CANCELLED, day, reason=SPEECH) if n % 10 == 4 else None


def _materials() -> list[Material]:
    """Long titles, many authors (staff and invited), every state a title page prints."""
    authors: list[str | Person] = [f"l-{n:02d}" for n in range(12)]
    authors += [Person(f"{SURNAMES[n]} Ә. Ғ.", f"{KAZAKH} әдіскер & <кеңесші>") for n in range(4)]
    title = LocalizedText(f"{TOPIC}: элективті курс бағдарламасы, 7–9-сыныптар",
                          f"{MARKUP}: программа элективного курса «{KAZAKH}» для 7–9 классов, очень длинное название")
    review = Review("m-long", 1, ReviewOutcome.RECOMMENDED)
    return [
        Material(f"mat-long-{n}", kind, title, "mo-long", "2026-2027", authors,
                 MaterialStatus.APPROVED if n % 2 == 0 else MaterialStatus.DRAFT,
                 review if n % 2 == 0 else None, Approval("t-dir", date(2026, 12, 1)) if n % 2 == 0 else None,
                 n == 2)
        for n, kind in enumerate([*MaterialKind, *MaterialKind, *MaterialKind])]


def _olympiads() -> list[OlympiadResult]:
    levels, kinds, outcomes = list(OlympiadLevel), list(OlympiadKind), list(OlympiadOutcome)
    return [OlympiadResult(f"ol-long-{n}", "2026-2027", f"{SURNAMES[n % 8]} Әйгерім Ғалымжанқызы & <{n}>",
                           f"{7 + n % 5}Ә", "math", f"l-{n % 40:02d}", levels[n % 6], kinds[n % 3], outcomes[n % 4],
                           1 + n % 3 if outcomes[n % 4] is OlympiadOutcome.PRIZE else None,
                           f"II кезең {KAZAKH}", f"{MARKUP} олимпиадасы", date(2026, 11, 1 + n % 28))
            for n in range(60)]


def _status(n: int) -> EventStatus:
    return EventStatus.HELD if n <= 2 else EventStatus.CANCELLED if n % 7 == 0 else EventStatus.PLANNED


def long_events() -> list[Event]:
    """Events of the long school: 40 staff and 15 guests, long topics, held and planned."""
    staff = [f"l-{n:02d}" for n in range(40)]
    guests = [Guest(f"{SURNAMES[n % 8]} Ә. Ғ.", f"№ {n} {KAZAKH} мектеп-гимназиясы & <лицей>") for n in range(15)]
    forms = list(EventForm)
    return [Event(f"e-long-{n}", "2026-2027", n, forms[n % len(forms)],
                  LocalizedText(f"{TOPIC} {n}", f"{MARKUP} {KAZAKH}: развитие функциональной грамотности {n}"),
                  date(2026, 10, 1) + timedelta(days=3 * n),
                  date(2026, 10, 2) + timedelta(days=3 * n) if n % 3 else None,
                  f"{MARKUP} {KAZAKH} мәжіліс залы", "mo-long" if n % 2 else None, ["l-00"], staff, guests,
                  outcome=SPEECH, status=_status(n))
            for n in range(1, 31)]
