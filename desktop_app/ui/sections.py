"""The main window's sections: what each shows, which changes reload it, and whom it is shown to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.i18n import N_
from desktop_app.ui.operations import EVERYTHING, Change
from desktop_app.ui.session import Session
from desktop_app.ui.views.analysis import AnalysisView
from desktop_app.ui.views.associations import AssociationsView
from desktop_app.ui.views.district import DistrictView
from desktop_app.ui.views.documents import DocumentsView
from desktop_app.ui.views.events import EventsView
from desktop_app.ui.views.materials import MaterialsView
from desktop_app.ui.views.meetings import MeetingsView
from desktop_app.ui.views.mentoring import MentoringView
from desktop_app.ui.views.olympiads import OlympiadsView
from desktop_app.ui.views.overview import OverviewView
from desktop_app.ui.views.plans import PlansView
from desktop_app.ui.views.settings import SettingsView
from desktop_app.ui.views.staff_records import StaffRecordsView
from desktop_app.ui.views.teachers import TeachersView
from desktop_app.ui.views.visits import VisitsView
from desktop_app.ui.widgets.view import View


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # msgid
    build: Callable[[Session], View]
    #: The kinds of records it shows: an operation that changed one of them makes it reload.
    shows: frozenset[Change] = EVERYTHING
    #: Whom it is shown to (None: everyone); a hidden section keeps its row.
    shown_to: Callable[[Session], bool] | None = None


_PEOPLE = frozenset({Change.SCHOOL, Change.YEARS, Change.TEACHERS, Change.SUBJECTS, Change.ASSOCIATIONS})


SECTIONS = (
    Section("overview", N_("Overview"), OverviewView),
    Section("associations", N_("Associations"), AssociationsView, _PEOPLE),
    Section("meetings", N_("Meetings"), MeetingsView, _PEOPLE | {Change.MEETINGS, Change.PLANS, Change.VISITS}),
    Section("plans", N_("Calendar-thematic plans"), PlansView, _PEOPLE | {Change.PLANS, Change.MEETINGS}),
    Section("mentoring", N_("Mentoring"), MentoringView, _PEOPLE | {Change.MENTORING}),
    Section("visits", N_("Lesson visits"), VisitsView, _PEOPLE | {Change.VISITS}),
    Section("materials", N_("Methodical materials"), MaterialsView, _PEOPLE | {Change.MATERIALS, Change.MEETINGS}),
    Section("events", N_("Events"), EventsView, _PEOPLE | {Change.EVENTS}),
    Section("olympiads", N_("Olympiads and contests"), OlympiadsView, _PEOPLE | {Change.OLYMPIADS}),
    Section("analysis", N_("Annual analysis"), AnalysisView),
    Section("teachers", N_("Teachers"), TeachersView, _PEOPLE | {Change.MENTORING}),
    Section("staff_records", N_("Attestation and courses"), StaffRecordsView,
            _PEOPLE | {Change.STAFF_RECORDS, Change.MEETINGS}),
    Section("documents", N_("Documents"), DocumentsView),
    Section("settings", N_("Settings"), SettingsView, _PEOPLE | {Change.ACCOUNTS, Change.BACKUPS}),
    Section("district", N_("District"), DistrictView, shown_to=DistrictView.available),
)
