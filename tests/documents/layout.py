"""Where the words of a PDF are on its pages, read back with poppler's `pdftotext -bbox-layout`."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
#: The margins of every document (documents.md): left, right, top, bottom, in points.
MARGINS = (30 * MM, 10 * MM, 20 * MM, 20 * MM)
#: The foot (verification code, page numbers) is drawn below the bottom margin on purpose.
FOOT = 15 * MM
HAVE_POPPLER = shutil.which("pdftotext") is not None
_NS = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]

    @property
    def body(self) -> list[Line]:
        """The lines above the foot."""
        return [line for line in self.lines if line.words[0].y1 < self.height - FOOT]


def read_pages(data: bytes) -> list[Page]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(data)
        xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True,
                             check=True).stdout
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter(f"{_NS}page"):
        lines = []
        for line in page.iter(f"{_NS}line"):
            words = tuple(Word(w.text or "", float(w.get("xMin", 0)), float(w.get("yMin", 0)),
                               float(w.get("xMax", 0)), float(w.get("yMax", 0)))
                          for w in line.iter(f"{_NS}word"))
            if words:
                lines.append(Line(words))
        pages.append(Page(float(page.get("width", 0)), float(page.get("height", 0)), tuple(lines)))
    return pages


def outside_margins(page: Page, tolerance: float = 0.5) -> list[Word]:
    """Words that cross the margins (the foot below the bottom margin is allowed)."""
    left, right, top, _bottom = MARGINS
    return [w for w in page.words
            if w.x0 < left - tolerance or w.x1 > page.width - right + tolerance or w.y0 < top - tolerance]
