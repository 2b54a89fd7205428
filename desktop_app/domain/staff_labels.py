"""Labels of the attestation register and of professional development: words inside sentences
and table cells (results, kinds, needs), translated where they are shown."""

from __future__ import annotations

from desktop_app.domain.errors import N_
from desktop_app.domain.staff_records import AttestationResult, CourseKind, CourseNeed

RESULT_LABELS = {
    AttestationResult.AWARDED: N_("category awarded"),
    AttestationResult.CONFIRMED: N_("category confirmed"),
    AttestationResult.NOT_AWARDED: N_("category not awarded"),
}

COURSE_KIND_LABELS = {
    CourseKind.COURSE: N_("course"),
    CourseKind.INTERNSHIP: N_("internship"),
    CourseKind.SEMINAR: N_("seminar"),
    CourseKind.OTHER: N_("other training"),
}

COURSE_NEED_LABELS = {
    CourseNeed.NEVER: N_("no course recorded"),
    CourseNeed.OVERDUE: N_("course overdue"),
    CourseNeed.DUE: N_("course due this year"),
    CourseNeed.COVERED: N_("course done in time"),
}

#: What a teacher or a head may not do: the action a refusal names (as domain.accounts.Action does).
SEE_OTHERS = N_("see another teacher's attestation and courses")
