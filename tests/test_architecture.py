"""The import direction of architecture.md, checked by parsing every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"

#: For each layer: the first-party layers it may import (itself always allowed).
ALLOWED = {
    "domain": set(),
    "storage": {"domain"},
    "i18n": {"paths"},
    "documents": {"domain", "i18n", "paths"},
    "services": {"domain", "storage", "documents", "i18n", "paths"},
    "ui": {"services", "domain", "documents", "i18n", "paths", "preferences"},
    "paths": set(),
    "preferences": {"paths"},
}
#: Third-party packages that only one layer may use.
EXCLUSIVE = {"sqlalchemy": {"storage"}, "alembic": {"storage"}, "PySide6": {"ui", "app", "selftest"},
             "reportlab": {"documents"}}


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


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path: Path) -> None:
    layer = _layer(path)
    for name in _imports(path):
        top = name.split(".")[0]
        if top in EXCLUSIVE:
            assert layer in EXCLUSIVE[top], f"{layer} imports {name}"
        if top != "desktop_app" or layer not in ALLOWED:
            continue
        parts = name.split(".")
        target = parts[1] if len(parts) > 1 else ""
        assert target == layer or target in ALLOWED[layer], f"{layer} may not import {name}"


def test_every_layer_exists() -> None:
    for layer in ("domain", "storage", "services", "documents", "i18n", "ui"):
        assert (PACKAGE / layer / "__init__.py").exists()


def test_checker_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself can fail: a domain module importing storage is caught."""
    module = tmp_path / "bad.py"
    module.write_text("from desktop_app.storage.database import Database\nimport sqlalchemy\n")
    names = _imports(module)
    assert "desktop_app.storage.database" in names and "sqlalchemy" in names
    assert "storage" not in ALLOWED["domain"]
