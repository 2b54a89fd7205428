"""Default file names of documents: valid on Windows, say the kind and the number, never collide."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.documents.naming import MAX_STEM, distinct_file_names, document_file_name

FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
kinds = st.sampled_from(["Хаттама", "Протокол", "Хаттамадан үзінді", "КТП", "КТЖ", "Work plan", "CON", "a.", " "])


def valid_windows_name(name: str) -> bool:
    stem = name.removesuffix(".pdf")
    return (bool(stem) and not FORBIDDEN.search(name) and not name.endswith((".", " "))
            and not stem.endswith((".", " ")) and stem.split(".")[0].upper() not in RESERVED
            and len(name) <= 255)


def test_the_names_of_the_issue() -> None:
    assert (document_file_name("Хаттама", 3, ["Математика ӘБ", "2026-09-15"])
            == "Хаттама №3 Математика ӘБ 2026-09-15.pdf")
    assert (document_file_name("Протокол", 3, ["МО математики", "2026-09-15"])
            == "Протокол №3 МО математики 2026-09-15.pdf")
    assert document_file_name("КТП", None, ["КТП", "Ким", "Информатика"]) == "КТП Ким Информатика.pdf"
    assert document_file_name("ktp", None, ["ktp ktp", "inf7"]) == "ktp inf7.pdf"
    assert document_file_name("Протокол", 1, ['МО "А/Б": итоги?', "x. "]) == "Протокол №1 МО А Б итоги x.pdf"


@given(kinds, st.integers(min_value=1, max_value=10_000), st.lists(words, max_size=8))
def test_a_name_is_valid_on_windows_and_keeps_the_kind_and_the_number(kind: str, number: int,
                                                                       parts: list[str]) -> None:
    name = document_file_name(kind, number, parts)
    assert valid_windows_name(name), name
    assert len(name.removesuffix(".pdf")) <= MAX_STEM + 1
    assert f"№{number}" in name
    assert " ".join(kind.split()).rstrip(". ") in name
    spaced = name.removesuffix(".pdf").split(" ")
    assert all(a.casefold() != b.casefold() for a, b in pairwise(spaced)), name


@given(st.lists(st.tuples(st.sampled_from(["Хаттама №1 МО.pdf", "КТП Ким.pdf", "x.pdf", "CON.pdf"]),
                          st.text(min_size=1, max_size=30)), unique_by=lambda pair: pair[1], max_size=12))
def test_distinct_records_get_distinct_valid_names(pairs: list[tuple[str, str]]) -> None:
    names = distinct_file_names([(document_file_name(n.removesuffix(".pdf"), None, []), r) for n, r in pairs])
    assert len({n.casefold() for n in names}) == len(pairs)
    assert all(valid_windows_name(n) for n in names), names


def test_a_name_shared_by_two_records_gets_the_record_ids() -> None:
    names = distinct_file_names([("КТП Ким.pdf", "ktp-1"), ("КТП Ким.pdf", "ktp-2"), ("КТП Ли.pdf", "ktp-3")])
    assert names == ["КТП Ким ktp-1.pdf", "КТП Ким ktp-2.pdf", "КТП Ли.pdf"]
