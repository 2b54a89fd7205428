"""Many PCs on one school server (issue 17, point 6): ``python bench/concurrency_bench.py``.

Five client processes (``--clients``), each a program of its own with its own connections and its
own login, work on one PostgreSQL server for 60 s (``--seconds``): they record meetings of two
bodies (so that two heads number meetings of one body at the same moment), edit three shared KTPs
(read, think a moment, save: conflicting edits on purpose) and make and submit KTPs of their own.
Every save the program confirmed is written to the client's log only after the call returned. At
the end the bench checks against the database that every confirmed save is there, that no update
was lost (each confirmed edit of a plan moved it from the revision it read to the next one, and no
two confirmed edits did so from the same revision: a silent overwrite would), that the meetings of
each body are numbered 1, 2, 3 … without a repeat or a gap, and that the audit chain is whole and
holds exactly one entry per confirmed save. ``--kill`` also SIGKILLs the server in the middle and
starts it again: the clients see a lost connection and go on once it is back, and still no
confirmed save may be missing. A durable cluster (fsync, synchronous_commit on) is started here;
``--url`` uses another server.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.domain.accounts import COMMAND_LINE, Role  # noqa: E402
from desktop_app.domain.errors import ConflictError, DomainError  # noqa: E402
from desktop_app.services import Services  # noqa: E402
from desktop_app.storage.database import Database  # noqa: E402
from desktop_app.storage.errors import StorageError  # noqa: E402
from tests import server  # noqa: E402
from tests.services.conftest import NOW, SCHOOL, meeting, plan  # noqa: E402
from tests.shared_files import SAMPLE  # noqa: E402

BODIES = ("mo-math-26", "mo-kaz-26")
PASSWORD = "bench-secret-2026"


def moving_clock(start: float) -> Any:
    """The tests' day (27.11.2026), moving on in real time: audit entries keep their order."""
    return lambda: NOW + (datetime.now(UTC) - datetime.fromtimestamp(start, UTC))


def prepare(url: str, clients: int) -> list[str]:
    """The sample school, one administrator login per client, three shared draft KTPs."""
    services = Services.over(Database.open(url), clock=moving_clock(time.time()))
    try:
        services.exchange.import_document(COMMAND_LINE, SAMPLE.read_bytes())
        acting = None
        for i in range(clients):
            user = services.accounts.create_user(acting, f"bench{i}", PASSWORD, Role.ADMINISTRATOR, SCHOOL, None)
            acting = acting or user.actor()
        assert acting is not None
        return [services.plans.save(acting, SCHOOL, plan(grade=g)).id for g in (7, 8, 9)]
    finally:
        services.close()


def client(number: int, url: str, seconds: float, shared: list[str], log_path: str, seed: int,
           ready: Any, go: Any) -> None:
    """One PC: a random mix of the three kinds of work until the time is up (from ``go``)."""
    rng = random.Random(seed * 100 + number)
    services = Services.over(Database.open(url), clock=moving_clock(time.time()))
    actor = services.accounts.authenticate(f"bench{number}", PASSWORD)
    bodies = {b: services.associations.get(actor, SCHOOL, b) for b in BODIES}
    counts: Counter[str] = Counter()
    ready.release()
    go.wait()
    deadline = time.monotonic() + seconds
    with open(log_path, "a", encoding="utf-8") as log:
        def confirmed(**entry: Any) -> None:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")
            log.flush()
            os.fsync(log.fileno())
            counts["saved"] += 1

        while time.monotonic() < deadline:
            kind = rng.choice(("meeting", "edit", "edit", "submit"))
            try:
                if kind == "meeting":
                    body = bodies[rng.choice(BODIES)]
                    proposed = services.meetings.proposed_number(actor, SCHOOL, body.id)
                    time.sleep(rng.uniform(0, 0.05))  # the head types the protocol meanwhile
                    saved = services.meetings.save(actor, SCHOOL, meeting(
                        body=body.id, number=proposed, chair=body.head, secretary=body.secretary or body.head,
                        members=tuple(body.member_ids())))
                    confirmed(kind="meeting", id=saved.id, body=body.id, number=saved.number)
                elif kind == "edit":
                    opened = services.plans.get(actor, SCHOOL, rng.choice(shared))
                    time.sleep(rng.uniform(0, 0.05))  # the teacher edits a row meanwhile
                    topic = f"client {number} edit {counts['edit_tries']}"
                    counts["edit_tries"] += 1
                    rows = [replace(opened.rows[0], topic=topic), *opened.rows[1:]]
                    saved_plan = services.plans.save(actor, SCHOOL, replace(opened, rows=rows))
                    confirmed(kind="edit", id=saved_plan.id, read=opened.revision, revision=saved_plan.revision,
                              topic=topic)
                else:
                    made = services.plans.save(actor, SCHOOL, plan(grade=rng.randint(1, 11)))
                    confirmed(kind="plan", id=made.id, revision=made.revision)
                    submitted = services.plans.submit(actor, SCHOOL, made.id)
                    confirmed(kind="submit", id=submitted.id, revision=submitted.revision)
            except ConflictError:
                counts["conflicts"] += 1
            except DomainError as error:
                counts[f"refused: {error.message[:40]}"] += 1
            except StorageError as error:  # the server is gone: not saved, tried again later
                counts[f"not saved: {type(error).__name__}"] += 1
                time.sleep(0.2)
    services.close()
    with open(log_path + ".counts", "w", encoding="utf-8") as out:
        json.dump(counts, out)


def audit_counts(services: Services) -> Counter[str]:
    """The audit trail's entries of the kinds of work the clients do, by action."""
    with services.db.transaction() as store:
        return Counter(e.action for e in store.audit_events(SCHOOL)
                       if e.action in ("meeting.create", "plan.update", "plan.create", "plan.submit"))


def verify(url: str, logs: list[Path], before: Counter[str]) -> dict[str, Any]:
    """Every confirmed save against the database; the numbering; the audit chain."""
    entries = [json.loads(line) for path in logs if path.exists()
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    services = Services.over(Database.open(url))
    admin = services.accounts.authenticate("bench0", PASSWORD)
    lost: list[str] = []
    overwrites: list[str] = []
    try:
        plans = {p.id: p for p in services.plans.list(admin, SCHOOL)}
        for body in BODIES:
            meetings = services.meetings.list(admin, SCHOOL, body)
            numbers = sorted(m.number for m in meetings)
            if numbers != list(range(1, len(numbers) + 1)):
                lost.append(f"{body}: numbers {numbers} repeat or leave a gap")
            by_id = {m.id: m for m in meetings}
            for e in (e for e in entries if e["kind"] == "meeting" and e["body"] == body):
                if e["id"] not in by_id or by_id[e["id"]].number != e["number"]:
                    lost.append(f"meeting {e['id']} No. {e['number']}")
        for e in entries:
            if e["kind"] in ("plan", "submit") and e["id"] not in plans:
                lost.append(f"plan {e['id']}")
            if e["kind"] == "submit" and e["id"] in plans and plans[e["id"]].status.value != "submitted":
                lost.append(f"submission of {e['id']}")
        edits: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in entries:
            if e["kind"] == "edit":
                edits[e["id"]].append(e)
        for plan_id, done in edits.items():
            steps = Counter(e["read"] for e in done)
            overwrites += [f"{plan_id}: {n} confirmed edits from revision {r}" for r, n in steps.items() if n > 1]
            overwrites += [f"{plan_id}: edit {e['read']} → {e['revision']}" for e in done
                           if e["revision"] != e["read"] + 1]
            last = max(done, key=lambda e: e["revision"])
            stored = plans[plan_id]
            if stored.revision != last["revision"] or stored.rows[0].topic != last["topic"]:
                lost.append(f"{plan_id}: stored revision {stored.revision} «{stored.rows[0].topic}», "
                            f"last confirmed {last['revision']} «{last['topic']}»")
        report = services.checks.check(admin)
        bench_saves = audit_counts(services) - before
        expected = Counter({"meeting.create": sum(e["kind"] == "meeting" for e in entries),
                            "plan.update": sum(e["kind"] == "edit" for e in entries),
                            "plan.create": sum(e["kind"] == "plan" for e in entries),
                            "plan.submit": sum(e["kind"] == "submit" for e in entries)})
        # A save the server committed but whose answer the kill cut off is in the trail, not in a log.
        short = {a: expected[a] - bench_saves.get(a, 0) for a in expected if bench_saves.get(a, 0) < expected[a]}
    finally:
        services.close()
    return {"confirmed": len(entries), "lost": lost, "overwrites": overwrites,
            "audit_breaks": report.audit_breaks, "audit_short": short,
            "unconfirmed_but_committed": sum(bench_saves.values()) - sum(expected.values())}


def run(url: str, clients: int, seconds: float, seed: int, kill_after: float | None,
        cluster: server.Cluster | None, folder: Path) -> dict[str, Any]:
    shared = prepare(url, clients)
    opened = Services.over(Database.open(url))
    before = audit_counts(opened)
    opened.close()
    logs = [folder / f"client{i}.log" for i in range(clients)]
    context = multiprocessing.get_context("spawn")
    ready, go = context.Semaphore(0), context.Event()
    processes = [context.Process(target=client, args=(i, url, seconds, shared, str(logs[i]), seed, ready, go))
                 for i in range(clients)]
    for process in processes:
        process.start()
    for _ in processes:
        ready.acquire()  # every client open and signed in: the clock starts for all at once
    go.set()
    started = time.perf_counter()
    outage = 0.0
    if kill_after is not None and cluster is not None:
        time.sleep(kill_after)
        down = time.perf_counter()
        cluster.kill()
        time.sleep(2)
        cluster.start_again()
        outage = time.perf_counter() - down
        print(f"  server SIGKILLed after {kill_after:.0f} s, back after {outage:.1f} s")
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - started
    counts: Counter[str] = Counter()
    for path in logs:
        counts_file = Path(str(path) + ".counts")
        if counts_file.exists():
            counts.update(json.loads(counts_file.read_text(encoding="utf-8")))
    result = verify(url, logs, before)
    result.update(seconds=elapsed, counts=dict(counts), outage=outage,
                  failed_clients=[p.exitcode for p in processes if p.exitcode])
    return result


def show(title: str, result: dict[str, Any]) -> bool:
    counts = result["counts"]
    other = {k: v for k, v in counts.items() if k not in ("saved", "conflicts", "edit_tries")}
    print(f"{title}: {result['confirmed']} confirmed saves in {result['seconds']:.1f} s "
          f"({result['confirmed'] / result['seconds']:.1f} saves/s), {counts.get('conflicts', 0)} conflicts "
          f"detected and refused")
    print(f"  lost: {len(result['lost'])}  silent overwrites: {len(result['overwrites'])}  "
          f"audit chain breaks: {len(result['audit_breaks'])}  confirmed saves missing from the audit trail: "
          f"{sum(result['audit_short'].values())}  committed but not confirmed (cut off by a kill): "
          f"{result['unconfirmed_but_committed']}")
    if other:
        print(f"  other outcomes: {other}")
    for line in (result["lost"] + result["overwrites"] + result["audit_breaks"])[:10]:
        print(f"  ! {line}")
    return not (result["lost"] or result["overwrites"] or result["audit_breaks"] or result["audit_short"]
                or result["failed_clients"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=253)
    parser.add_argument("--kill", action="store_true", help="also a run with the server SIGKILLed halfway")
    parser.add_argument("--url", help="a server database to use (empty); default: a cluster of our own")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as scratch:
        if args.url:
            result = run(args.url, args.clients, args.seconds, args.seed, None, None, Path(scratch))
            return 0 if show("given server", result) else 1
        cluster = server.start(durable=True)
        try:
            url = cluster.url(cluster.create_database(), server.OWNER)
            print(f"{args.clients} clients on PostgreSQL (durable: fsync, synchronous_commit on), "
                  f"{args.seconds:.0f} s each run")
            ok = show("steady", run(url, args.clients, args.seconds, args.seed, None, cluster, Path(scratch)))
            if args.kill:
                url = cluster.url(cluster.create_database(), server.OWNER)
                folder = Path(scratch) / "kill"
                folder.mkdir()
                ok = show("server killed", run(url, args.clients, args.seconds, args.seed, args.seconds / 2,
                                               cluster, folder)) and ok
        finally:
            cluster.stop()
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    sys.exit(main())
