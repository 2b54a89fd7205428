"""SIGKILL during saves and during an import: nothing confirmed is lost, the file stays sound,
and an interrupted --replace leaves the old school or the new one, never a mix (issue 8)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.reliability.harness import kill_imports, kill_saves
from tests.shared_files import SAMPLE

KILLS = int(os.environ.get("METODSOVET_KILLS", "50"))



def test_no_confirmed_save_is_lost(database: Path) -> None:
    report = kill_saves(database, KILLS)
    assert report.kills == KILLS
    assert report.confirmed > 0, "the saver never confirmed a save: the test would prove nothing"
    assert report.lost == [] and report.integrity_failures == [], report.summary()


def test_import_replace_is_all_or_nothing(database: Path, tmp_path: Path) -> None:
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    versions = []
    for marker in ("Әлпеш", "Бөпеш"):
        variant = json.loads(json.dumps(document))
        for teacher in variant["teachers"]:
            teacher["last_name"] = marker
        path = tmp_path / f"{marker}.json"
        path.write_text(json.dumps(variant, ensure_ascii=False), encoding="utf-8")
        versions.append(path)
    report = kill_imports(database, (versions[0], versions[1]), ("Әлпеш", "Бөпеш"), max(5, KILLS // 5))
    assert report.confirmed > 0
    assert report.mixed == [] and report.integrity_failures == [], report.summary()
