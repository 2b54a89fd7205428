"""Protocol search: any case of Kazakh and Russian letters, all years, a change is found at once.

Each behaviour is checked on the search in SQL (the FTS5 index of an SQLite file, the regular
expression of a PostgreSQL server) and on the plain fallback, which must all give the same hits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import AgendaItem, MeetingStatus, Speech
from desktop_app.domain.errors import DomainError
from desktop_app.services import Services
from desktop_app.services.search import (
    FtsProtocolSearch,
    PlainProtocolSearch,
    ProtocolSearch,
    ServerProtocolSearch,
    find_in,
    match_span,
)
from desktop_app.storage import dialect
from desktop_app.storage.database import Database
from tests.services.conftest import SAMPLE_BYTES, SCHOOL, Env, meeting

#: Kazakh letters beyond the Russian alphabet, capital and small.
KAZAKH = (("Ә", "ә"), ("Қ", "қ"), ("І", "і"), ("Ү", "ү"), ("Ө", "ө"), ("Ұ", "ұ"), ("Ң", "ң"),
          ("Ғ", "ғ"), ("Һ", "һ"))

Searcher = Callable[[Env], ProtocolSearch]
SEARCHERS: dict[str, Searcher] = {
    "index": lambda env: env.s.search,
    "plain": lambda env: PlainProtocolSearch(env.s.db, env.clock),
}


@pytest.fixture(params=list(SEARCHERS))
def search(request: pytest.FixtureRequest, env: Env) -> ProtocolSearch:
    return SEARCHERS[request.param](env)


def test_the_index_is_chosen_when_the_sqlite_has_fts5_and_the_server_searches_itself(env: Env) -> None:
    if env.backend == "postgresql":
        assert isinstance(env.s.search, ServerProtocolSearch)
        return
    assert dialect.fts5_available()  # the builds we ship and test on have it
    assert env.s.db.text_index
    assert isinstance(env.s.search, FtsProtocolSearch)


def test_kazakh_letters_in_another_case_are_found_with_their_span(env: Env, search: ProtocolSearch) -> None:
    actor = env.actor("admin")
    hits = search.search(actor, SCHOOL, "ОҚУ ЖЫЛЫНА")
    assert hits and hits[0].meeting == "m-math-26-1"
    hit = hits[0]
    assert (hit.place, hit.item) == ("title", 1)
    assert hit.text[hit.start:hit.end] == "оқу жылына"
    for upper, lower in KAZAKH:
        assert find_in(f"x {lower}y", f"{upper}Y") == (2, 4)
    assert search.search(actor, SCHOOL, "   ") == []


def test_every_kazakh_letter_folds_both_ways(env: Env, search: ProtocolSearch) -> None:
    """A word of each Kazakh letter, stored in one case, is found when typed in the other."""
    actor = env.actor("admin")
    lower = " ".join(f"{small}ала{small}" for _, small in KAZAKH)
    upper = " ".join(f"{capital}АЛА{capital}" for capital, _ in KAZAKH)
    record = replace(meeting(), agenda=[AgendaItem(1, lower, [upper, "Шырша мен ёлка"])])
    env.s.meetings.save(actor, SCHOOL, record)
    for capital, small in KAZAKH:
        for typed in (f"{capital}АЛА{capital}", f"{small}ала{small}"):
            places = {h.place for h in search.search(actor, SCHOOL, typed)}
            assert places == {"title", "decision"}, (typed, places)
    assert [h.text for h in search.search(actor, SCHOOL, "ЁЛКА")] == ["Шырша мен ёлка"]
    assert search.search(actor, SCHOOL, "елка") == []  # Ё is not Е with its dots taken off


def test_a_word_typed_partly_is_found(env: Env, search: ProtocolSearch) -> None:
    actor = env.actor("admin")
    hits = search.search(actor, SCHOOL, "тәлімг")
    assert {(h.meeting, h.place) for h in hits} >= {("m-math-26-1", "title"), ("m-math-26-1", "heard")}
    assert all(h.text[h.start:h.end].casefold() == "тәлімг" for h in hits)
    assert search.search(actor, SCHOOL, "итоги i четв")[0].place == "title"


def test_a_saved_meeting_is_found_by_the_next_search(env: Env, search: ProtocolSearch) -> None:
    actor = env.actor("admin")
    assert search.search(actor, SCHOOL, "үйірмелер") == []  # fills the plain search's cache
    record = replace(meeting(), agenda=[AgendaItem(1, "Үйірмелер жұмысы", ["ҮЙІРМЕЛЕР ашылсын"])])
    saved = env.s.meetings.save(actor, SCHOOL, record)
    places = [(h.meeting, h.place) for h in search.search(actor, SCHOOL, "үйірмелер")]
    assert places == [(saved.id, "title"), (saved.id, "decision")]
    edited = replace(saved, agenda=[AgendaItem(1, "Спорт секциялары", ["Секциялар ашылсын"])])
    env.s.meetings.save(actor, SCHOOL, edited)
    assert search.search(actor, SCHOOL, "үйірмелер") == []
    assert [h.place for h in search.search(actor, SCHOOL, "секция")] == ["title", "decision"]
    env.s.meetings.delete(actor, SCHOOL, saved.id)
    assert search.search(actor, SCHOOL, "секция") == []


def test_hits_come_newest_meeting_first_in_the_order_of_the_protocol(env: Env, search: ProtocolSearch) -> None:
    actor = env.actor("admin")
    item = AgendaItem(1, "Олимпиада", ["Олимпиада өткізілсін"], [Speech("t-01", "Олимпиада туралы")],
                      [Speech("t-02", "Олимпиадаға дайындық")])
    later = env.s.meetings.save(actor, SCHOOL, replace(meeting(), agenda=[item], place="Олимпиада залы"))
    hits = search.search(actor, SCHOOL, "олимпиада")
    assert [(h.meeting, h.place, h.item) for h in hits] == [
        (later.id, "place", None), (later.id, "title", 1), (later.id, "heard", 1), (later.id, "spoke", 1),
        (later.id, "decision", 1)]
    assert hits[0].number == 3 and hits[0].academic_year == "2026-2027" and hits[0].body == "mo-math-26"
    older = search.search(actor, SCHOOL, "кабинет")
    assert [h.meeting for h in older] == ["m-math-26-2", "m-math-26-1"]  # 2 is later than 1
    assert len(search.search(actor, SCHOOL, "олимпиада", limit=2)) == 2


def test_a_new_version_is_searched_as_it_is_now(env: Env, search: ProtocolSearch) -> None:
    actor = env.actor("admin")
    record = env.s.meetings.save(actor, SCHOOL, replace(meeting(), agenda=[AgendaItem(1, "Бастапқы атау", ["Ш"])]))
    env.s.meetings.set_status(actor, SCHOOL, record.id, MeetingStatus.HELD)
    env.s.meetings.finalize(actor, SCHOOL, record.id)
    reopened = env.s.meetings.new_version(actor, SCHOOL, record.id, "Атауы қате")
    env.s.meetings.save(actor, SCHOOL, replace(reopened, agenda=[AgendaItem(1, "Түзетілген атау", ["Ш"])]))
    assert search.search(actor, SCHOOL, "бастапқы") == []
    assert [h.meeting for h in search.search(actor, SCHOOL, "түзетілген")] == [record.id]


def test_a_replaced_school_is_searched_as_imported(env: Env, search: ProtocolSearch) -> None:
    actor = env.actor("admin")
    env.s.meetings.save(actor, SCHOOL, replace(meeting(), agenda=[AgendaItem(1, "Жойылатын тақырып", ["Ш"])]))
    assert search.search(actor, SCHOOL, "жойылатын")
    env.s.exchange.import_document(COMMAND_LINE, SAMPLE_BYTES, replace=True)
    assert search.search(actor, SCHOOL, "жойылатын") == []
    assert search.search(actor, SCHOOL, "оқу жылына")[0].meeting == "m-math-26-1"


def test_every_role_of_the_school_searches_and_another_school_is_refused(env: Env, search: ProtocolSearch) -> None:
    for role in ("admin", "director", "head", "teacher", "viewer"):
        assert search.search(env.actor(role), SCHOOL, "итоги"), role
    with pytest.raises(DomainError):
        search.search(env.actor("viewer"), "school-8", "итоги")


def test_operators_and_quotes_are_plain_words(env: Env, search: ProtocolSearch) -> None:
    actor = env.actor("admin")
    for typed in ('8 "В"', "СОР AND", "NOT итоги", "итоги*", "(итоги", "итоги:", "—"):
        search.search(actor, SCHOOL, typed)  # no syntax error reaches the user
    hits = search.search(actor, SCHOOL, '8 "В"')
    assert hits and hits[0].text[hits[0].start:hits[0].end] == '8 "В"'


def test_match_span_prefers_a_word_start_and_tolerates_separators() -> None:
    assert match_span("бжыл және жылы", "ЖЫЛ") == (10, 13)
    assert match_span("оқу-жылы басталды", "оқу жылы") == (0, 8)
    assert match_span("мүлдем басқа", "оқу") == (0, 0)


@pytest.mark.sqlite_only
def test_without_fts5_the_plain_search_is_chosen_and_writes_still_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An SQLite without FTS5: the migration skips the index, writes keep ``protocol_texts`` and
    the search scans; opened again with FTS5, the index is made and filled, later writes included."""
    path = tmp_path / "db.sqlite3"
    monkeypatch.setattr(dialect, "fts5_available", lambda: False)
    services = Services.over(Database.open(path))
    try:
        assert not services.db.text_index and isinstance(services.search, PlainProtocolSearch)
        services.exchange.import_document(COMMAND_LINE, SAMPLE_BYTES)
        with services.db.connect() as connection:
            names = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert not {n for n in names if n.startswith(dialect.TEXT_INDEX)}
        assert services.search.search(COMMAND_LINE, SCHOOL, "ОҚУ ЖЫЛЫНА")
    finally:
        services.close()
    monkeypatch.undo()
    services = Services.over(Database.open(path))
    try:
        assert services.db.text_index and isinstance(services.search, FtsProtocolSearch)
        assert services.search.search(COMMAND_LINE, SCHOOL, "ОҚУ ЖЫЛЫНА")[0].meeting == "m-math-26-1"
    finally:
        services.close()


@pytest.mark.sqlite_only
def test_a_file_indexed_elsewhere_is_written_without_fts5_and_reindexed_later(
        env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    env.s.close()
    monkeypatch.setattr(dialect, "fts5_available", lambda: False)
    services = Services.over(Database.open(env.path), clock=env.clock)
    try:
        assert isinstance(services.search, PlainProtocolSearch)
        actor = env.actor("admin")
        services.meetings.save(actor, SCHOOL, replace(meeting(), agenda=[AgendaItem(1, "Дебат клубы", ["Ш"])]))
        assert services.search.search(actor, SCHOOL, "дебат")
    finally:
        services.close()
    monkeypatch.undo()
    services = Services.over(Database.open(env.path), clock=env.clock)
    try:
        assert isinstance(services.search, FtsProtocolSearch)
        assert [h.place for h in services.search.search(env.actor("admin"), SCHOOL, "ДЕБАТ")] == ["title"]
        with services.db.connect() as connection:
            assert dialect.text_index_problems(connection) == []
    finally:
        services.close()
    env.services = Services.over(Database.open(env.path), clock=env.clock)
