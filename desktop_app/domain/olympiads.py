"""Olympiads and contests of pupils (п. 10.5): what a line of the year's register must hold (the
names of levels, kinds and outcomes are in domain/labels.py)."""

from __future__ import annotations

import re
from datetime import date

from desktop_app.domain.entities import OlympiadOutcome, OlympiadResult
from desktop_app.domain.errors import N_, DomainError, Rule

#: A class as schools write it: a grade 1–12 and a letter, "9А", "11 Ә", "5".
CLASS_NAME = re.compile(r"(1[0-2]|[1-9])\s*-?\s*[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]?")
PLACES = (1, 2, 3)


def olympiad_errors(result: OlympiadResult, window: tuple[date, date]) -> list[DomainError]:
    """The refusals for one line, each naming its field."""
    errors = []

    def error(field: str, message: str, **params: object) -> None:
        errors.append(DomainError(Rule.VALUE, message, dict(params), record=result.id, field=field))

    if not result.pupil.strip():
        error("pupil", N_("The pupil's name is empty"))
    if not CLASS_NAME.fullmatch(result.class_name.strip()):
        error("class_name", N_("Class {value} is not a grade and a letter such as 9А"), value=result.class_name)
    if result.outcome is OlympiadOutcome.PRIZE:
        if result.place not in PLACES:
            error("place", N_("A prize place is 1, 2 or 3"))
    elif result.place is not None:
        error("place", N_("Only a prize has a place"))
    if result.on is not None and not window[0] <= result.on <= window[1]:
        error("on", N_("The date {date} is outside the academic year"), date=result.on)
    return errors

