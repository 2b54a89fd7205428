"""Everything specific to SQLite lives here; the rest of storage writes portable SQL.

SQLite: the pysqlite driver's own transaction handling is switched off (isolation_level=None)
and this module emits ``BEGIN`` itself, ``BEGIN IMMEDIATE`` for connections marked for writing,
so that a writer takes the write lock up front instead of failing halfway through
(SQLAlchemy docs, "Serializable isolation / Savepoints / Transactional DDL" for pysqlite).
Case-insensitive matching and Kazakh alphabet order are Python functions registered on every
connection; on PostgreSQL the same helpers compile to ``lower()`` and an ICU collation made by
:func:`ensure_collation` whose options give exactly the order of ``collation.compare``.
The full-text index of protocols is an FTS5 table over ``protocol_texts``, kept in step by
triggers; a Python built with an SQLite without FTS5 simply has no index (see ``ensure_text_index``).
PostgreSQL searches the same passages with a regular expression over their lower-cased text
(:func:`text_match`), which matches what the FTS5 query matches.
"""

from __future__ import annotations

import functools
import re
import select
import sqlite3
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import TableClause
from sqlalchemy.sql.functions import FunctionElement

from desktop_app.storage.collation import compare

#: Execution option that makes the transaction take the write lock at BEGIN.
WRITE_OPTION = "metodsovet_write"
SQLITE_COLLATION = "cyrillic_kk"
POSTGRESQL_COLLATION = "metodsovet_kk"
#: ICU's Kazakh order with upper case first on ties and, after the Cyrillic letters, spaces,
#: punctuation, digits and Latin letters: the order of ``collation.compare`` (tests/storage/test_collation.py).
POSTGRESQL_COLLATION_LOCALE = "kk-KZ-u-kf-upper-kr-cyrl-space-punct-digit-latn"
DEFAULT_BUSY_TIMEOUT_MS = 5000


def _casefold(value: str | None) -> str | None:
    return value.casefold() if isinstance(value, str) else value


#: Execution options of a reading transaction. On PostgreSQL (READ COMMITTED: every statement sees
#: its own snapshot anyway) a read runs without BEGIN and COMMIT, two round trips fewer per read;
#: SQLite keeps its deferred BEGIN, which gives a read one snapshot of the file.
READ_OPTIONS: dict[str, dict[str, Any]] = {"postgresql": {"isolation_level": "AUTOCOMMIT"}, "sqlite": {}}


def create_engine(url: str | sa.URL, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    """An engine for ``url`` with this program's connection settings."""
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "checkout", _refuse_closed)
    return engine


def _refuse_closed(dbapi_connection: Any, record: ConnectionPoolEntry, proxy: Any) -> None:
    """On a server, a connection the pool kept is looked at before use: after a restart of the
    server (or its end) the next action reconnects instead of failing on a dead connection. An idle
    connection has nothing to read; the server that ended it has sent its goodbye or closed the
    socket, which a look at the socket finds without a round trip (a ping would cost one per read)."""
    try:
        closed = bool(dbapi_connection.closed) or bool(select.select([dbapi_connection.fileno()], [], [], 0)[0])
    except (OSError, ValueError, AttributeError):
        closed = True
    if closed:
        raise sa.exc.DisconnectionError("the server closed the connection")


def ensure_collation(connection: Connection) -> None:
    """The ICU collation of Kazakh order on PostgreSQL (made once, by the database's owner).

    Raises ``sa.exc.DBAPIError`` when the server has no ICU or the login may not create it."""
    if connection.dialect.name != "postgresql":
        return
    present = connection.exec_driver_sql(
        "SELECT 1 FROM pg_collation WHERE collname = %(name)s", {"name": POSTGRESQL_COLLATION}).first()
    if present is None:
        connection.exec_driver_sql(
            f'CREATE COLLATION IF NOT EXISTS "{POSTGRESQL_COLLATION}" '
            f"(provider = icu, locale = '{POSTGRESQL_COLLATION_LOCALE}')")


def refresh_statistics(engine: Engine) -> None:
    """After a whole school was copied onto a server: ``VACUUM (ANALYZE)``, so that the planner
    knows the tables' sizes and an index-only count (a plan's rows) need not read the table too
    until autovacuum comes round. SQLite keeps no statistics here (its plans are the ones tested)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE)")  # tables of other owners are skipped with a notice


#: The advisory lock that one writing transaction at a time holds on PostgreSQL, as BEGIN IMMEDIATE
#: does on SQLite: the audit chain's head, the next meeting number and each record's revision are
#: read and written by one writer at a time (issue 17, point 2). Released at COMMIT or ROLLBACK.
WRITER_LOCK = 0x4D534F56  # "MSOV"


def lock_writers(connection: Connection) -> None:
    """Wait for the writer lock (PostgreSQL); SQLite's write lock is taken by BEGIN IMMEDIATE.
    Taking it twice in one transaction is harmless (it stacks)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(WRITER_LOCK)))


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
        dbapi_connection.create_collation(SQLITE_COLLATION, compare)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# --- full-text index of protocols ---------------------------------------------------------------

#: The FTS5 table over ``protocol_texts.text``; FTS5 keeps its own tables under names that begin
#: with it (``_data``, ``_idx``, ``_docsize``, ``_config``).
TEXT_INDEX = "protocol_texts_fts"
#: unicode61 folds case by Unicode's rules, Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І included; ``remove_diacritics 0``
#: keeps Й and Ё apart from И and Е.
TEXT_TOKENIZER = "unicode61 remove_diacritics 0"
_TRIGGERS = {
    f"{TEXT_INDEX}_insert": f"AFTER INSERT ON protocol_texts BEGIN "
    f"INSERT INTO {TEXT_INDEX}(rowid, text) VALUES (new.id, new.text); END",
    f"{TEXT_INDEX}_delete": f"AFTER DELETE ON protocol_texts BEGIN "
    f"INSERT INTO {TEXT_INDEX}({TEXT_INDEX}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"{TEXT_INDEX}_update": f"AFTER UPDATE ON protocol_texts BEGIN "
    f"INSERT INTO {TEXT_INDEX}({TEXT_INDEX}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {TEXT_INDEX}(rowid, text) VALUES (new.id, new.text); END",
}


@functools.cache
def fts5_available() -> bool:
    """Whether the SQLite linked into Python can create an FTS5 table (asked once per process)."""
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: the tables of the FTS5 index (the virtual table and FTS5's
    own) are not described by the models, so schema comparisons and autogenerate skip them."""
    return not (type_ == "table" and name is not None
                and (name == TEXT_INDEX or name.startswith(f"{TEXT_INDEX}_")))


def create_text_index(connection: Connection) -> None:
    """The FTS5 index and its triggers, filled from ``protocol_texts`` (in the caller's transaction)."""
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TEXT_INDEX} USING fts5(text, content='protocol_texts', "
        f"content_rowid='id', tokenize='{TEXT_TOKENIZER}')")
    for name, body in _TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    connection.exec_driver_sql(f"INSERT INTO {TEXT_INDEX}({TEXT_INDEX}) VALUES ('rebuild')")


def drop_text_index(connection: Connection) -> None:
    for name in _TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TEXT_INDEX}")


def ensure_text_index(connection: Connection) -> bool:
    """Checked once when a database is opened: is the index there and kept in step?

    With FTS5 at hand a missing index or trigger (a file migrated, or last written, by a Python
    without FTS5) is made and filled again. Without FTS5 the triggers are dropped, so that writes
    to ``protocol_texts`` do not fail on the index they cannot reach; it is rebuilt when the file
    is next opened with FTS5. Returns whether searches can use the index."""
    if connection.dialect.name != "sqlite":
        return False
    present = {row[0] for row in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE name = ? OR tbl_name = 'protocol_texts'", (TEXT_INDEX,))}
    if "protocol_texts" not in present:
        return False  # a schema older than revision 0003 (only while migrating)
    wanted = {TEXT_INDEX, *_TRIGGERS}
    if not fts5_available():
        for name in _TRIGGERS.keys() & present:
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
        return False
    if not wanted <= present:
        create_text_index(connection)
    return True


def text_index_problems(connection: Connection) -> list[str]:
    """FTS5's own check that the index matches ``protocol_texts`` (empty: it does)."""
    try:
        # rank = 1: also compare the index with its external content table, not only with itself.
        connection.exec_driver_sql(f"INSERT INTO {TEXT_INDEX}({TEXT_INDEX}, rank) VALUES ('integrity-check', 1)")
    except sa.exc.DatabaseError as error:
        return [f"{TEXT_INDEX}: {error.orig}"]
    return []


def text_index() -> TableClause:
    """The FTS5 table for a join on ``rowid`` = ``protocol_texts.id``."""
    return sa.table(TEXT_INDEX, sa.column("rowid", sa.Integer()))


def text_index_match(text: str) -> ColumnElement[bool]:
    """Rows of the index with ``text`` as a phrase, its last word as a prefix ("оқу жыл" finds
    "оқу жылы"), in any case. The phrase is quoted, so FTS5 operators in it are plain words."""
    phrase = '"' + text.replace('"', '""') + '"*'
    return sa.literal_column(TEXT_INDEX).match(phrase)


#: A letter or digit for PostgreSQL's regular expressions (under the ICU collation: every script).
_WORD_CHARACTER = "[[:alnum:]]"


def text_pattern(text: str) -> str | None:
    """A PostgreSQL regular expression (ARE) over case-folded text that matches where the FTS5
    phrase query of :func:`text_index_match` does: the words of ``text`` (runs of letters and
    digits, as unicode61 splits them) one after the other at the start of a word, separated by
    anything else, the last one maybe unfinished. None when ``text`` has no word."""
    words = re.findall(r"[^\W_]+", text.casefold())
    if not words:
        return None
    # The words hold letters and digits only: nothing to escape. A separator after a word also
    # ends it, so only the first word needs its start checked.
    return f"(?<!{_WORD_CHARACTER})" + f"[^{_WORD_CHARACTER[1:-1]}]+".join(words)


def text_match(column: ColumnElement[str] | Any, text: str) -> ColumnElement[bool]:
    """``column`` (case-folded by the ICU collation) matches :func:`text_pattern` of ``text``."""
    pattern = text_pattern(text)
    if pattern is None:
        return sa.false()
    folded = _Casefold(column)
    return folded.regexp_match(sa.literal(pattern, sa.String()).collate(POSTGRESQL_COLLATION))


def sqlite_pragma(connection: Connection, name: str) -> Any:
    """The value of one PRAGMA (for checks and tests)."""
    return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def integrity_problems(connection: Connection) -> list[str]:
    """What ``integrity_check`` and ``foreign_key_check`` find wrong in an SQLite file (empty: sound)."""
    rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
    for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} row {rowid}: reference to a missing {parent} record")
    return problems


def file_problems(connection: sqlite3.Connection) -> list[str]:
    """The same checks as :func:`integrity_problems` on a plain sqlite3 connection."""
    result = integrity_check(connection)
    problems = [] if result == "ok" else result.splitlines()
    for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid}: reference to a missing {parent} record")
    return problems


def integrity_check(connection: sqlite3.Connection) -> str:
    """``PRAGMA integrity_check`` of a raw sqlite3 connection: "ok" when the file is sound."""
    rows = connection.execute("PRAGMA integrity_check").fetchall()
    return "\n".join(str(row[0]) for row in rows)


# --- portable expressions ---------------------------------------------------------------------


class _Casefold(FunctionElement[str]):
    type = sa.String()
    inherit_cache = True
    name = "casefold"


@compiles(_Casefold)
def _casefold_default(element: _Casefold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(_Casefold, "postgresql")
def _casefold_postgresql(element: _Casefold, compiler: SQLCompiler, **kw: Any) -> str:
    # lower() folds by the collation: ICU's folds every Kazakh letter whatever the database's locale.
    return f'lower(({compiler.process(element.clauses, **kw)}) COLLATE "{POSTGRESQL_COLLATION}")'



@compiles(_Casefold, "sqlite")
def _casefold_sqlite(element: _Casefold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"casefold({compiler.process(element.clauses, **kw)})"


class _Contains(FunctionElement[bool]):
    """``needle`` occurs in ``haystack``, both already case-folded; no LIKE wildcards to escape."""

    type = sa.Boolean()
    inherit_cache = True
    name = "strpos"


@compiles(_Contains)
def _contains_default(element: _Contains, compiler: SQLCompiler, **kw: Any) -> str:
    haystack, needle = element.clauses
    return f"(strpos({compiler.process(haystack, **kw)}, {compiler.process(needle, **kw)}) > 0)"


@compiles(_Contains, "sqlite")
def _contains_sqlite(element: _Contains, compiler: SQLCompiler, **kw: Any) -> str:
    haystack, needle = element.clauses
    return f"(instr({compiler.process(haystack, **kw)}, {compiler.process(needle, **kw)}) > 0)"


class _KazakhOrder(FunctionElement[str]):
    type = sa.String()
    inherit_cache = True
    name = "kazakh_order"


@compiles(_KazakhOrder)
def _order_default(element: _KazakhOrder, compiler: SQLCompiler, **kw: Any) -> str:
    return f'{compiler.process(element.clauses, **kw)} COLLATE "{POSTGRESQL_COLLATION}"'


@compiles(_KazakhOrder, "sqlite")
def _order_sqlite(element: _KazakhOrder, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{compiler.process(element.clauses, **kw)} COLLATE {SQLITE_COLLATION}"


def casefold(expression: ColumnElement[str] | Any) -> ColumnElement[str]:
    """The expression, case-folded for comparison (Kazakh and Russian letters included)."""
    return _Casefold(expression)


def ci_contains(column: ColumnElement[str] | Any, text: str) -> ColumnElement[bool]:
    """``column`` contains ``text``, ignoring case; ``text`` is matched literally."""
    return _Contains(_Casefold(column), _Casefold(sa.literal(text, sa.String())))


def ordered(column: ColumnElement[str] | Any) -> ColumnElement[str]:
    """``column`` in Kazakh alphabet order, for ``order_by``."""
    return _KazakhOrder(column)
