"""One style for what the program says to a user: a refusal (a template of domain/, services/,
storage/, the command line, the KTP table) starts like a sentence, with a capital letter, in the
msgid and in both translations. It may start with a placeholder only where the value starts with a
capital or a digit (a name, a date, a number) or is data in its own right (a value, a key of the
exchange file), or with a quote or a sign (« № .csv); never with a lower-case word such as a record
kind, a status, an id or a login, which would start the sentence in lower case."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from desktop_app.domain.errors import _PLAIN_LABELS, RECORD_KINDS, DomainError, NotFoundError, PermissionDenied, Rule
from desktop_app.i18n import gettext_for

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop_app"
#: Where refusals are written; the files left out hold labels (roles, statuses, kinds, lines of
#: the Overview), which are words inside sentences, not sentences.
REFUSAL_SOURCES = ("domain", "services", "storage", "cli/common.py", "cli/plans.py", "ui/models/plan_rows.py")
LABEL_FILES = {"domain/labels.py", "domain/accounts.py", "services/attention.py", "services/maintenance.py",
               "services/registers_export.py", "services/document_catalog.py", "domain/staff_labels.py"}
LABELS = {*RECORD_KINDS, *_PLAIN_LABELS.values(), "rule {number}", "agenda item", "document"}
#: Placeholders whose value starts with a capital or a digit, or is a datum shown as it is.
SENTENCE_STARTS = {"teacher", "name", "date", "number", "line", "row", "item", "term", "year", "body",
                   "association", "school", "count", "start", "end", "first", "last", "previous",
                   "value", "key", "detail"}


def _sources() -> list[Path]:
    found: list[Path] = []
    for name in REFUSAL_SOURCES:
        path = PACKAGE / name
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [p for p in found if str(p.relative_to(PACKAGE)) not in LABEL_FILES]


def refusal_templates() -> set[str]:
    """Every N_() string of the refusal sources that is not a label."""
    templates = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                templates.add(node.args[0].value)
    return templates - LABELS


#: Identifiers and file names, shown as they are: a sentence may start with one in quotes.
QUOTED_STARTS = {"id", "login", "file", "meeting"}


def starts_a_sentence(text: str) -> bool:
    rest = text.lstrip("«\"'№ .(")
    quoted = rest != text and text[:1] in "«\"'"
    placeholder = re.match(r"\{(\w+)\}", rest)
    if placeholder:
        return placeholder.group(1) in SENTENCE_STARTS or (quoted and placeholder.group(1) in QUOTED_STARTS)
    first = rest[:1]
    return not first.isalpha() or first.isupper()


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with (ROOT / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_the_rule_sees_refusals_and_can_fail() -> None:
    templates = refusal_templates()
    assert len(templates) > 150
    assert not starts_a_sentence("the plan {id} has no rows")
    assert not starts_a_sentence("{kind} {id} does not exist")
    assert not starts_a_sentence("{login} логині бос емес")
    assert starts_a_sentence("«{login}» логині бос емес")
    assert not starts_a_sentence("«{role}» рөліне рұқсат етілмеген")
    assert not starts_a_sentence("«тек қарау» рөліне")
    assert starts_a_sentence("{teacher} is listed twice in the attendance")
    assert starts_a_sentence("№ {number} хаттама")


def test_every_refusal_msgid_starts_a_sentence() -> None:
    wrong = sorted(t for t in refusal_templates() if not starts_a_sentence(t))
    assert wrong == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_refusal_translation_starts_a_sentence(language: str) -> None:
    catalog = _catalog(language)
    wrong = []
    for template in refusal_templates():
        message = catalog.get(template)
        assert message is not None, template
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wrong += [(template, s) for s in strings if not starts_a_sentence(s)]
    assert wrong == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_rendered_refusals_start_with_a_capital(language: str) -> None:
    translate = gettext_for(language)
    for error in (NotFoundError("teacher", "t-ivanova"), PermissionDenied("approve a plan", "viewer"),
                  DomainError(Rule.PLAN_RECORD, "The plan {id} has no rows", {"id": "ktp-inf7-26"})):
        shown = error.render(translate)
        assert starts_a_sentence(shown)
