"""The genitive of an association's Russian name, for the places a document puts it after a noun:
«заседания …», «на заседании …», «План работы …».

A name is typed as the school calls the body, in the nominative («Межшкольное МО учителей физики»,
«Методическое объединение учителей истории», «Творческая группа»). Its head — leading adjectives and
the noun they qualify, or an abbreviation such as «МО» that does not decline — is put in the
genitive; what follows the head is already genitive («учителей физики») and is kept as typed. A name
whose head is not recognised is returned unchanged: a wrong ending would be worse than none.
"""

from __future__ import annotations

import re

#: The nouns a methodical body is called by, nominative → genitive (singular).
HEAD_NOUNS = {
    "объединение": "объединения",
    "совет": "совета",
    "кафедра": "кафедры",
    "группа": "группы",
    "секция": "секции",
    "лаборатория": "лаборатории",
    "сообщество": "сообщества",
    "цикл": "цикла",
    "клуб": "клуба",
    "комиссия": "комиссии",
    "школа": "школы",
    "студия": "студии",
    "команда": "команды",
    "центр": "центра",
}

#: «МО», «ШМО», «ГМО», «МС», «ТГ»: capitals that stand for the body and do not decline.
_ABBREVIATION = re.compile(r"^[А-ЯЁA-Z]{2,}$")
_HUSHING_OR_VELAR = "гкхжшчщ"


def _adjective_genitive(word: str) -> str | None:
    """The genitive singular of a nominative adjective (masculine, feminine or neuter), else None."""
    lower = word.lower()
    if len(lower) < 4:
        return None
    stem, ending = lower[:-2], lower[-2:]
    if ending in ("ое", "ый") or (ending == "ой" and len(stem) > 2):
        return stem + "ого"
    if ending == "ее":
        return stem + "его"
    if ending == "ий":
        return stem + ("ого" if stem[-1] in "гкх" else "его")
    if ending == "ая":
        return stem + ("ей" if stem[-1] in "жшчщц" else "ой")
    if ending == "яя":
        return stem + "ей"
    return None


def _declined_adjective(word: str) -> str | None:
    """A hyphenated adjective declines in its last part: «естественно-математическое» → «…ого»."""
    first, dash, last = word.rpartition("-")
    declined = _adjective_genitive(last)
    if declined is None:
        return None
    return (first.lower() + dash if dash else "") + declined


def genitive(name: str) -> str:
    """«Межшкольное МО учителей физики» → «межшкольного МО учителей физики»; a name whose head is
    already genitive or not recognised stays as typed."""
    words = name.split(" ")
    declined: list[str] = []
    for position, word in enumerate(words):
        if _ABBREVIATION.match(word):
            if position == 0:
                return name
            return " ".join([*declined, *words[position:]])
        noun = HEAD_NOUNS.get(word.lower())
        if noun is not None:
            return " ".join([*declined, noun, *words[position + 1:]])
        adjective = _declined_adjective(word)
        if adjective is None:
            return name
        declined.append(adjective)
    return name
