"""Protocol search over 20 000 generated agenda items: the answer must come in under 50 ms.

    python bench/search_bench.py [items]

The first search of a session loads and folds the texts (reported separately); every later
search, until a record changes, scans memory. Prints the timings and exits 1 when too slow.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.entities import AgendaItem, Attendance, Language, Meeting, MeetingStatus, Speech
from desktop_app.services import Services
from desktop_app.services.demo import load_demo

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


def main(items: int) -> int:
    folder = Path(tempfile.mkdtemp(prefix="metodsovet-search-"))
    services = Services.open(str(folder / "bench.sqlite3"))
    school, _ = load_demo(services)
    fill(services, school, items)
    actor = services.accounts.authenticate("zavuch", "zavuch-demo")
    began = time.perf_counter()
    first = services.search.search(actor, school, "ӘДІСТЕМЕЛІК")
    cold = (time.perf_counter() - began) * 1000
    timings = []
    for word in ["әдістемелік", "ОҚУ ЖЫЛЫ", "қаулы", "итоги", "үйірме", "несуществующее"] * 5:
        began = time.perf_counter()
        services.search.search(actor, school, word)
        timings.append((time.perf_counter() - began) * 1000)
    services.close()
    worst, median = max(timings), statistics.median(timings)
    print(f"{items} agenda items; first search (loads) {cold:.0f} ms, {len(first)} hits; "
          f"then median {median:.1f} ms, worst {worst:.1f} ms (limit {LIMIT_MS:.0f} ms)")
    return 0 if worst < LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
