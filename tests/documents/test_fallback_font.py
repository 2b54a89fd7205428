"""The tenge sign (₸), which Liberation Serif lacks, prints in the fallback face, registered only then."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]

_PRINT = """
import json, sys
from dataclasses import replace
from reportlab.pdfbase import pdfmetrics
from desktop_app.documents.common import DocumentContext
from desktop_app.documents.fonts import FALLBACK
from desktop_app.documents.protocol import build_protocol
from desktop_app.services.documents import meeting_check
from desktop_app.services.exchange import parse_document
from tests.shared_files import SAMPLE

records = parse_document(SAMPLE.read_bytes())
ctx = DocumentContext.from_records(records)
meeting = records.meetings[0]
plain = build_protocol(meeting, ctx, "kk", meeting_check(meeting))
registered_before = FALLBACK in pdfmetrics.getRegisteredFontNames()
item = replace(meeting.agenda[0], decisions=["Оқулықтарға 150 000 ₸ бөлінсін."])
tenge = replace(meeting, agenda=[item, *meeting.agenda[1:]])
with_tenge = build_protocol(tenge, ctx, "kk", meeting_check(tenge))
open(sys.argv[1], "wb").write(plain)
open(sys.argv[2], "wb").write(with_tenge)
print(json.dumps({"registered_before": registered_before,
                  "registered_after": FALLBACK in pdfmetrics.getRegisteredFontNames()}))
"""


def _fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_the_tenge_sign_prints_in_the_fallback_registered_when_first_needed(tmp_path: Path) -> None:
    plain, tenge = tmp_path / "plain.pdf", tmp_path / "tenge.pdf"
    done = subprocess.run([sys.executable, "-c", _PRINT, str(plain), str(tenge)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, check=True)
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert state == {"registered_before": False, "registered_after": True}  # parsed only when a text needs it
    assert not any("DejaVu" in name for name in _fonts(plain))
    assert any("DejaVu" in name for name in _fonts(tenge)), _fonts(tenge)
    assert "150 000 ₸" in "".join(page.extract_text() for page in PdfReader(tenge).pages).replace("\u00a0", " ")
