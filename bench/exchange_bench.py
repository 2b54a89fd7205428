"""Import and export of a large generated school: 30 teachers × 10 years, ~10 000 KTP rows a year.

Run: ``python bench/exchange_bench.py [--teachers 30 --years 10 --rows 10000]``. Prints wall times
of each phase; the target for the full import is under 10 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import large_school

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.services import Services
from desktop_app.services.exchange import parse_document
from tests.canonical import canonical


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teachers", type=int, default=30)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    started = time.perf_counter()
    document = large_school(args.teachers, args.years, args.rows)
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    rows = sum(len(p["rows"]) for p in document["plans"])
    print(f"document: {len(document['plans'])} plans, {rows} plan rows, {len(data) / 1e6:.1f} MB "
          f"(generated in {time.perf_counter() - started:.2f} s)")

    started = time.perf_counter()
    parse_document(data)
    parse_time = time.perf_counter() - started
    print(f"parse + validate only:  {parse_time:6.2f} s")

    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(str(Path(folder) / "bench.sqlite3"))
        try:
            started = time.perf_counter()
            services.exchange.import_document(COMMAND_LINE, data)
            import_time = time.perf_counter() - started
            print(f"import (validate+write): {import_time:6.2f} s   target < 10 s: "
                  f"{'ok' if import_time < 10 else 'MISSED'}")
            started = time.perf_counter()
            exported = services.exchange.export_document(COMMAND_LINE, "school-big")
            export_time = time.perf_counter() - started
            print(f"export:                 {export_time:6.2f} s")
            equal = canonical(document) == canonical(exported)
            print(f"round trip equal: {equal}")
            print(f"ratio import / parse-only: {import_time / parse_time:.2f}")
        finally:
            services.close()


if __name__ == "__main__":
    main()
