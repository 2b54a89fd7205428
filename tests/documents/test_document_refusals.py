"""Documents that must not be printed are refused by the command line too, with the reason
(issue 13, point 3): an extract of a protocol that is not finalized, an empty work plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.shared_files import SAMPLE


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)
    path = tmp_path / "school.sqlite3"
    assert main(["--db", str(path), "import", str(SAMPLE)]) == 0
    return path


@pytest.mark.parametrize(("args", "record", "words"), [
    (["extract", "m-math-26-2", "1"], "m-math-26-2", {"ru": "выписка", "kk": "үзінді"}),
    (["workplan", "mo-kaz-26"], "mo-kaz-26", {"ru": "плане работы", "kk": "жұмыс жоспар"}),
], ids=["extract-of-a-held-protocol", "empty-work-plan"])
def test_the_refusal_exits_1_with_the_reason_and_writes_nothing(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], record: str,
        words: dict[str, str]) -> None:
    out = tmp_path / "doc.pdf"
    capsys.readouterr()
    for lang in ("ru", "kk"):
        assert main(["--db", str(db), "--lang", lang, *args, "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert record in err and words[lang] in err.lower() and "Traceback" not in err, err
        assert not out.exists()
