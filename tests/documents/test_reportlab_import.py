"""ReportLab's paragraph module, imported with its URL pattern compiled on first use (issue 16)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, re, sys
from desktop_app.documents.reportlab_import import import_paragraph
compile_before = re.compile
import_paragraph()
import reportlab.platypus.paragraph as p
urls = ["https://Мектеп.kz/хаттама?id=1", "http://10.0.0.1:8080/a", "ftp://x", "мектеп", "localhost"]
print(json.dumps({
    "deferred": type(p.uri_pat).__name__,
    "others_compiled": isinstance(p._hy_letters_pat, re.Pattern) and isinstance(p._hy_shy_pat, re.Pattern),
    "restored": re.compile is compile_before,
    "same_matches": [bool(p.uri_pat.match(u)) for u in urls]
                    == [bool(re.compile(p.uri_pat.pattern, p.uri_pat.flags).match(u)) for u in urls],
    "any_url": bool(p.uri_pat.match(urls[0])),
}))
"""


def test_only_the_url_pattern_waits_and_it_matches_as_before() -> None:
    """In a fresh interpreter: the URL pattern is deferred (else the 25 ms are back), every other pattern
    of the module is compiled as usual, ``re.compile`` is the standard one again, and the deferred
    pattern matches exactly as the compiled one does."""
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"deferred": "CompiledOnFirstUse", "others_compiled": True, "restored": True,
                      "same_matches": True, "any_url": True}
