"""What the file name and the title rows above the header tell about the plan: the grade, the classes
and the subject, and the hours per week its lessons add up to; what is not found stays for the user."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.entities import Subject
from desktop_app.services.file_tables import cell_text, fold
from desktop_app.services.plan_import.columns import PlanTable

_LETTERS = "a-zа-яёәғқңөұүһі"
_QUOTES = "«»\"'“”"
#: "7А", "7 Б", "8 «А»", "10-В".
_CLASS = re.compile(rf"(?<![\d{_LETTERS}])(1[0-2]|[1-9])\s?-?\s?[{_QUOTES}]?([{_LETTERS}])[{_QUOTES}]?"
                    rf"(?![\d{_LETTERS}])", re.IGNORECASE)
#: "7 сынып", "5-класс", "8 «А» класс", "9 кл."
_GRADE = re.compile(rf"(?<!\d)(1[0-2]|[1-9])\s*-?\s*(?:ші|шы|ый|й)?\s*(?:[{_QUOTES}]?[{_LETTERS}][{_QUOTES}]?\s*)?"
                    r"(?:сынып|класс|кл\b)", re.IGNORECASE)


@dataclass
class PlanGuess:
    """What the file name and the title rows above the header tell about the plan."""

    grade: int | None = None
    classes: list[str] = field(default_factory=list)
    subject: str | None = None


def guess_details(name: str, table: PlanTable, subjects: Iterable[Subject]) -> PlanGuess:
    """Grade, classes ("7А", "7 Б") and subject (a school subject's kk or ru name) from the file name
    and the rows above the header; what is not found stays empty for the user to fill in."""
    above = table.rows[:table.header] if table.header is not None else table.rows[:3]
    text = " ".join([Path(name).stem.replace("_", " "), *(cell_text(c) for row in above for c in row)])
    text = unicodedata.normalize("NFC", text)
    guess = PlanGuess()
    for match in _CLASS.finditer(text):
        label = f"{match.group(1)}{match.group(2).upper()}"
        if label not in guess.classes:
            guess.classes.append(label)
    grade = _GRADE.search(text)
    if grade is not None:
        guess.grade = int(grade.group(1))
    elif guess.classes:
        guess.grade = int(re.sub(r"\D", "", guess.classes[0]))
    folded = fold(text)
    best = 0
    for subject in subjects:
        for written in (subject.name.kk, subject.name.ru):
            key = fold(written or "")
            # "информатике", "математикадан": a word's ending changes with its case.
            words = r"\s+".join(re.escape(w[:-1] if len(w) > 4 else w) + rf"[{_LETTERS}]*" for w in key.split())
            if key and len(key) > best and re.search(rf"(?<![{_LETTERS}]){words}", folded):
                guess.subject, best = subject.id, len(key)
    return guess


def hours_per_week(total_hours: float, study_weeks: int | None) -> float:
    """The hours per week that give ``total_hours`` over the year, to the nearest half hour."""
    weeks = study_weeks or 34
    return max(0.5, round(total_hours / weeks * 2) / 2)
