"""Display names (msgids) of the domain's enumerations: the glossary's terms, translated where shown."""

from __future__ import annotations

from desktop_app.domain.entities import (
    AssociationKind,
    Category,
    MaterialKind,
    MaterialStatus,
    MeetingForm,
    MeetingStatus,
    MentorshipStatus,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    PlanStatus,
    ReviewOutcome,
    VisitKind,
    WorkPlanForm,
)
from desktop_app.domain.errors import N_
from desktop_app.domain.event_records import EventForm, EventStatus

CATEGORY_LABELS = {
    Category.NONE: N_("no category"),
    Category.PEDAGOG: N_("pedagog"),
    Category.MODERATOR: N_("pedagog-moderator"),
    Category.EXPERT: N_("pedagog-expert"),
    Category.RESEARCHER: N_("pedagog-researcher"),
    Category.MASTER: N_("pedagog-master"),
}

KIND_LABELS = {
    AssociationKind.SUBJECT: N_("subject association"),
    AssociationKind.PRIMARY: N_("primary classes association"),
    AssociationKind.CLASS_TEACHERS: N_("class teachers association"),
    AssociationKind.PRESCHOOL: N_("pre-school association"),
    AssociationKind.BOARDING: N_("boarding association"),
    AssociationKind.INTER_SCHOOL: N_("inter-school association"),
    AssociationKind.DIRECTION: N_("association by direction"),
    AssociationKind.COUNCIL: N_("methodical council"),
}

PLAN_STATUS_LABELS = {
    PlanStatus.DRAFT: N_("draft"),
    PlanStatus.SUBMITTED: N_("submitted"),
    PlanStatus.RETURNED: N_("returned for revision"),
    PlanStatus.RECOMMENDED: N_("recommended"),
    PlanStatus.AGREED: N_("agreed"),
    PlanStatus.APPROVED: N_("approved"),
}

MEETING_STATUS_LABELS = {
    MeetingStatus.DRAFT: N_("draft"),
    MeetingStatus.HELD: N_("held"),
    MeetingStatus.FINALIZED: N_("finalized"),
}

MENTORSHIP_STATUS_LABELS = {
    MentorshipStatus.ACTIVE: N_("active"),
    MentorshipStatus.COMPLETED: N_("completed"),
    MentorshipStatus.CANCELLED: N_("cancelled"),
}

VISIT_KIND_LABELS = {
    VisitKind.OPEN_LESSON: N_("open lesson"),
    VisitKind.MASTER_CLASS: N_("master class"),
    VisitKind.LESSON_STUDY: N_("Lesson Study"),
    VisitKind.MUTUAL_VISIT: N_("mutual lesson visit"),
}

REVIEW_OUTCOME_LABELS = {
    ReviewOutcome.RECOMMENDED: N_("recommended"),
    ReviewOutcome.RETURNED: N_("returned for revision"),
}

#: Forms of the items of an association's annual work plan (п. 28).
WORK_PLAN_FORM_LABELS = {
    WorkPlanForm.MEETING: N_("meeting"),
    WorkPlanForm.SEMINAR: N_("seminar"),
    WorkPlanForm.MASTER_CLASS: N_("master class"),
    WorkPlanForm.OPEN_LESSON: N_("open lesson"),
    WorkPlanForm.ROUND_TABLE: N_("round table"),
    WorkPlanForm.CONFERENCE: N_("conference"),
    WorkPlanForm.WORKSHOP: N_("workshop"),
    WorkPlanForm.OTHER: N_("other"),
}

#: Forms of a meeting (session) of a body.
MEETING_FORM_LABELS = {
    MeetingForm.MEETING: N_("meeting"),
    MeetingForm.SEMINAR: N_("seminar"),
    MeetingForm.ROUND_TABLE: N_("round table"),
    MeetingForm.MASTER_CLASS: N_("master class"),
    MeetingForm.CONFERENCE: N_("conference"),
    MeetingForm.WORKSHOP: N_("workshop"),
    MeetingForm.OTHER: N_("other form"),
}

# --- methodical materials (п. 27) ----------------------------------------------------------------

MATERIAL_KIND_LABELS = {
    MaterialKind.ELECTIVE_PROGRAMME: N_("elective course programme"),
    MaterialKind.AUTHOR_PROGRAMME: N_("author programme"),
    MaterialKind.RECOMMENDATIONS: N_("methodical recommendations"),
    MaterialKind.MANUAL: N_("methodical manual"),
    MaterialKind.ASSESSMENT: N_("assessment materials (SOR/SOCh tasks)"),
    MaterialKind.BEST_PRACTICE: N_("collection of best practice"),
    MaterialKind.OTHER: N_("other material"),
}

MATERIAL_STATUS_LABELS = {
    MaterialStatus.DRAFT: N_("draft"),
    MaterialStatus.RETURNED: N_("returned for revision"),
    MaterialStatus.CONSIDERED: N_("positive conclusion"),
    MaterialStatus.APPROVED: N_("approved"),
}
# --- olympiads and contests of pupils (п. 10.5) --------------------------------------------

OLYMPIAD_LEVEL_LABELS = {
    OlympiadLevel.SCHOOL: N_("school level"),
    OlympiadLevel.DISTRICT: N_("district"),
    OlympiadLevel.CITY: N_("city"),
    OlympiadLevel.REGIONAL: N_("regional"),
    OlympiadLevel.REPUBLICAN: N_("republican"),
    OlympiadLevel.INTERNATIONAL: N_("international"),
}
OLYMPIAD_KIND_LABELS = {
    OlympiadKind.OLYMPIAD: N_("olympiad"),
    OlympiadKind.CONTEST: N_("contest"),
    OlympiadKind.PROJECTS: N_("competition of research projects"),
}
OLYMPIAD_OUTCOME_LABELS = {
    OlympiadOutcome.PARTICIPANT: N_("participant"),
    OlympiadOutcome.PRIZE: N_("prize place"),
    OlympiadOutcome.WINNER: N_("winner"),
    OlympiadOutcome.CERTIFICATE: N_("certificate"),
}
#: A prize as a register shows it: "2nd place".
OLYMPIAD_PLACE_LABEL = N_("{place} place")
#: Forms of events of collective methodical work (п. 20 first, then school practice under п. 10.5).
EVENT_FORM_LABELS = {
    EventForm.BEST_PRACTICE_SCHOOL: N_("school of best (innovative) practice"),
    EventForm.MASTER_CLASS: N_("master class"),
    EventForm.EXPERIMENTAL_SITE: N_("experimental site"),
    EventForm.CASE: N_("case"),
    EventForm.CREATIVE_LABORATORY: N_("creative laboratory"),
    EventForm.INSTRUCTIONAL_MEETING: N_("instructional-methodical meeting"),
    EventForm.SEMINAR: N_("seminar"),
    EventForm.CONFERENCE: N_("conference"),
    EventForm.CREATIVE_SESSION: N_("creative session"),
    EventForm.METHODICAL_LANDING: N_("methodical landing"),
    EventForm.METHODICAL_CONSILIUM: N_("methodical consilium"),
    EventForm.METHODICAL_INTERNSHIP: N_("methodical internship"),
    EventForm.ROUND_TABLE: N_("round table"),
    EventForm.YOUNG_TEACHER_SCHOOL: N_("school of the young teacher"),
    EventForm.SUBJECT_WEEK: N_("subject week (decade)"),
    EventForm.OTHER: N_("other form"),
}

EVENT_STATUS_LABELS = {
    EventStatus.PLANNED: N_("planned"),
    EventStatus.HELD: N_("held"),
    EventStatus.CANCELLED: N_("cancelled"),
}

#: How a refusal names, inside a sentence, a teacher or a school of another school's records that is
#: no longer in the database (п. 21), rather than by an id.
UNKNOWN_TEACHER = N_("a teacher no longer in the database")
UNKNOWN_SCHOOL = N_("a school no longer in the database")
