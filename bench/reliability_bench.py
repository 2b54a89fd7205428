"""The kill harness with more rounds: ``python bench/reliability_bench.py --kills 500``.

Prints kills, confirmed saves, lost saves (must be 0) and integrity failures (must be 0), then the
same for interrupted ``import --replace`` (mixed schools must be 0).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.domain.accounts import COMMAND_LINE  # noqa: E402
from desktop_app.services import Services  # noqa: E402
from tests.reliability.harness import kill_imports, kill_saves  # noqa: E402
from tests.shared_files import SAMPLE  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--import-kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=253)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        services = Services.open(str(database))
        services.exchange.import_document(COMMAND_LINE, SAMPLE.read_bytes())
        services.close()
        started = time.perf_counter()
        saves = kill_saves(database, args.kills, args.seed)
        print(f"saves:   {saves.summary()} ({time.perf_counter() - started:.0f} s)")
        document = json.loads(SAMPLE.read_text(encoding="utf-8"))
        paths = []
        for marker in ("Әлпеш", "Бөпеш"):
            for teacher in document["teachers"]:
                teacher["last_name"] = marker
            path = Path(folder) / f"{marker}.json"
            path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
        started = time.perf_counter()
        imports = kill_imports(database, (paths[0], paths[1]), ("Әлпеш", "Бөпеш"), args.import_kills,
                               args.seed)
        print(f"imports: {imports.summary()} ({time.perf_counter() - started:.0f} s)")
    bad = saves.lost or saves.integrity_failures or imports.mixed or imports.integrity_failures
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
