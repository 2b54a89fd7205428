"""ReportLab's paragraph module imported without compiling, up front, a pattern only URLs need.

``reportlab.platypus.paragraph`` compiles at import a case-insensitive pattern of URLs over most
of Unicode (``uri_pat``); only the hyphenation of a URL uses it, and compiling it took ~25 ms of
the ~300 ms of a whole `metodsovet protocol` (issue 16). While that one module is imported, its
large case-insensitive patterns are compiled on first use instead; nothing else changes.
"""

from __future__ import annotations

import re
import sys
from typing import Any

PARAGRAPH = "reportlab.platypus.paragraph"


class CompiledOnFirstUse:
    """Stands for ``re.compile(pattern, flags)``, compiled when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


def import_paragraph() -> None:
    """Import ReportLab's paragraph module (once), its URL pattern compiled when first used."""
    if PARAGRAPH in sys.modules:
        return
    compile_now = re.compile

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__")
        if caller == PARAGRAPH and isinstance(pattern, str) and flags & re.IGNORECASE and len(pattern) > 200:
            return CompiledOnFirstUse(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_later
    try:
        __import__(PARAGRAPH)
    finally:
        re.compile = compile_now
