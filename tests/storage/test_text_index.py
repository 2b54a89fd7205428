"""The passages of protocols and their FTS5 index follow every write of a meeting, in its transaction."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.engine import Connection

from desktop_app.domain.entities import AgendaItem, SchoolRecords, Speech
from desktop_app.storage import dialect
from desktop_app.storage.database import Database, alembic_config, to_url
from desktop_app.storage.mapping import meeting_texts


def _passages(connection: Connection, school: str | None = None) -> list[tuple[str, str, int | None, str, str]]:
    rows = connection.exec_driver_sql(
        "SELECT school_id, meeting_id, item, field, text FROM protocol_texts ORDER BY id").fetchall()
    return [tuple(r) for r in rows if school is None or r[0] == school]  # type: ignore[misc]


def _expected(school: str, records: SchoolRecords) -> list[tuple[str, str, int | None, str, str]]:
    return [(school, m.id, item, field, text) for m in records.meetings for item, field, text in meeting_texts(m)]


def _indexed(connection: Connection, word: str) -> list[str]:
    """Texts the FTS5 index finds for ``word`` (a check beside the Store's own query)."""
    return [r[0] for r in connection.exec_driver_sql(
        f"SELECT t.text FROM {dialect.TEXT_INDEX} f JOIN protocol_texts t ON t.id = f.rowid "
        f"WHERE {dialect.TEXT_INDEX} MATCH ? ORDER BY t.id", (f'"{word}"*',))]


def _consistent(db: Database) -> None:
    with db.connect() as connection:
        assert dialect.text_index_problems(connection) == []


@pytest.mark.sqlite_only
def test_import_save_delete_and_replace_keep_the_passages(db: Database, sample: SchoolRecords) -> None:
    school = sample.school.id
    with db.transaction(write=True) as store:
        store.insert_records(sample)
    with db.connect() as connection:
        assert _passages(connection) == _expected(school, sample)
        assert _indexed(connection, "ТӘЛІМГЕР")
    _consistent(db)

    edited = copy.deepcopy(sample.meetings[0])
    edited.agenda = [AgendaItem(1, "Жаңа тақырып", ["Қаулы"], [Speech("t-01", "Баяндама")])]
    edited.place = None
    with db.transaction(write=True) as store:
        store.save_meeting(school, edited)
    with db.connect() as connection:
        mine = [p for p in _passages(connection) if p[1] == edited.id]
        assert mine == [(school, edited.id, 1, "title", "Жаңа тақырып"), (school, edited.id, 1, "heard", "Баяндама"),
                        (school, edited.id, 1, "decision", "Қаулы")]
        assert _indexed(connection, "тәлімгер") == []
        assert _indexed(connection, "жаңа") == ["Жаңа тақырып"]
    _consistent(db)

    extra = copy.deepcopy(edited)
    extra.id, extra.number = "m-extra", 9
    extra.agenda[0].title = "Қосымша отырыс"
    with db.transaction(write=True) as store:
        store.save_meeting(school, extra)
    with db.connect() as connection:
        assert _indexed(connection, "ҚОСЫМША") == ["Қосымша отырыс"]
    with db.transaction(write=True) as store:
        store.delete_meeting(school, extra.id)
    with db.connect() as connection:
        assert {p[1] for p in _passages(connection)} == {m.id for m in sample.meetings}
        assert _indexed(connection, "қосымша") == []
    _consistent(db)

    with db.transaction(write=True) as store:
        store.delete_school(school)
        store.insert_records(sample)
    with db.connect() as connection:
        assert _passages(connection) == _expected(school, sample)
    _consistent(db)


@pytest.mark.sqlite_only
def test_a_failed_transaction_leaves_the_index_as_it_was(db: Database, sample: SchoolRecords) -> None:
    school = sample.school.id
    with db.transaction(write=True) as store:
        store.insert_records(sample)
    edited = copy.deepcopy(sample.meetings[0])
    edited.agenda[0].title = "Уақытша атау"
    with pytest.raises(RuntimeError), db.transaction(write=True) as store:
        store.save_meeting(school, edited)
        raise RuntimeError("the use case failed after the write")
    with db.connect() as connection:
        assert _indexed(connection, "уақытша") == []
        assert _passages(connection) == _expected(school, sample)
    _consistent(db)


def test_store_search_is_phrase_then_prefix_newest_first(db: Database, sample: SchoolRecords) -> None:
    school = sample.school.id
    with db.transaction(write=True) as store:
        store.insert_records(sample)
        assert [(p.meeting, p.place) for p in store.search_protocols(school, "ОҚУ ЖЫЛ", 10)] == [
            ("m-math-26-1", "title"), ("m-math-26-1", "spoke")]
        assert store.search_protocols(school, "жылы оқу", 10) == []  # words in this order only
        assert [p.meeting for p in store.search_protocols(school, "кабинет", 10)] == ["m-math-26-2", "m-math-26-1"]
        assert store.search_protocols("school-8", "кабинет", 10) == []
        first = store.search_protocols(school, "кабинет", 1)[0]
        assert (first.body, first.academic_year, first.number, first.item) == ("mo-math-26", "2026-2027", 2, None)


def test_migration_0003_fills_the_passages_of_an_older_file(tmp_db_path: Path, sample: SchoolRecords) -> None:
    """Up to 0002, records written; at head the passages are those the Store would write, indexed."""
    url = to_url(tmp_db_path)
    with Database.open(tmp_db_path) as db, db.transaction(write=True) as store:
        store.insert_records(sample)
    engine = dialect.create_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002_accounts_audit")
        tables = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "protocol_texts" not in tables and dialect.TEXT_INDEX not in tables
    engine.dispose()
    with Database.open(tmp_db_path, backup_dir=tmp_db_path.parent / "backups") as db:
        assert db.text_index
        with db.connect() as connection:
            assert _passages(connection) == _expected(sample.school.id, sample)
            assert _indexed(connection, "СОЧ") == ["Итоги I четверти: анализ СОР и СОЧ по математике и информатике"]
        _consistent(db)


@pytest.mark.sqlite_only
def test_the_integrity_check_finds_an_index_out_of_step_with_the_texts(db: Database, sample: SchoolRecords) -> None:
    with db.transaction(write=True) as store:
        store.insert_records(sample)
    assert db.integrity_problems() == []
    with db.engine.begin() as connection:  # one passage taken out of the index behind the triggers' back
        row = connection.exec_driver_sql("SELECT id, text FROM protocol_texts ORDER BY id LIMIT 1").fetchone()
        connection.exec_driver_sql(
            f"INSERT INTO {dialect.TEXT_INDEX}({dialect.TEXT_INDEX}, rowid, text) VALUES ('delete', ?, ?)",
            (row[0], row[1]))
    problems = db.integrity_problems()
    assert problems and dialect.TEXT_INDEX in problems[0]
