"""The Kazakh wizard texts of the Windows setup (installer/Kazakh.isl, our own translation; issue 9).

Checks the messages file against installer/inno-default-keys.txt, the keys of Inno Setup's English
Default.isl with the placeholders each English text uses: every key is translated, nothing else is in
[Messages], the placeholders and accelerators are kept, no English is left, and the file is what Inno
Setup 6 reads (UTF-8 with a BOM, sections of key=value lines). Fast: nothing is compiled.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
KAZAKH_ISL = INSTALLER / "Kazakh.isl"
KEYS_LIST = INSTALLER / "inno-default-keys.txt"
ISS = INSTALLER / "metodsovet.iss"

BOM = b"\xef\xbb\xbf"
SECTIONS = ("LangOptions", "Messages", "CustomMessages")

# What Inno Setup substitutes in a message: %1..%9, %n (line break), %% (a percent sign), the wizard's
# [name], [name/ver], [mb], [gb]; "&" marks the accelerator letter ("&&" is a literal ampersand).
TOKEN = re.compile(r"%[1-9n%]|\[(?:name/ver|name|mb|gb)\]|&&|&")
LETTERS = re.compile(r"[^\W\d_]")
WORDS = re.compile(r"[^\W_]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")

# Latin words a Kazakh message may keep: product and Windows names, file formats and tools that
# Kazakh Windows itself writes in Latin letters. Any other Latin word is English left untranslated.
ALLOWED_LATIN_WORDS = frozenset({
    "Windows", "Service", "Pack",       # "%1 Service Pack %2" (the update's own name)
    "Power", "Users",                   # the Windows group's name, after its Kazakh name
    "OK",                               # the button, as Kazakh Windows labels it
    "UNC", "C", "APP",                  # path kinds and the example path C:\APP
    "INI", "README", "DLL", "OCX",      # file kinds
    "RegSvr32", "RestartReplace",       # names of Windows tools/functions in error messages
})
# Messages whose whole text may be Latin (no Cyrillic at all): the OK button only.
ALLOWED_LATIN_ONLY_KEYS = frozenset({"ButtonOK"})
# Specific Kazakh letters the translation must use (Һ is in the alphabet but no installer word needs it).
KAZAKH_LETTERS = "әғқңөұүі"


def _parse_isl(path: Path) -> dict[str, dict[str, str]]:
    """Sections of key=value lines as Inno Setup reads them; fails on duplicates and stray lines."""
    raw = path.read_bytes()
    assert raw.startswith(BOM), f"{path.name} must be UTF-8 with a BOM"
    text = raw[len(BOM):].decode("utf-8")
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line.strip())
        if header:
            name = header.group(1)
            assert name in SECTIONS, f"line {number}: unexpected section [{name}]"
            assert name not in sections, f"line {number}: section [{name}] twice"
            current = sections[name] = {}
            continue
        assert current is not None, f"line {number}: text before the first section"
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", key), f"line {number}: not key=value: {line!r}"
        assert key not in current, f"line {number}: duplicate key {key}"
        assert value == value.strip(), f"line {number}: {key} has leading or trailing spaces"
        current[key] = value
    return sections


def _parse_keys_list() -> dict[str, dict[str, list[str]]]:
    listed: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for line in KEYS_LIST.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            current = listed.setdefault(line.strip("[]"), {})
            continue
        assert current is not None
        key, *tokens = line.split()
        assert key not in current, f"{key} twice in {KEYS_LIST.name}"
        current[key] = sorted(tokens)
    return listed


def _tokens(value: str) -> list[str]:
    """Placeholders and accelerators of a text, each as often as it occurs, sorted."""
    return sorted(token for token in TOKEN.findall(value) if token != "&&")


@pytest.fixture(scope="module")
def isl() -> dict[str, dict[str, str]]:
    return _parse_isl(KAZAKH_ISL)


@pytest.fixture(scope="module")
def listed() -> dict[str, dict[str, list[str]]]:
    return _parse_keys_list()


def test_lang_options(isl: dict[str, dict[str, str]]) -> None:
    options = isl["LangOptions"]
    name = re.sub(r"<([0-9A-Fa-f]{4})>", lambda m: chr(int(m.group(1), 16)), options["LanguageName"])
    assert name == "Қазақ"
    assert options["LanguageID"] == "$043F"
    assert options["LanguageCodePage"] == "0"


def test_keys_list_covers_default_isl(listed: dict[str, dict[str, list[str]]]) -> None:
    assert set(listed) == {"Messages", "CustomMessages"}
    assert len(listed["Messages"]) == 261
    assert len(listed["CustomMessages"]) == 12
    assert {"SetupAppTitle", "ButtonNext", "DirExists", "ShutdownBlockReasonUninstallingApp"} <= set(
        listed["Messages"])
    assert listed["Messages"]["DirExists"] == ["%1", "%n", "%n", "%n", "%n"]


@pytest.mark.parametrize("section", ["Messages", "CustomMessages"])
def test_exactly_the_listed_keys(isl: dict[str, dict[str, str]], listed: dict[str, dict[str, list[str]]],
                                 section: str) -> None:
    missing = set(listed[section]) - set(isl[section])
    extra = set(isl[section]) - set(listed[section])
    assert not missing, f"[{section}] lacks {sorted(missing)}"
    assert not extra, f"[{section}] has keys Default.isl does not: {sorted(extra)}"


@pytest.mark.parametrize("section", ["Messages", "CustomMessages"])
def test_placeholders_and_accelerators_kept(isl: dict[str, dict[str, str]],
                                            listed: dict[str, dict[str, list[str]]], section: str) -> None:
    wrong = {key: (_tokens(value), listed[section][key])
             for key, value in isl[section].items() if _tokens(value) != listed[section].get(key, [])}
    assert not wrong, f"placeholders differ (translation, English): {wrong}"
    for key, value in isl[section].items():
        assert value.replace("&&", "").count("&") <= 1, f"{key}: more than one accelerator"
        assert not re.search(r"%(?![1-9n%])", value.replace("%%", "")), f"{key}: a stray % sign"


@pytest.mark.parametrize("section", ["Messages", "CustomMessages"])
def test_no_english_left(isl: dict[str, dict[str, str]], section: str) -> None:
    for key, value in isl[section].items():
        text = TOKEN.sub(" ", value)
        if not LETTERS.search(text):
            continue  # empty, or only placeholders and digits: "%1 (%2)"
        if key not in ALLOWED_LATIN_ONLY_KEYS:
            assert CYRILLIC.search(text), f"{key} is not translated: {value!r}"
        for word in WORDS.findall(text):
            if not LETTERS.search(word):
                continue  # a number: "32 биттік"
            if CYRILLIC.search(word):
                assert not LATIN.search(word), f"{key}: Latin letters inside the Kazakh word {word!r}"
            else:
                assert word in ALLOWED_LATIN_WORDS, f"{key}: English word {word!r} in {value!r}"


def test_kazakh_letters_used(isl: dict[str, dict[str, str]]) -> None:
    values = " ".join(" ".join(section.values()) for section in isl.values()).lower()
    assert not [letter for letter in KAZAKH_LETTERS if letter not in values]


def test_buttons_use_windows_terms(isl: dict[str, dict[str, str]]) -> None:
    messages = {key: value.replace("&", "") for key, value in isl["Messages"].items()}
    assert messages["ButtonNext"] == "Келесі >"
    assert messages["ButtonBack"] == "< Артқа"
    assert messages["ButtonCancel"] == "Бас тарту"
    assert messages["ButtonFinish"] == "Аяқтау"
    assert messages["ButtonInstall"] == "Орнату"
    assert messages["ButtonBrowse"] == "Шолу..."


def test_setup_script_uses_the_repository_file() -> None:
    script = ISS.read_text(encoding="utf-8")
    languages = re.search(r"^\[Languages\]\n(.*?)^\[", script, re.M | re.S)
    assert languages is not None
    entries = [line for line in languages.group(1).splitlines() if line and not line.startswith(";")]
    # English first, Kazakh over it: a message a newer Inno Setup adds shows in English, not as a warning
    assert 'Name: "kk"; MessagesFile: "compiler:Default.isl,Kazakh.isl"' in entries
    assert (ISS.parent / "Kazakh.isl").is_file()  # relative MessagesFile paths are the script's folder


def test_setup_script_custom_messages_in_both_languages() -> None:
    script = ISS.read_text(encoding="utf-8")
    block = re.search(r"^\[CustomMessages\]\n(.*?)^\[", script, re.M | re.S)
    assert block is not None
    by_language: dict[str, dict[str, str]] = {"kk": {}, "ru": {}}
    for line in block.group(1).splitlines():
        if not line.strip() or line.startswith(";"):
            continue
        name, _, value = line.partition("=")
        language, _, key = name.partition(".")
        assert language in by_language, f"custom message without a kk./ru. prefix: {line!r}"
        assert key not in by_language[language], f"{name} twice"
        assert CYRILLIC.search(value), f"{name} is not translated"
        by_language[language][key] = value
    assert by_language["kk"].keys() == by_language["ru"].keys()
    used = set(re.findall(r"\{cm:(\w+)", script)) | set(re.findall(r"CustomMessage\('(\w+)'\)", script))
    assert used <= by_language["kk"].keys(), f"used but not defined: {used - by_language['kk'].keys()}"
