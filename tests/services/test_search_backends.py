"""The server's protocol search finds what SQLite's FTS5 index finds, on the same records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import AgendaItem, Speech
from desktop_app.services import Services
from desktop_app.services.search import FtsProtocolSearch, ServerProtocolSearch
from tests import server
from tests.services.conftest import SAMPLE_BYTES, SCHOOL, meeting
from tests.services.test_search import KAZAKH

TEXTS = [
    "Оқу-жылы басталды: 2026–2027 оқу жылына дайындық",
    "ҮЙІРМЕЛЕР мен секциялар; «Дебат» клубы, 8 \"В\" сыныбы",
    "Ёлка мен шырша, елка емес; snake_case және CamelCase",
    *(f"{capital}ала{small} {small}АЛА{capital}-{small}ызы" for capital, small in KAZAKH),
]
QUERIES = [
    "оқу жылы", "ОҚУ-ЖЫЛ", "оқу жыл", "жылы оқу", "2026", "2027 оқу", "үйірме", "СЕКЦИЯ", "дебат клуб",
    '8 "В"', "8 в", "ёлка", "елка", "ЁЛК", "snake", "case", "camel", "итоги", "итоги*", "(итоги", "—", "x",
    *(f"{capital}АЛА" for capital, _ in KAZAKH), *(f"АЛА{capital}" for capital, _ in KAZAKH),
    *(f"{small}ызы" for _, small in KAZAKH),
    *(f"{small}ала{small}" for _, small in KAZAKH),
]
#: Queries that find nothing on either: words in another order, no word at all, the middle of a word.
NOTHING = ["жылы оқу", "—", "x", *(f"АЛА{capital}" for capital, _ in KAZAKH)]


def _fill(services: Services) -> None:
    services.exchange.import_document(COMMAND_LINE, SAMPLE_BYTES)
    items = [AgendaItem(i + 1, text, [text.upper()], [Speech("t-01", text.lower())]) for i, text in enumerate(TEXTS)]
    services.meetings.save(COMMAND_LINE, SCHOOL, replace(meeting(), agenda=items, place="Мәжіліс залы"))


@pytest.fixture
def pair(pg_cluster: server.Cluster, tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    file = Services.open(str(tmp_path / "db.sqlite3"))
    name = pg_cluster.create_database()
    on_server = Services.open(pg_cluster.url(name, server.OWNER))
    try:
        _fill(file)
        _fill(on_server)
        yield file, on_server
    finally:
        file.close()
        on_server.close()
        pg_cluster.drop_database(name)


def test_the_server_finds_what_fts5_finds(pair: tuple[Services, Services]) -> None:
    file, on_server = pair
    assert isinstance(file.search, FtsProtocolSearch) and isinstance(on_server.search, ServerProtocolSearch)
    empty = []
    for query in QUERIES:
        expected = file.search.search(COMMAND_LINE, SCHOOL, query)
        assert on_server.search.search(COMMAND_LINE, SCHOOL, query) == expected, query
        if not expected:
            empty.append(query)
    assert empty == NOTHING
