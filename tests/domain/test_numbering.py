"""A number typed in front of a decision is stripped; text that only starts with a number stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.numbering import strip_leading_number

WORDS = st.text(alphabet="ӘҒҚҢӨҰҮҺІабвгдеәғқңөұүһі <>&\"'«»—", min_size=1, max_size=40).filter(
    lambda t: t.strip() != "" and not t[0].isspace())
NUMBERS = st.lists(st.integers(1, 99), min_size=1, max_size=3).map(lambda parts: ".".join(map(str, parts)))


@given(NUMBERS, st.sampled_from([". ", ") ", ".  "]), WORDS)
def test_a_typed_number_is_stripped(number: str, tail: str, text: str) -> None:
    assert strip_leading_number(f"{number}{tail}{text}") == text


@given(NUMBERS, NUMBERS, WORDS)
def test_repeated_numbers_are_stripped(first: str, second: str, text: str) -> None:
    assert strip_leading_number(f"{first}. {second}. {text}") == text


@given(st.text(max_size=60))
def test_idempotent_and_a_suffix(text: str) -> None:
    once = strip_leading_number(text)
    assert strip_leading_number(once) == once
    assert text.endswith(once)
    assert once or not text  # never strips everything


@given(WORDS)
def test_text_without_a_number_is_kept(text: str) -> None:
    assert strip_leading_number(text) == text


@pytest.mark.parametrize("text", ["2026 жылы семинар өткізу", "3 сынып оқушылары", "1.5 часа на повторение",
                                  "1.1.", "7.1.2.3 оқу мақсаты"])
def test_numbers_that_are_the_text_stay(text: str) -> None:
    assert strip_leading_number(text) == text


@pytest.mark.parametrize(("typed", "kept"), [("1.1. Принять к сведению", "Принять к сведению"),
                                             ("1.1 Принять", "Принять"), ("2) Ұсынылсын", "Ұсынылсын"),
                                             ("  3. Бекітілсін", "Бекітілсін")])
def test_examples(typed: str, kept: str) -> None:
    assert strip_leading_number(typed) == kept
