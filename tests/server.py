"""A throw-away PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder.

No mock and no SQLite pretending: the server half of the suite talks to a real ``postgres``
started here on a free port of 127.0.0.1 (trust authentication, nothing written to disk more
than needed). PostgreSQL refuses to run as root, so as root the cluster runs as the ``postgres``
user (``runuser``), with the folder handed to it. Where no PostgreSQL is installed the server half
is skipped with the reason; with ``CI=true`` it fails instead (CI must run it).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

#: The owner login a school's administrator makes (README): owns the database, is no superuser.
OWNER = "metodsovet_owner"


def bin_dir() -> Path | None:
    """The folder of ``initdb``/``pg_ctl``: $PG_BINDIR, the newest Debian one, else the PATH."""
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                    key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if debian:
        return Path(debian[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _parent(proc: Path) -> int:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running cluster: where it listens and how to reach its databases."""

    folder: Path
    port: int
    bindir: Path
    prefix: list[str]
    options: str = ""

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> sa.Engine:
        """An AUTOCOMMIT engine of the superuser, for CREATE/DROP DATABASE."""
        return sa.create_engine(self.url(), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)

    def execute(self, *statements: str) -> None:
        engine = self.admin()
        try:
            with engine.connect() as connection:
                for statement in statements:
                    connection.exec_driver_sql(statement)
        finally:
            engine.dispose()

    def create_database(self, template: str | None = None, owner: str = OWNER) -> str:
        """A new database owned by ``owner`` (a copy of ``template`` if given); returns its name."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        copy = f" TEMPLATE {template}" if template else ""
        self.execute(f'CREATE DATABASE {name} OWNER {owner}{copy}')
        return name

    def drop_database(self, name: str) -> None:
        """The database, and the group roles ``server init`` made for it with their people's logins."""
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"""DO $$ DECLARE g text; m text; BEGIN
          FOR g IN SELECT rolname FROM pg_roles WHERE rolname LIKE '{name}\\_%%' LOOP
            FOR m IN SELECT r.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.member
                     WHERE a.roleid = g::regrole AND NOT r.rolcreaterole LOOP
              EXECUTE format('DROP ROLE IF EXISTS %%I', m);
            END LOOP;
            EXECUTE format('DROP ROLE %%I', g);
          END LOOP; END $$""")

    def start_again(self) -> None:
        """Start the stopped (or killed) server on the same folder and port."""
        environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                        "-l", str(self.folder / "server.log"), "-o", self.options, "-w", "-t", "60", "start"],
                       check=True, capture_output=True, env=environment)

    def stop_only(self) -> None:
        """Stop the server (fast shutdown: every session is cut), keeping its data for start_again."""
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                        "-m", "fast", "-w", "stop"], check=True, capture_output=True)

    def kill(self) -> None:
        """SIGKILL the server and its backends (found by their parent's id), as a power cut would
        stop them; its data stay for start_again, which recovers from the WAL."""
        pid = int((self.folder / "data" / "postmaster.pid").read_text().split()[0])
        children = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
                    and _parent(p) == pid]
        for process in [pid, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process, signal.SIGKILL)
        deadline = time.monotonic() + 30  # gone, reaped too: a zombie still holds the lock file's PID
        for process in [pid, *children]:
            while Path(f"/proc/{process}").exists() and time.monotonic() < deadline:
                time.sleep(0.05)

    def stop(self) -> None:
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                        "-m", "immediate", "-w", "stop"], check=False, capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def start(durable: bool = False) -> Cluster:
    """initdb and start a cluster; raises RuntimeError saying why it cannot. A ``durable`` one
    confirms a commit only once it is in the WAL (the kill bench); the tests' one is faster."""
    bindir = bin_dir()
    if bindir is None or not (bindir / "initdb").exists():
        raise RuntimeError("PostgreSQL is not installed (no initdb; apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="metodsovet-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as error:
            raise RuntimeError("running as root and there is no 'postgres' user to run the server") from error
        os.chown(folder, account.pw_uid, account.pw_gid)
        folder.chmod(0o700)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "server.log"
    environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                   check=True, capture_output=True, env=environment)
    # The superuser and the owner come in without a password (the tests' own connections); the
    # people's logins that ``server init`` and ``user add`` make must give theirs (SCRAM), as on a school LAN.
    (data / "pg_hba.conf").write_text(
        f"local all all trust\nhost all postgres,{OWNER},stranger 127.0.0.1/32 trust\n"
        "host all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")
    port = _free_port()
    options = (f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=200"
               + ("" if durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"))
    result = subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                             "-w", "-t", "60", "start"], capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        text = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"pg_ctl start failed: {result.stderr.strip()} {text[-2000:]}")
    cluster = Cluster(folder, port, bindir, prefix, options)
    cluster.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE")
    return cluster


@contextlib.contextmanager
def running() -> Iterator[Cluster]:
    cluster = start()
    try:
        yield cluster
    finally:
        cluster.stop()


# --- a fast reset: one database per session, its starting records kept beside it -----------------

SNAPSHOT_SCHEMA = "test_snapshot"


def _model_tables() -> list[sa.Table]:
    from desktop_app.storage.models import metadata

    return list(metadata.sorted_tables)


def save_snapshot(url: str) -> None:
    """Copies every model table of the database at ``url`` into the schema ``test_snapshot``."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SNAPSHOT_SCHEMA} CASCADE")
            connection.exec_driver_sql(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}")
            for table in _model_tables():
                connection.exec_driver_sql(
                    f'CREATE TABLE {SNAPSHOT_SCHEMA}."{table.name}" AS SELECT * FROM public."{table.name}"')
    finally:
        engine.dispose()


def restore_snapshot(url: str) -> None:
    """Puts the database back as :func:`save_snapshot` found it (~0.1 s, where CREATE DATABASE ...
    TEMPLATE takes a second): every table emptied and refilled, the id sequences set back."""
    from desktop_app.storage.transfer import _advance_sequences

    tables = _model_tables()
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
            names = ", ".join(f'public."{t.name}"' for t in tables)
            connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY")
            for table in tables:
                connection.exec_driver_sql(
                    f'INSERT INTO public."{table.name}" SELECT * FROM {SNAPSHOT_SCHEMA}."{table.name}"')
            _advance_sequences(connection)
    finally:
        engine.dispose()
