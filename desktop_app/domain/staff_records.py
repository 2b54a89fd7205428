"""Attestation (п. 10.7) and professional development: the kinds of value their records hold.

The records' rules and dataclasses grow here; the tables (storage/models.py, revision
0012_attestation) are shared by the registers, the annual analysis and the district figures.
"""

from __future__ import annotations

from enum import StrEnum


class AttestationResult(StrEnum):
    """How an attestation ended: the sought category awarded, the current one confirmed, or neither."""

    AWARDED = "awarded"
    CONFIRMED = "confirmed"
    NOT_AWARDED = "not_awarded"


class CourseKind(StrEnum):
    """Professional development outside the school."""

    COURSE = "course"
    INTERNSHIP = "internship"
    SEMINAR = "seminar"
    OTHER = "other"
