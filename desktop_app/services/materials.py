"""Methodical materials (п. 27, п. 10.8): the register, the attached file, discussion, approval."""

from __future__ import annotations

import builtins
import hashlib
from dataclasses import dataclass, replace
from datetime import date

from desktop_app.domain import materials as rules
from desktop_app.domain.accounts import ROLE_LABELS, Action, Actor, Role
from desktop_app.domain.entities import (
    Approval,
    Association,
    Material,
    MaterialFile,
    MaterialStatus,
    MeetingStatus,
    ReviewOutcome,
)
from desktop_app.domain.errors import N_, DomainError, Msg, PermissionDenied, Rule
from desktop_app.services.base import Service, found, raise_first
from desktop_app.storage.store import Store


@dataclass(frozen=True)
class MaterialReview:
    """A conclusion chosen in the protocol editor for a material discussed under item ``item``."""

    material: str
    item: int
    outcome: ReviewOutcome
    remarks: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A file to keep with a material: its name as the user chose it and its bytes."""

    name: str
    content: bytes


class MaterialService(Service):
    def list(self, actor: Actor, school: str, academic_year: str | None = None) -> builtins.list[Material]:
        with self._read(actor, school) as store:
            return store.list_materials(school, academic_year)

    def get(self, actor: Actor, school: str, material: str) -> Material:
        with self._read(actor, school) as store:
            return found(store.get_material(school, material), "methodical material", material)

    def content(self, actor: Actor, school: str, material: str) -> tuple[MaterialFile, bytes]:
        """The attached file and its bytes, checked against the SHA-256 the record keeps."""
        with self._read(actor, school) as store:
            record = found(store.get_material(school, material), "methodical material", material)
            data = store.material_content(school, material) if record.file else None
        if record.file is None or data is None:
            raise DomainError(Rule.MATERIAL, N_("The material {id} has no file kept in this database"),
                              {"id": material}, record=material, field="file")
        if hashlib.sha256(data).hexdigest() != record.file.sha256:
            raise DomainError(Rule.MATERIAL, N_("The file of the material {id} does not match its SHA-256"),
                              {"id": material}, record=material, field="file")
        return record.file, data

    def considerable(self, actor: Actor, school: str, body: str, meeting: str | None) -> builtins.list[Material]:
        """The materials a meeting of ``body`` may discuss (see domain.materials.considerable)."""
        with self._read(actor, school) as store:
            association = found(store.get_association(school, body), "association", body)
            return rules.considerable(store.list_materials(school, association.academic_year),
                                      association, meeting)

    def save(self, actor: Actor, school: str, material: Material,
             attachment: Attachment | None = None) -> Material:
        """Create or edit a material that is not locked; its status and review stay as they were
        (they change by a meeting and by the director only). ``attachment`` replaces the file;
        a record with ``file`` None drops it."""
        with self._write(actor, school) as store:
            existing = store.get_material(school, material.id) if material.id else None
            new_body = found(store.get_association(school, material.association), "association",
                             material.association)
            if existing is not None:
                self._require_owner(store, actor, school, existing)
                rules.ensure_editable(existing)
                material = replace(material, status=existing.status, review=existing.review,
                                   approved=existing.approved, acting=existing.acting)
                if material.file is not None:
                    material = replace(material, file=existing.file)
            else:
                material = replace(material, status=MaterialStatus.DRAFT, review=None, approved=None,
                                   acting=False, file=None)
            actor.require(Action.EDIT_MATERIAL, rules.owners(material, new_body), material.id or None)
            content = None
            if attachment is not None:
                raise_first(rules.file_errors(material, attachment.name, len(attachment.content)))
                content = attachment.content
                material = replace(material, file=MaterialFile(
                    attachment.name, hashlib.sha256(content).hexdigest(), len(content)))
            if not material.id:
                material = replace(material, id=store.next_id(school, "materials", "mat"))
            self._check(store, school, material, new_body)
            store.save_material(school, material, content)
            self._audit(store, actor, "material.update" if existing else "material.create", school,
                        "methodical material", material.id,
                        material.file.sha256 if attachment and material.file else "")
        return material

    def _check(self, store: Store, school: str, material: Material, body: Association) -> None:
        year = found(store.get_academic_year(school, body.academic_year), "academic year", body.academic_year)
        teachers = {t.id for t in store.list_teachers(school)}
        for author in material.authors:
            if isinstance(author, str) and author not in teachers:
                raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                                  {"kind": Msg("teacher"), "id": author}, record=material.id, field="authors")
        raise_first(rules.content_errors(material, year))

    def _require_owner(self, store: Store, actor: Actor, school: str, material: Material) -> None:
        body = store.get_association(school, material.association)
        actor.require(Action.EDIT_MATERIAL, rules.owners(material, body), material.id)

    def consider_in(self, store: Store, actor: Actor, school: str, review: MaterialReview,
                    meeting: str) -> Material:
        """A meeting's conclusion on a material, inside the protocol's transaction (п. 27)."""
        record = found(store.get_material(school, review.material), "methodical material", review.material)
        held = found(store.get_meeting(school, meeting), "meeting", meeting)
        body = found(store.get_association(school, held.body), "association", held.body)
        actor.require(Action.EDIT_MEETING, {body.head}, meeting)
        agenda_item = held.item(review.item)
        if agenda_item is None:
            raise DomainError(Rule.REFERENCE, N_("Meeting {meeting} has no agenda item {item}"),
                              {"meeting": meeting, "item": review.item}, record=meeting, field="agenda")
        if review.material not in agenda_item.materials:
            agenda_item.materials.append(review.material)
            store.save_meeting(school, held)
        if held.status is MeetingStatus.DRAFT and held.date > self.today():
            raise DomainError(Rule.MATERIAL, N_("The meeting of {date} has not taken place yet"),
                              {"date": held.date}, record=review.material, field="review")
        rules.consider(record, held, body, review.item, review.outcome, review.remarks)
        store.save_material(school, record)
        self._audit(store, actor, "material.consider", school, "methodical material", record.id,
                    f"{meeting}#{review.item} {review.outcome.value}")
        return record

    def approve(self, actor: Actor, school: str, material: str, on: date | None = None,
                signed_by: str | None = None, acting: bool = False) -> Material:
        """«Бекітемін / Утверждаю»: the director, or with ``acting`` the person acting for her
        (``signed_by``, a teacher of the school); the material is locked from then on."""
        if not (actor.may(Action.APPROVE_MATERIAL) or (acting and actor.role is Role.ADMINISTRATOR)):
            raise PermissionDenied(Action.APPROVE_MATERIAL.value, ROLE_LABELS[actor.role], material)
        with self._write(actor, school) as store:
            record = found(store.get_material(school, material), "methodical material", material)
            head = found(store.get_school(school), "school", school)
            signer = signed_by or (None if acting else head.director)
            if not signer:
                raise DomainError(Rule.MATERIAL, N_("Choose who signs the approval of the material {id}"),
                                  {"id": material}, record=material, field="approved.by")
            found(store.get_teacher(school, signer), "teacher", signer)
            review = record.review
            held = store.get_meeting(school, review.meeting) if review else None
            rules.approve(record, Approval(signer, on or self.today()), head, acting,
                          held.date if held else None)
            store.save_material(school, record)
            self._audit(store, actor, "material.approve", school, "methodical material", material,
                        f"{signer}{' acting' if acting else ''} {record.approved.on if record.approved else ''}")
        return record

    def delete(self, actor: Actor, school: str, material: str) -> None:
        """Only a draft that no meeting has discussed is deleted; a discussed one is history."""
        with self._write(actor, school) as store:
            record = found(store.get_material(school, material), "methodical material", material)
            self._require_owner(store, actor, school, record)
            if record.status is not MaterialStatus.DRAFT or record.review is not None:
                raise DomainError(Rule.MATERIAL, N_("The material {id} was discussed at a meeting; it is "
                                                    "kept in the register"),
                                  {"id": material}, record=material, field="status")
            listed = [m.id for m in store.list_meetings(school)
                      if any(material in item.materials for item in m.agenda)]
            if listed:
                raise DomainError(Rule.MATERIAL, N_("The material {id} is on the agenda of {meeting}; take it "
                                                    "off the agenda first"),
                                  {"id": material, "meeting": listed[0]}, record=material, field="status")
            store.delete_material(school, material)
            self._audit(store, actor, "material.delete", school, "methodical material", material, "")
