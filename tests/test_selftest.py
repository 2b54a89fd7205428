"""`metodsovet --self-test` passes in the source checkout and fails loudly when a resource is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import selftest


def test_self_test_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home with space"))
    assert selftest.run() == 0
    out = capsys.readouterr().out
    assert out.startswith("self-test ok") and "schema" in out
    assert "self-test ok" in (tmp_path / "home with space" / "logs" / "self-test.log").read_text(encoding="utf-8")


def test_self_test_names_a_missing_resource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(selftest, "REQUIRED_RESOURCES", (*selftest.REQUIRED_RESOURCES, "fonts/Missing.ttf"))
    assert selftest.run() == 1
    assert "fonts/Missing.ttf" in capsys.readouterr().out
