"""Protocol search: any case of Kazakh and Russian letters, all years, a change is found at once."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.entities import AgendaItem
from desktop_app.services.search import find_in, fts5_available
from tests.services.conftest import Env, meeting


def test_kazakh_letters_in_another_case_are_found_with_their_span(env: Env) -> None:
    actor = env.actor("admin")
    hits = env.s.search.search(actor, "school-7", "ОҚУ ЖЫЛЫНА")
    assert hits and hits[0].meeting == "m-math-26-1"
    hit = hits[0]
    assert hit.text[hit.start:hit.end] == "оқу жылына"
    for upper, lower in (("Ә", "ә"), ("Қ", "қ"), ("Ү", "ү"), ("І", "і"), ("Ғ", "ғ"), ("Ө", "ө")):
        assert find_in(f"x {lower}y", f"{upper}Y") == (2, 4)
    assert env.s.search.search(actor, "school-7", "   ") == []


def test_a_saved_meeting_is_found_by_the_next_search(env: Env) -> None:
    actor = env.actor("admin")
    assert env.s.search.search(actor, "school-7", "үйірмелер") == []  # fills the cache
    record = replace(meeting(), agenda=[AgendaItem(1, "Үйірмелер жұмысы", ["ҮЙІРМЕЛЕР ашылсын"])])
    env.s.meetings.save(actor, "school-7", record)
    places = [h.place for h in env.s.search.search(actor, "school-7", "үйірмелер")]
    assert places == ["title", "decision"]


def test_fts5_is_reported() -> None:
    assert isinstance(fts5_available(), bool)
