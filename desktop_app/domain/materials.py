"""Methodical materials (п. 27, п. 10.8): who writes them, where they are discussed, who approves.

п. 27: educational-methodical documentation developed in the school is discussed at meetings of
methodical associations or of the methodical council and, after a positive conclusion, approved by
the head of the school. The path here: draft → discussed at an agenda item (positive conclusion, or
returned with remarks) → approved by the director or by one acting for her. An approved material is
locked. A returned one is edited and discussed again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from desktop_app.domain.accounts import Action, Actor, Role
from desktop_app.domain.entities import (
    AcademicYear,
    Approval,
    Association,
    AssociationKind,
    Material,
    MaterialStatus,
    Meeting,
    Review,
    ReviewOutcome,
    School,
)
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.labels import MATERIAL_STATUS_LABELS

#: The paragraph of the Rules the refusals cite (also ``Rule.MATERIAL.paragraph``).
PARAGRAPH = "п. 27"
#: The largest file kept in the database with a material.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: The kinds of file a material may carry.
FILE_SUFFIXES = (".pdf", ".docx", ".doc", ".odt", ".pptx", ".xlsx")
#: Statuses in which the material (its title, authors, file) may change.
EDITABLE = frozenset({MaterialStatus.DRAFT, MaterialStatus.RETURNED})
#: Statuses from which a meeting may discuss the material.
CONSIDERABLE = EDITABLE
MAX_TITLE = 500


def _refuse(material: Material, message: str, field: str = "status", **params: object) -> DomainError:
    return DomainError(Rule.MATERIAL, message, {"id": material.id, **params},
                       record=material.id or None, field=field)


def owners(material: Material, body: Association | None) -> frozenset[str]:
    """Who owns the material besides the administrator: its authors on the staff and the head of
    its association."""
    found = {a for a in material.authors if isinstance(a, str)}
    if body is not None:
        found.add(body.head)
    return frozenset(found)


def may_edit(actor: Actor, material: Material, body: Association | None) -> bool:
    """An author, the association's head or the administrator, while the material is not locked."""
    return material.status in EDITABLE and actor.may(Action.EDIT_MATERIAL, owners(material, body))


def may_approve(actor: Actor) -> bool:
    """The director; the administrator only signing as acting director (checked on approval)."""
    return actor.may(Action.APPROVE_MATERIAL) or actor.role is Role.ADMINISTRATOR


def content_errors(material: Material, year: AcademicYear | None = None) -> list[DomainError]:
    """What a material needs before it is saved: a title in one language at least, an author, and
    an association of the material's academic year."""
    errors: list[DomainError] = []
    title = material.title
    if not ((title.kk or "").strip() or (title.ru or "").strip()):
        errors.append(_refuse(material, N_("The material {id} needs a title in Kazakh or in Russian"),
                              field="title"))
    for text in (title.kk, title.ru):
        if text and len(text) > MAX_TITLE:
            errors.append(_refuse(material, N_("The title of the material {id} is longer than {count} "
                                               "characters"), field="title", count=MAX_TITLE))
            break
    if not material.authors:
        errors.append(_refuse(material, N_("The material {id} needs at least one author"), field="authors"))
    for author in material.authors:
        if not isinstance(author, str) and not author.name.strip():
            errors.append(_refuse(material, N_("An invited author of the material {id} has no name"),
                                  field="authors"))
    if year is not None and material.academic_year != year.id:
        errors.append(_refuse(material, N_("The material {id} is of {year} but its association is of "
                                           "{other}"), field="academic_year",
                              year=material.academic_year, other=year.id))
    return errors


def ensure_editable(material: Material) -> None:
    """An approved material is locked; one with a positive conclusion waits for the director."""
    if material.status in EDITABLE:
        return
    if material.status is MaterialStatus.APPROVED:
        raise _refuse(material, N_("The material {id} is approved and locked"))
    raise _refuse(material, N_("The material {id} has a positive conclusion of the meeting and waits "
                               "for approval; it is not edited now"))


def file_errors(material: Material, name: str, size: int) -> list[DomainError]:
    """The attached file is a document (PDF, DOCX …) within the size limit."""
    errors: list[DomainError] = []
    if not name.lower().endswith(FILE_SUFFIXES):
        errors.append(_refuse(material, N_("The file {name} is not a document of the kinds {kinds}"),
                              field="file", name=name, kinds=", ".join(FILE_SUFFIXES)))
    if size > MAX_FILE_BYTES:
        errors.append(_refuse(material, N_("The file {name} is {size} MB; a material's file may be at "
                                           "most {limit} MB"), field="file", name=name,
                              size=round(size / 1048576, 1), limit=MAX_FILE_BYTES // 1048576))
    if size == 0:
        errors.append(_refuse(material, N_("The file {name} is empty"), field="file", name=name))
    return errors


def may_discuss(body: Association, material: Material) -> bool:
    """п. 27: the material's own association, or the methodical council of the same year."""
    return body.id == material.association or (
        body.kind is AssociationKind.COUNCIL and body.academic_year == material.academic_year)


def considerable(materials: Iterable[Material], body: Association, meeting: str | None) -> list[Material]:
    """The materials a meeting of ``body`` may discuss: drafts and returned ones it may discuss,
    and those this meeting has already discussed."""
    return [m for m in materials if may_discuss(body, m) and (
        m.status in CONSIDERABLE or (bool(meeting) and m.review is not None and m.review.meeting == meeting))]


def consider(material: Material, meeting: Meeting, body: Association, item: int,
             outcome: ReviewOutcome, remarks: str | None = None) -> None:
    """A meeting's conclusion: positive (→ considered) or returned with remarks (п. 27)."""
    if material.status not in CONSIDERABLE:
        raise _refuse(material, N_("The material {id} is {status}; a meeting discusses a draft or a "
                                   "returned material"),
                      status=Msg(MATERIAL_STATUS_LABELS[material.status]))
    if outcome is ReviewOutcome.RETURNED and not (remarks or "").strip():
        raise _refuse(material, N_("The material {id} is returned for revision and needs remarks"),
                      field="review.remarks")
    review = Review(meeting.id, item, outcome, (remarks or "").strip() or None)
    errors = review_errors(material, review, {meeting.id: meeting}, {body.id: body})
    if errors:
        raise errors[0]
    material.review = review
    material.status = (MaterialStatus.CONSIDERED if outcome is ReviewOutcome.RECOMMENDED
                       else MaterialStatus.RETURNED)


def approve(material: Material, approval: Approval, school: School, acting: bool,
            review_date: date | None) -> None:
    """The director signs «Бекітемін / Утверждаю» after a positive conclusion, or one acting for
    her (``acting``: printed «м.а.» / «и.о.»), not before the meeting."""
    if material.status is not MaterialStatus.CONSIDERED:
        raise _refuse(material, N_("The material {id} is {status}; only a material with a positive "
                                   "conclusion of a meeting is approved"),
                      status=Msg(MATERIAL_STATUS_LABELS[material.status]))
    if not acting and school.director and approval.by != school.director:
        raise _refuse(material, N_("{teacher} is not the director; mark the signature as acting "
                                   "director's"), field="approved.by", teacher=approval.by)
    if acting and approval.by == school.director:
        raise _refuse(material, N_("{teacher} is the director, not one acting for the director"),
                      field="approved.by", teacher=approval.by)
    if review_date is not None and approval.on < review_date:
        raise _refuse(material, N_("The approval date {date} is before the meeting of {previous}"),
                      field="approved.on", date=approval.on, previous=review_date)
    material.approved = approval
    material.acting = acting
    material.status = MaterialStatus.APPROVED


def review_errors(material: Material, review: Review, meetings: Mapping[str, Meeting],
                  associations: Mapping[str, Association]) -> list[DomainError]:
    """The review is of a meeting of the material's association or of the council, and the
    meeting's item lists the material."""
    meeting = meetings.get(review.meeting)
    if meeting is None:
        return [DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                            {"kind": Msg("meeting"), "id": review.meeting}, record=material.id,
                            field="review.meeting")]
    errors: list[DomainError] = []
    body = associations.get(meeting.body)
    if body is None or not may_discuss(body, material):
        errors.append(_refuse(material, N_("The meeting {meeting} is neither of the material's association "
                                           "nor of the methodical council of {year}"),
                              field="review.meeting", meeting=meeting.id, year=material.academic_year))
    item = meeting.item(review.item)
    if item is None or material.id not in item.materials:
        errors.append(_refuse(material, N_("Item {item} of meeting {meeting} does not list the material {id}"),
                              field="review.item", item=review.item, meeting=meeting.id))
    return errors


_NEEDS_REVIEW = {
    MaterialStatus.RETURNED: ReviewOutcome.RETURNED,
    MaterialStatus.CONSIDERED: ReviewOutcome.RECOMMENDED,
    MaterialStatus.APPROVED: ReviewOutcome.RECOMMENDED,
}


def record_errors(material: Material, school: School, meetings: Mapping[str, Meeting],
                  associations: Mapping[str, Association]) -> list[DomainError]:
    """The status matches the record (an imported document): the review, the approval, in order."""
    errors = content_errors(material)
    status = Msg(MATERIAL_STATUS_LABELS[material.status])
    wanted = _NEEDS_REVIEW.get(material.status)
    if wanted is not None and (material.review is None or material.review.outcome is not wanted):
        errors.append(_refuse(material, N_("The material {id} is {status} but has no such conclusion "
                                           "of a meeting"), field="review", status=status))
    if material.review is not None:
        errors += review_errors(material, material.review, meetings, associations)
    if (material.status is MaterialStatus.APPROVED) != (material.approved is not None):
        errors.append(_refuse(material, N_("The material {id} is {status}; the approval does not match"),
                              field="approved", status=status))
    approval = material.approved
    if approval is not None:
        if not material.acting and school.director and approval.by != school.director:
            errors.append(_refuse(material, N_("{teacher} is not the director; mark the signature as "
                                               "acting director's"), field="approved.by",
                                  teacher=approval.by))
        review = material.review
        if review is not None and review.meeting in meetings and approval.on < meetings[review.meeting].date:
            errors.append(_refuse(material, N_("The approval date {date} is before the meeting of {previous}"),
                                  field="approved.on", date=approval.on,
                                  previous=meetings[review.meeting].date))
    return errors
