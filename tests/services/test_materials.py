"""Methodical materials (п. 27) through the service, on both backends: who writes them, the file
kept with its SHA-256, the meeting's conclusion in the protocol's save, the director's approval
(or one acting for her), and the refusals that name the record, the field and the rule."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from desktop_app.domain.entities import (
    LocalizedText,
    Material,
    MaterialKind,
    MaterialStatus,
    MeetingStatus,
    Person,
    ReviewOutcome,
)
from desktop_app.domain.errors import NotFoundError, Rule
from desktop_app.domain.materials import MAX_FILE_BYTES
from desktop_app.services.materials import Attachment, MaterialReview
from tests.services.conftest import SCHOOL, Env, d, meeting

MEETING = "m-math-26-2"  # held 06.11.2026, mo-math-26, one agenda item
PDF = b"%PDF-1.4\n% a material\n" + bytes(range(256)) * 10


def draft(association: str = "mo-math-26", authors: list[str | Person] | None = None) -> Material:
    return Material("", MaterialKind.RECOMMENDATIONS,
                    LocalizedText("Функционалдық сауаттылық", "Функциональная грамотность"),
                    association, "2026-2027", ["t-05"] if authors is None else authors)


def written(env: Env, **kwargs: object) -> Material:
    return env.s.materials.save(env.actor("teacher"), SCHOOL, draft(**kwargs),  # type: ignore[arg-type]
                                Attachment("gramotnost.pdf", PDF))


def discussed(env: Env, material: str, outcome: ReviewOutcome = ReviewOutcome.RECOMMENDED,
              remarks: str | None = None, body_meeting: str = MEETING, actor: str = "head") -> Material:
    who = env.actor(actor)
    held = env.s.meetings.get(who, SCHOOL, body_meeting)
    saved = env.s.meetings.save_protocol(who, SCHOOL, held, materials=[
        MaterialReview(material, 1, outcome, remarks)])
    return saved.materials[0]


def test_an_author_writes_a_draft_and_the_file_is_kept_with_its_sha256(env: Env) -> None:
    created = written(env)
    assert created.id and created.status is MaterialStatus.DRAFT
    assert created.file is not None and created.file.sha256 == hashlib.sha256(PDF).hexdigest()
    assert created.file.size == len(PDF) and created.file.name == "gramotnost.pdf"
    kept, data = env.s.materials.content(env.actor("viewer"), SCHOOL, created.id)
    assert data == PDF and kept == created.file
    assert [m.id for m in env.s.materials.list(env.actor("director"), SCHOOL, "2026-2027")] == [created.id]
    assert env.s.materials.list(env.actor("director"), SCHOOL, "2025-2026") == []


def test_who_may_write(env: Env) -> None:
    created = written(env)
    # Another teacher is neither an author nor the head: refused, as is a viewer.
    env.denied(lambda: env.s.materials.save(env.actor("teacher2"), SCHOOL, replace(created, kind=MaterialKind.OTHER)))
    env.denied(lambda: env.s.materials.save(env.actor("viewer"), SCHOOL, draft()))
    # The association's head and the administrator may.
    edited = env.s.materials.save(env.actor("head"), SCHOOL, replace(created, kind=MaterialKind.MANUAL))
    assert edited.kind is MaterialKind.MANUAL and edited.file == created.file
    invited = env.s.materials.save(env.actor("admin"), SCHOOL, draft(authors=[Person("Сидорова А.", None)]))
    assert invited.authors == [Person("Сидорова А.", None)]


def test_content_refusals_name_the_field(env: Env) -> None:
    teacher = env.actor("teacher")
    env.refused(lambda: env.s.materials.save(teacher, SCHOOL, replace(draft(), title=LocalizedText(" ", None))),
                Rule.MATERIAL, None, "title")
    env.refused(lambda: env.s.materials.save(env.actor("admin"), SCHOOL, draft(authors=[])),
                Rule.MATERIAL, None, "authors")
    env.refused(lambda: env.s.materials.save(teacher, SCHOOL, replace(draft(), academic_year="2025-2026")),
                Rule.MATERIAL, None, "academic_year")


def test_a_file_too_large_or_not_a_document_is_refused(env: Env) -> None:
    teacher = env.actor("teacher")
    big = Attachment("big.pdf", b"0" * (MAX_FILE_BYTES + 1))
    error = env.refused(lambda: env.s.materials.save(teacher, SCHOOL, draft(), big), Rule.MATERIAL, None, "file")
    assert "20" in error.render()
    env.refused(lambda: env.s.materials.save(teacher, SCHOOL, draft(), Attachment("virus.exe", b"MZ")),
                Rule.MATERIAL, None, "file")


def test_returned_needs_remarks_and_nothing_is_half_saved(env: Env) -> None:
    created = written(env)
    env.refused(lambda: discussed(env, created.id, ReviewOutcome.RETURNED, "  "),
                Rule.MATERIAL, created.id, "review.remarks")
    returned = discussed(env, created.id, ReviewOutcome.RETURNED, "Добавить критерии")
    assert returned.status is MaterialStatus.RETURNED and returned.review is not None
    assert returned.review.remarks == "Добавить критерии"
    agenda = env.s.meetings.get(env.actor("head"), SCHOOL, MEETING).agenda[0]
    assert agenda.materials == [created.id]
    # A returned material is edited and discussed again.
    env.s.materials.save(env.actor("teacher"), SCHOOL, replace(returned, title=LocalizedText(None, "Новое")))
    assert discussed(env, created.id).status is MaterialStatus.CONSIDERED


def test_only_a_positive_conclusion_is_approved_by_the_director(env: Env) -> None:
    created = written(env)
    director = env.actor("director")
    env.refused(lambda: env.s.materials.approve(director, SCHOOL, created.id), Rule.MATERIAL, created.id, "status")
    considered = discussed(env, created.id)
    assert considered.status is MaterialStatus.CONSIDERED
    # Locked for the authors now, and the head may not approve.
    env.refused(lambda: env.s.materials.save(env.actor("teacher"), SCHOOL, considered), Rule.MATERIAL,
                created.id, "status")
    env.denied(lambda: env.s.materials.approve(env.actor("head"), SCHOOL, created.id))
    env.refused(lambda: env.s.materials.approve(director, SCHOOL, created.id, on=d("2026-11-01")),
                Rule.MATERIAL, created.id, "approved.on")
    approved = env.s.materials.approve(director, SCHOOL, created.id, on=d("2026-11-10"))
    assert approved.status is MaterialStatus.APPROVED and approved.approved is not None
    assert approved.approved.by == "t-dir" and not approved.acting
    env.refused(lambda: env.s.materials.delete(env.actor("admin"), SCHOOL, created.id), Rule.MATERIAL,
                created.id, "status")


def test_an_acting_director_signs_and_is_kept(env: Env) -> None:
    created = written(env)
    discussed(env, created.id)
    admin = env.actor("admin")
    env.denied(lambda: env.s.materials.approve(admin, SCHOOL, created.id))
    env.refused(lambda: env.s.materials.approve(admin, SCHOOL, created.id, signed_by="t-dir", acting=True),
                Rule.MATERIAL, created.id, "approved.by")
    signed = env.s.materials.approve(admin, SCHOOL, created.id, signed_by="t-dep", acting=True)
    assert signed.approved is not None and signed.approved.by == "t-dep" and signed.acting
    assert env.s.materials.get(env.actor("viewer"), SCHOOL, created.id) == signed


def test_a_meeting_of_another_association_may_not_discuss_it(env: Env) -> None:
    created = written(env)
    head2 = env.actor("head2")
    other = env.s.meetings.save(head2, SCHOOL, meeting(
        "mo-kaz-26", 1, "2026-11-20", chair="t-08", secretary="t-07", members=("t-06", "t-07", "t-08")))
    env.refused(lambda: discussed(env, created.id, body_meeting=other.id, actor="head2"),
                Rule.MATERIAL, created.id, "review.meeting")
    # Listing it on the agenda is refused the same way, naming the item.
    other.agenda[0].materials = [created.id]
    env.refused(lambda: env.s.meetings.save(head2, SCHOOL, other), Rule.MATERIAL, other.id, "agenda.1.materials")


def test_the_methodical_council_may_discuss_any_material_of_its_year(env: Env) -> None:
    created = written(env)
    council = env.s.meetings.save(env.actor("admin"), SCHOOL, meeting(
        "council-26", 1, "2026-11-20", chair="t-dep", secretary="t-06",
        members=("t-dep", "t-01", "t-06", "t-08", "t-09"), status=MeetingStatus.HELD))
    assert [m.id for m in env.s.materials.considerable(env.actor("admin"), SCHOOL, "council-26", None)] == [created.id]
    assert env.s.materials.considerable(env.actor("head2"), SCHOOL, "mo-kaz-26", None) == []
    concluded = discussed(env, created.id, body_meeting=council.id, actor="admin")
    assert concluded.status is MaterialStatus.CONSIDERED and concluded.review is not None
    assert concluded.review.meeting == council.id


def test_a_draft_is_deleted_but_not_once_on_an_agenda(env: Env) -> None:
    created = written(env)
    second = written(env)
    env.s.materials.delete(env.actor("teacher"), SCHOOL, created.id)
    with pytest.raises(NotFoundError):
        env.s.materials.get(env.actor("teacher"), SCHOOL, created.id)
    head = env.actor("head")
    held = env.s.meetings.get(head, SCHOOL, MEETING)
    held.agenda[0].materials = [second.id]
    env.s.meetings.save(head, SCHOOL, held)
    env.refused(lambda: env.s.materials.delete(env.actor("teacher"), SCHOOL, second.id), Rule.MATERIAL,
                second.id, "status")


def test_the_overview_lists_materials_awaiting_the_director(env: Env) -> None:
    from desktop_app.services.attention import AttentionKind

    created = written(env)
    director = env.actor("director")

    def waiting() -> list[str]:
        items = env.s.attention.items(director, SCHOOL, "2026-2027", d("2026-11-27"))
        return [i.record for i in items if i.kind is AttentionKind.MATERIAL_CONSIDERED]

    assert waiting() == []
    discussed(env, created.id)
    assert waiting() == [created.id]
    assert all(i.kind is not AttentionKind.MATERIAL_CONSIDERED
               for i in env.s.attention.items(env.actor("teacher"), SCHOOL, "2026-2027", d("2026-11-27")))
    env.s.materials.approve(director, SCHOOL, created.id)
    assert waiting() == []
