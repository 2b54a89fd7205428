"""Every string of the program has a Kazakh and a Russian translation with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with (ROOT / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _extracted(tmp_path: Path) -> set[str]:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "--no-location", "-F",
         str(ROOT / "translations" / "babel.cfg"), "-k", "_", "-k", "N_", "-k", "ngettext:1,2",
         "-k", "lazy_ngettext:1,2",
         "-o", str(pot), str(ROOT / "desktop_app")],
        check=True, capture_output=True, cwd=ROOT,
    )
    with pot.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_catalog_is_complete(language: str, tmp_path: Path) -> None:
    catalog = _catalog(language)
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: no translation for {key!r}"
        assert not message.fuzzy, f"{language}: fuzzy translation for {key!r}"
        translated[key] = strings
    missing = _extracted(tmp_path) - set(translated)
    assert not missing, f"{language}: not in the catalog: {sorted(missing)[:10]}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_placeholders_survive_translation(language: str) -> None:
    for message in _catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, f"{language}: {ids[0]!r} -> {text!r}"
