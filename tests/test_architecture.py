"""The import direction of architecture.md, checked by parsing every module's imports, and what the
command line and the window's start load when they run (checked in a fresh process)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"

#: For each layer: the first-party layers it may import (itself always allowed). Every module of
#: the package belongs to one of these layers (test_every_module_has_a_layer).
ALLOWED = {
    "domain": set(),
    "config": set(),
    "i18n": {"config"},
    "storage": {"domain"},
    "documents": {"domain", "i18n", "config"},
    "services": {"domain", "storage", "documents", "i18n", "config"},
    "ui": {"services", "domain", "documents", "i18n", "config"},
    "app": {"ui", "services", "domain", "i18n", "config"},  # the window's start
    "cli": {"services", "domain", "i18n", "config", "app"},  # `app` only to open the window
    "__main__": {"cli"},
    "__init__": set(),
}
#: Third-party packages that only some layers (or single modules) may use.
EXCLUSIVE = {"sqlalchemy": {"storage"}, "alembic": {"storage"}, "reportlab": {"documents"},
             "PySide6": {"ui", "app", "cli/selftest.py"}}  # the self-test checks Qt's plugins


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py") if relative.parts else ""


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "desktop_app":  # `from desktop_app import i18n` imports a layer
                names += [f"desktop_app.{alias.name}" for alias in node.names]
            else:
                names.append(node.module)
    return names


def _may_use(path: Path, package: str) -> bool:
    allowed = EXCLUSIVE[package]
    return _layer(path) in allowed or str(path.relative_to(PACKAGE)) in allowed


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path: Path) -> None:
    layer = _layer(path)
    for name in _imports(path):
        top = name.split(".")[0]
        if top in EXCLUSIVE:
            assert _may_use(path, top), f"{layer} imports {name}"
        if top != "desktop_app":
            continue
        parts = name.split(".")
        target = parts[1] if len(parts) > 1 else ""
        assert target == layer or target in ALLOWED[layer], f"{layer} may not import {name}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_has_a_layer(path: Path) -> None:
    """A new top-level module or package is placed in a layer here, never skipped by the checker."""
    assert _layer(path) in ALLOWED


def test_every_layer_exists() -> None:
    for layer in ("domain", "config", "storage", "services", "documents", "i18n", "ui", "cli"):
        assert (PACKAGE / layer / "__init__.py").exists()


def test_checker_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself can fail: a domain module importing storage is caught, and so is a CLI
    command importing Qt."""
    module = tmp_path / "bad.py"
    module.write_text("from desktop_app.storage.database import Database\nimport sqlalchemy\n")
    names = _imports(module)
    assert "desktop_app.storage.database" in names and "sqlalchemy" in names
    assert "storage" not in ALLOWED["domain"]
    assert not _may_use(PACKAGE / "cli" / "documents.py", "PySide6")
    assert _may_use(PACKAGE / "cli" / "selftest.py", "PySide6")


#: Runs the command line in a fresh interpreter and prints the heavy packages it loaded.
_LOADED = """
import json, sys
from desktop_app.cli import main
code = main(sys.argv[1:])
heavy = ("PySide6", "sqlalchemy", "alembic", "reportlab", "openpyxl", "docx", "jsonschema", "xlrd", "pypdf",
         "desktop_app.storage.models", "desktop_app.services.documents")
print(json.dumps({"code": code, "loaded": [name for name in heavy if name in sys.modules]}))
"""


def _loaded(tmp_path: Path, *argv: str) -> tuple[int, set[str]]:
    env = {**os.environ, "METODSOVET_HOME": str(tmp_path / "home")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run([sys.executable, "-c", _LOADED, *argv], env=env, capture_output=True, text=True,
                          timeout=120, cwd=PACKAGE.parent)
    last = done.stdout.strip().splitlines()[-1]
    result = json.loads(last)
    return result["code"], set(result["loaded"])


def test_commands_load_what_they_need_and_no_qt(tmp_path: Path) -> None:
    database = str(tmp_path / "school.sqlite3")
    code, loaded = _loaded(tmp_path, "--db", database, "demo")
    assert code == 0 and "PySide6" not in loaded
    out = str(tmp_path / "p.pdf")
    code, loaded = _loaded(tmp_path, "--db", database, "protocol", "m-math-26-1", "--out", out)
    assert code == 0 and Path(out).read_bytes().startswith(b"%PDF")
    # Printing one protocol reads an SQLite file at the current schema with the standard sqlite3 and
    # draws a PDF (issue 16: the whole command ≤ 0.5 s): no Qt, no SQLAlchemy and its models, no
    # Alembic, no other document's service, no spreadsheet, Word, PDF or JSON Schema readers.
    assert loaded == {"reportlab"}, loaded
    code, loaded = _loaded(tmp_path, "--db", database, "plan", "ktp-alg8-26", "--out", out)
    assert code == 0 and "sqlalchemy" in loaded  # the other documents: the usual way (not yet quick)


def test_the_window_start_reads_only_the_options() -> None:
    """`metodsovet --db FILE` (the window) parses its options without building every command's
    parser: no command group module, nothing heavy, before the first window."""
    script = ("import sys; from desktop_app.cli.arguments import parse_arguments; "
              "args = parse_arguments(['--db', 'x.sqlite3', '--lang', 'kk']); "
              "print(args.command, args.db, args.lang, "
              "sorted(m for m in sys.modules if m.startswith('desktop_app.cli.') or m in "
              "('sqlalchemy', 'reportlab', 'PySide6')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=PACKAGE.parent, check=True)
    assert done.stdout.split(" ", 3)[:3] == ["None", "x.sqlite3", "kk"]
    assert done.stdout.split(" ", 3)[3].strip() == "['desktop_app.cli.arguments', 'desktop_app.cli.program']"


def test_reportlab_runs_with_its_c_accelerator() -> None:
    """rl-accel (a dependency) gives ReportLab C number formatting and string widths: the same bytes,
    a third less time per page (issue 16); without it ReportLab silently falls back to Python."""
    from reportlab.lib import rl_accel

    assert {"fp_str", "instanceStringWidthTTF", "escapePDF", "sameFrag"} <= set(rl_accel._c_funcs)
