"""Kazakh alphabet order and case-insensitive search, in Python, in SQLite and on PostgreSQL (ICU)."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.entities import LocalizedText, School, Teacher
from desktop_app.storage.collation import KAZAKH_ALPHABET, compare, primary_key, sort_key
from desktop_app.storage.database import Database
from desktop_app.storage.dialect import ordered
from desktop_app.storage.models import TeacherRow

SPECIAL = "ӘәҚқІіҮүҰұӨөҺһҒғҢң"
letters = st.text(alphabet=KAZAKH_ALPHABET + KAZAKH_ALPHABET.upper() + "abcXYZ -", max_size=12)


def test_alphabet_order() -> None:
    upper = list(KAZAKH_ALPHABET.upper())
    shuffled = upper[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == upper
    assert sorted(["Бекова", "Әбенова", "Абенова"], key=sort_key) == ["Абенова", "Әбенова", "Бекова"]
    assert sorted(["Ыбырай", "Ілияс", "Иван", "Йошкар"], key=sort_key) == [
        "Иван",
        "Йошкар",
        "Ыбырай",
        "Ілияс",
    ]
    assert sorted(["Zoe", "Ёлка", "Елена", "Жан"], key=sort_key) == ["Елена", "Ёлка", "Жан", "Zoe"]


def test_case_is_ignored_for_kazakh_letters() -> None:
    for upper, lower in zip(SPECIAL[::2], SPECIAL[1::2], strict=True):
        assert primary_key(upper) == primary_key(lower)
        assert upper.casefold() == lower


@given(letters)
def test_case_insensitive_equality(text: str) -> None:
    assert primary_key(text.upper()) == primary_key(text.lower()) == primary_key(text)


@given(st.text(), st.text())
def test_order_is_total_and_antisymmetric(a: str, b: str) -> None:
    assert (sort_key(a) == sort_key(b)) == (a == b)
    assert compare(a, b) == -compare(b, a)
    assert compare(a, a) == 0
    assert (compare(a, b) < 0) == (sort_key(a) < sort_key(b))


@given(st.text(), st.text(), st.text())
def test_order_is_transitive(a: str, b: str, c: str) -> None:
    x, y, z = sorted([a, b, c], key=sort_key)
    assert compare(x, y) <= 0 and compare(y, z) <= 0 and compare(x, z) <= 0


@given(st.lists(letters, max_size=20))
def test_sort_is_consistent_with_case_insensitive_prefix(words: list[str]) -> None:
    ordered = sorted(words, key=sort_key)
    keys = [primary_key(w) for w in ordered]
    assert keys == sorted(keys)


def _teachers(*names: str) -> list[Teacher]:
    return [Teacher(f"t-{i}", last, first) for i, (last, first) in enumerate(name.split() for name in names)]


def test_database_collation_and_search(db: Database) -> None:
    names = [
        "Бекова Айгүл",
        "Әбенова Гүлнар",
        "абенова Сәуле",
        "Абенова Айжан",
        "Ілиясов Нұрлан",
        "Ыбыраев Ерлан",
        "Үсенова Дана",
        "Ұлықбек Асан",
        "Өмірзақ Бота",
        "Һадиев Ильдар",
        "Ғабитов Марат",
        "Қасымов Ерік",
        "Smith John",
        "Ңаңа Ата",
    ]
    teachers = _teachers(*names)
    with db.transaction(write=True) as store:
        store.save_school(School("s", LocalizedText("Мектеп")))
        for teacher in teachers:
            store.save_teacher("s", teacher)
    with db.transaction() as store:
        everyone = store.search_teachers("s", "")
        expected = sorted(teachers, key=lambda t: (sort_key(t.last_name), sort_key(t.first_name)))
        assert everyone == expected
        order = [t.last_name for t in everyone]
        assert order.index("Әбенова") > order.index("Абенова")
        assert order.index("Әбенова") < order.index("Бекова")

        assert [t.last_name for t in store.search_teachers("s", "ӘБЕН")] == ["Әбенова"]
        assert [t.first_name for t in store.search_teachers("s", "абенова")] == ["Айжан", "Сәуле"]
        assert [t.last_name for t in store.search_teachers("s", "әбенова гүл")] == ["Әбенова"]
        for upper, lower in zip(SPECIAL[::2], SPECIAL[1::2], strict=True):
            hits = {t.id for t in store.search_teachers("s", upper)}
            assert hits == {t.id for t in teachers if lower in t.full_name.casefold()}, upper
            assert hits
        assert store.search_teachers("s", "%") == []  # matched literally, not as a wildcard
        assert store.search_teachers("s", "SMITH")[0].first_name == "John"

        rows = store.session.execute(
            TeacherRow.__table__.select().order_by(ordered(TeacherRow.last_name))
        ).all()
        assert [r.last_name for r in rows] == sorted((t.last_name for t in teachers), key=sort_key)


def test_every_kazakh_letter_sorts_and_folds_the_same_on_both_backends(db: Database) -> None:
    """Ә Ғ Қ Ң Ө Ұ Ү Һ І and every other letter, each in both cases, alone, leading and following,
    with spaces, digits, hyphens and Latin: the database's order is the Python order, and a search
    typed in either case finds the names with the letter in the other."""
    names: list[str] = []
    for letter in KAZAKH_ALPHABET:
        names += [letter.upper() + "а", letter + "б", "А" + letter, "а" + letter.upper() + "в"]
    names += ["Ан а", "Ана-Б", "Ана 10", "Ана 2", "1А", "А1", "Abc", "abd", "Ёж", "Еж", "Йод", "Иод"]
    random.Random(253).shuffle(names)
    teachers = [Teacher(f"t-{i}", name, "Аты") for i, name in enumerate(names)]
    with db.transaction(write=True) as store:
        store.save_school(School("s", LocalizedText("Мектеп")))
        for teacher in teachers:
            store.save_teacher("s", teacher)
    with db.transaction() as store:
        assert [t.last_name for t in store.search_teachers("s", "")] == sorted(names, key=sort_key)
        for upper, lower in zip(SPECIAL[::2], SPECIAL[1::2], strict=True):
            for typed, other in ((upper, lower), (lower, upper)):
                found = {t.last_name for t in store.search_teachers("s", typed)}
                assert found == {n for n in names if typed in n or other in n}, typed
