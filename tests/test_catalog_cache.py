"""The compiled catalogs kept in the user's data folder (issue 15, start-up): read at a start without
Babel and without parsing a .mo file, they answer exactly as the .mo file compiled from the .po
file does; a damaged or stale one is compiled again."""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import i18n
from desktop_app.config.paths import translations_dir


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    i18n.translations.cache_clear()
    yield tmp_path / "home" / "data" / "catalogs"
    i18n.translations.cache_clear()


def from_mo(language: str) -> gettext.GNUTranslations:
    source = (translations_dir() / language / "LC_MESSAGES" / "messages.po").read_bytes()
    return gettext.GNUTranslations(io.BytesIO(i18n._compile(source, language)))


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_kept_catalog_answers_as_the_mo_file_and_is_read_without_compiling(
        fresh: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    i18n.translations(language)  # the first start compiles and keeps it
    assert len(list(fresh.glob(f"messages-{language}-*"))) == 1
    i18n.translations.cache_clear()

    def no_compiling(source: bytes, language: str) -> bytes:
        raise AssertionError("compiled again")

    expected = from_mo(language)
    # Only for this read: a window left by an earlier test may retranslate when the events are
    # processed at teardown, and compile the other language then.
    with monkeypatch.context() as patched:
        patched.setattr(i18n, "_compile", no_compiling)
        kept = i18n.translations(language)
    assert vars(kept)["_catalog"] == vars(expected)["_catalog"]
    assert kept.info() == expected.info() and kept.charset() == expected.charset() == "utf-8"
    singular = next(key[0] for key in vars(expected)["_catalog"] if isinstance(key, tuple))  # a plural entry
    assert [kept.ngettext(singular, singular, n) for n in range(120)] == \
        [expected.ngettext(singular, singular, n) for n in range(120)]
    assert [vars(kept)["plural"](n) for n in range(120)] == [vars(expected)["plural"](n) for n in range(120)]
    assert kept.gettext("Sign in") == expected.gettext("Sign in") != "Sign in"


def test_a_damaged_kept_catalog_is_compiled_again(fresh: Path) -> None:
    i18n.translations("kk")
    (kept,) = fresh.glob("messages-kk-*")
    kept.write_bytes(b"\x00not a catalog")
    i18n.translations.cache_clear()
    assert i18n.translations("kk").gettext("Sign in") == from_mo("kk").gettext("Sign in")
    assert kept.read_bytes() != b"\x00not a catalog"  # kept again, whole
