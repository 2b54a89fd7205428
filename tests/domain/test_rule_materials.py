"""п. 27 for methodical materials: which meeting may discuss one, a returned one needs remarks,
only a positive conclusion is approved, by the director or one acting for her, never before the
meeting; the file's size and kind; who may edit."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import materials as rules
from desktop_app.domain.accounts import Actor, Role
from desktop_app.domain.entities import (
    AgendaItem,
    Approval,
    Association,
    AssociationKind,
    Language,
    LocalizedText,
    Material,
    MaterialKind,
    MaterialStatus,
    Meeting,
    Person,
    ReviewOutcome,
    School,
)
from desktop_app.domain.errors import DomainError, Rule

SCHOOL = School("s", LocalizedText("Мектеп", "Школа"), director="t-dir")
MO = Association("mo", AssociationKind.SUBJECT, LocalizedText("ӘБ", "МО"), "2026-2027", "t-head")
COUNCIL = Association("council", AssociationKind.COUNCIL, LocalizedText("Кеңес", "Совет"), "2026-2027", "t-dep")
OTHER = Association("mo2", AssociationKind.SUBJECT, LocalizedText("ӘБ 2", "МО 2"), "2026-2027", "t-8")
DAY = date(2026, 11, 6)


def material(status: MaterialStatus = MaterialStatus.DRAFT) -> Material:
    return Material("mat-1", MaterialKind.MANUAL, LocalizedText("Құрал", "Пособие"), "mo", "2026-2027",
                    ["t-1", Person("Гость", None)], status)


def meeting(body: Association = MO, listed: tuple[str, ...] = ("mat-1",)) -> Meeting:
    return Meeting("m-1", body.id, 1, DAY, Language.RU, "t-head", "t-1",
                   agenda=[AgendaItem(1, "Рассмотрение", ["Одобрить."], materials=list(listed))])


def refused(call: object, field: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.rule is Rule.MATERIAL and caught.value.field == field, caught.value
    assert caught.value.record == "mat-1"
    return caught.value


@given(st.sampled_from(list(MaterialStatus)), st.sampled_from(list(ReviewOutcome)),
       st.text(alphabet=" \t\nӘәқ", max_size=5))
def test_a_meeting_concludes_only_on_a_draft_or_returned_material(status: MaterialStatus,
                                                                  outcome: ReviewOutcome, remarks: str) -> None:
    record = material(status)
    call = lambda: rules.consider(record, meeting(), MO, 1, outcome, remarks)  # noqa: E731
    if status not in rules.CONSIDERABLE:
        refused(call, "status")
    elif outcome is ReviewOutcome.RETURNED and not remarks.strip():
        refused(call, "review.remarks")
    else:
        call()
        assert record.status is (MaterialStatus.CONSIDERED if outcome is ReviewOutcome.RECOMMENDED
                                 else MaterialStatus.RETURNED)
        assert record.review is not None and record.review.meeting == "m-1"


@pytest.mark.parametrize(("body", "allowed"), [(MO, True), (COUNCIL, True), (OTHER, False)])
def test_the_association_or_the_methodical_council_discusses_it(body: Association, allowed: bool) -> None:
    record = material()
    assert rules.may_discuss(body, record) is allowed
    call = lambda: rules.consider(record, meeting(body), body, 1, ReviewOutcome.RECOMMENDED)  # noqa: E731
    if allowed:
        call()
    else:
        refused(call, "review.meeting")


def test_the_council_of_another_year_may_not() -> None:
    other_year = dataclasses.replace(COUNCIL, academic_year="2025-2026")
    assert not rules.may_discuss(other_year, material())


def test_the_item_must_list_the_material() -> None:
    refused(lambda: rules.consider(material(), meeting(listed=()), MO, 1, ReviewOutcome.RECOMMENDED), "review.item")


@given(st.sampled_from(list(MaterialStatus)), st.booleans(), st.sampled_from(["t-dir", "t-dep"]),
       st.integers(min_value=-30, max_value=30))
def test_approval(status: MaterialStatus, acting: bool, signer: str, offset: int) -> None:
    record = material(status)
    on = DAY + timedelta(days=offset)
    call = lambda: rules.approve(record, Approval(signer, on), SCHOOL, acting, DAY)  # noqa: E731
    if status is not MaterialStatus.CONSIDERED:
        refused(call, "status")
    elif acting == (signer == "t-dir"):
        refused(call, "approved.by")
    elif offset < 0:
        refused(call, "approved.on")
    else:
        call()
        assert record.status is MaterialStatus.APPROVED and record.approved == Approval(signer, on)
        assert record.acting is acting


@given(st.integers(min_value=0, max_value=rules.MAX_FILE_BYTES * 2), st.sampled_from(["a.pdf", "b.DOCX", "c.exe"]))
def test_the_file_is_a_document_within_the_limit(size: int, name: str) -> None:
    errors = rules.file_errors(material(), name, size)
    expected = (size > rules.MAX_FILE_BYTES) + (size == 0) + name.endswith(".exe")
    assert len(errors) == expected
    assert all(e.rule is Rule.MATERIAL and e.field == "file" for e in errors)


@pytest.mark.parametrize(("actor", "status", "allowed"), [
    (Actor("a", Role.TEACHER, "s", "t-1"), MaterialStatus.DRAFT, True),       # an author
    (Actor("b", Role.TEACHER, "s", "t-9"), MaterialStatus.DRAFT, False),      # not an author
    (Actor("c", Role.HEAD, "s", "t-head"), MaterialStatus.RETURNED, True),    # the association's head
    (Actor("d", Role.ADMINISTRATOR, "s", None), MaterialStatus.DRAFT, True),
    (Actor("e", Role.VIEWER, "s", None), MaterialStatus.DRAFT, False),
    (Actor("a", Role.TEACHER, "s", "t-1"), MaterialStatus.CONSIDERED, False),  # waits for approval
    (Actor("d", Role.ADMINISTRATOR, "s", None), MaterialStatus.APPROVED, False),  # locked
])
def test_who_may_edit(actor: Actor, status: MaterialStatus, allowed: bool) -> None:
    assert rules.may_edit(actor, material(status), MO) is allowed


def test_content_needs_a_title_and_an_author() -> None:
    record = Material("mat-1", MaterialKind.OTHER, LocalizedText(None, " "), "mo", "2026-2027", [])
    assert [e.field for e in rules.content_errors(record)] == ["title", "authors"]
    assert rules.content_errors(material()) == []
