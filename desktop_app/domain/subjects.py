"""Subjects: a name in Kazakh and Russian, never two subjects of one name in a school."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from desktop_app.domain.entities import LocalizedText, Subject
from desktop_app.domain.errors import N_, DomainError, Rule

#: Letters typed from a Latin or a Turkic Latin layout in place of the Kazakh Cyrillic ones that
#: look the same (common on school PCs): «Әдебиет» typed with "Ə" is the same subject.
_LOOK_ALIKES = str.maketrans({
    "a": "а", "c": "с", "e": "е", "h": "һ", "i": "і", "k": "к", "o": "о", "p": "р", "x": "х",
    "y": "у", "ə": "ә", "ɵ": "ө", "ё": "е",
})


def name_key(name: str) -> str:
    """What two names have in common when they name one subject: case (Ә/ә, Қ/қ, І/і ...),
    spacing and look-alike Latin letters are ignored."""
    text = unicodedata.normalize("NFC", name).casefold()
    return " ".join(text.translate(_LOOK_ALIKES).split())


def cleaned(subject: Subject) -> Subject:
    """Names trimmed and NFC; at least one of them required."""
    def clean(text: str | None) -> str | None:
        return " ".join(unicodedata.normalize("NFC", text).split()) or None if text else None

    name = LocalizedText(clean(subject.name.kk), clean(subject.name.ru))
    if not (name.kk or name.ru):
        raise DomainError(Rule.VALUE, N_("A subject needs a name"), record=subject.id or None,
                          field="name_kk")
    return Subject(subject.id, name)


def check_unique_name(subject: Subject, others: Iterable[Subject]) -> None:
    """Refuse a name that another subject of the school already has, in either language."""
    for other in others:
        if other.id == subject.id:
            continue
        for field, mine in (("name_kk", subject.name.kk), ("name_ru", subject.name.ru)):
            same = [t for t in (other.name.kk, other.name.ru) if mine and t and name_key(t) == name_key(mine)]
            if same:
                raise DomainError(Rule.UNIQUE_ID, N_("The subject {name} already exists"),
                                  {"name": same[0]}, record=subject.id or None, field=field)
