"""Protocol search over 20 000 generated agenda items: the answer must come in under 50 ms.

    python bench/search_bench.py [items]

Measures the search the program uses (the SQLite FTS5 index; ``Services`` picks it when the
SQLite has FTS5): the first search after opening the database and repeated searches with
different words, then the plain fallback for comparison (its first search loads and folds every
text; later ones scan memory until a record changes). Prints the timings and exits 1 when the
index answers a search, the first one included, in 50 ms or more.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import AgendaItem, Attendance, Language, Meeting, MeetingStatus, Speech
from desktop_app.services import Services
from desktop_app.services.demo import load_demo
from desktop_app.services.search import FtsProtocolSearch, PlainProtocolSearch, ProtocolSearch

LIMIT_MS = 50.0
WORDS = ["оқу жылы", "әдістемелік апта", "ҚАУЛЫ", "үлгерім", "итоги четверти", "СОР и СОЧ",
         "ашық сабақ", "Іс-шара", "наставничество", "Үйірме"]


def fill(services: Services, school: str, items: int, per_meeting: int = 10) -> None:
    """Meetings of the demo's mathematics association, straight into storage (no rules needed)."""
    start = date(2026, 8, 1)
    with services.db.transaction(write=True) as store:
        for n in range(items // per_meeting):
            agenda = [AgendaItem(i + 1, f"{WORDS[(n + i) % 10]} — мәселе {n}-{i}",
                                 [f"Шешім {n}-{i}: {WORDS[(n * 3 + i) % 10]} өткізілсін", "Орындалсын"],
                                 [Speech("t-01", f"Баяндама {WORDS[i % 10]} туралы, {n}")],
                                 [Speech("t-02", f"Ұсыныс {n}-{i}")])
                      for i in range(per_meeting)]
            store.save_meeting(school, Meeting(
                f"bench-{n}", "mo-math-26", 1000 + n, start + timedelta(days=n % 300), Language.KK,
                "t-01", "t-05", [Attendance("t-01", True), Attendance("t-05", True)], agenda,
                MeetingStatus.FINALIZED))


WORDS_SEARCHED = ["әдістемелік", "ОҚУ ЖЫЛЫ", "қаулы", "итоги", "үйірме", "несуществующее"]


def measure(search: ProtocolSearch, actor: Actor, school: str) -> tuple[float, int, list[float]]:
    """The first search (ms, hits), then each of 30 later ones (ms)."""
    began = time.perf_counter()
    first = search.search(actor, school, "ӘДІСТЕМЕЛІК")
    cold = (time.perf_counter() - began) * 1000
    timings = []
    for word in WORDS_SEARCHED * 5:
        began = time.perf_counter()
        search.search(actor, school, word)
        timings.append((time.perf_counter() - began) * 1000)
    return cold, len(first), timings


def main(items: int) -> int:
    folder = Path(tempfile.mkdtemp(prefix="metodsovet-search-"))
    path = folder / "bench.sqlite3"
    services = Services.open(str(path))
    school, _ = load_demo(services)
    began = time.perf_counter()
    fill(services, school, items)
    filled = time.perf_counter() - began
    services.close()
    services = Services.open(str(path))  # as the program starts: nothing cached
    try:
        if not isinstance(services.search, FtsProtocolSearch):
            print("this SQLite has no FTS5: the program would use the plain search")
            return 1
        actor = services.accounts.authenticate("zavuch", "zavuch-demo")
        cold, found, timings = measure(services.search, actor, school)
        plain_cold, _, plain = measure(PlainProtocolSearch(services.db), actor, school)
    finally:
        services.close()
    worst = max(cold, *timings)
    print(f"{items} agenda items written through the Store (index kept by triggers) in {filled:.1f} s")
    print(f"FTS5 index:   first search {cold:.1f} ms, {found} hits (limit 200); "
          f"then median {statistics.median(timings):.1f} ms, worst {max(timings):.1f} ms "
          f"(limit {LIMIT_MS:.0f} ms)")
    print(f"plain search: first search {plain_cold:.0f} ms (loads and folds every text); "
          f"then median {statistics.median(plain):.1f} ms, worst {max(plain):.1f} ms")
    return 0 if worst < LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
