"""`metodsovet import-folder DIR`: a district cabinet loads its schools' exchange files at once; each
file whole, a refused one named with its reason in the chosen language, the others imported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.shared_files import SAMPLE


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "schools"
    folder.mkdir()
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    (folder / "a.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    document["school"]["id"] = "school-8"
    document["school"]["name"] = {"kk": "№ 8 мектеп", "ru": "Школа № 8"}
    (folder / "b.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (folder / "c.json").write_text('{"version": 1}', encoding="utf-8")
    return folder


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_each_file_whole_and_a_report(tmp_path: Path, new_database: Callable[..., str], language: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = new_database("district.sqlite3")
    folder = _folder(tmp_path)
    assert main(["--db", str(db), "--lang", language, "import-folder", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "a.json" in out and "school-7" in out and "b.json" in out and "school-8" in out
    assert "c.json" in err and "school" in err  # the schema's refusal names the missing key
    assert ("2 импортировано, 1 отклонено" if language == "ru" else "2 импортталды, 1 қабылданбады") in out
    # again: both schools are held now, each refused; with --replace all but the broken one go in
    assert main(["--db", str(db), "--lang", language, "import-folder", str(folder)]) == 1
    assert err.count("\n") < capsys.readouterr().err.count("\n")
    assert main(["--db", str(db), "import-folder", "--replace", str(folder)]) == 1
    assert main(["--db", str(db), "export", str(tmp_path / "8.json"), "--school", "school-8"]) == 0
    assert json.loads((tmp_path / "8.json").read_text(encoding="utf-8"))["school"]["id"] == "school-8"


def test_not_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.sqlite3"), "import-folder", str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().err
