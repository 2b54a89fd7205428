"""The page frame every document is printed on.

A4 (a KTP's table on landscape pages), margins left 30 mm, right 10 mm, top 20 mm, bottom 20 mm
(room to bind; documents.md); the frames have no inner padding, so a table as wide as the text
ends exactly at the right margin. The foot of every page carries the verification code on the
left and, from the second page on, «Страница 2 из 5» / «5 беттің 2-беті» on the right. A draft
carries a diagonal «ПРОЕКТ» / «ЖОБА» mark. Every document ends with its closing lines (the last
text, the signatures) kept on one page with the QR block: the kind of document, its version and
the short code in print; record id, full hash and the audit chain's head in the QR code and the
PDF's keywords. Output is deterministic: ``invariant=1`` and the creation date taken from the
record, so the same record (and the same audit log) gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.documents.common import Paragraph, Styles, esc, make_styles, translator
from desktop_app.documents.fonts import SERIF, SERIF_BOLD, register_fonts
from desktop_app.documents.verification import DOCUMENT_KINDS, Verification

LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 10 * mm, 20 * mm, 20 * mm
CREATOR = "Metodsovet"
PDF_LANGUAGES = {"kk": "kk-KZ", "ru": "ru-RU"}


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    subject: str
    author: str  # the school
    language: str
    created: date  # from the record, never the clock
    draft_mark: str | None = None
    landscape: bool = False


#: The QR code's mask pattern, fixed: trying all eight for the least penalty took most of the time
#: of a short document, and the payload (hex digests) is already as irregular as a mask makes it.
MASK = 0


class QrFlowable(Flowable):  # type: ignore[misc]  # reportlab has no stubs: Flowable is Any
    """The QR code drawn once, as one filled path of dark runs (not a shape per cell)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload, self.width, self.height = payload, size, size

    def draw(self) -> None:
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(self.payload)
        code.version = code.calculate_version()
        code.makeImpl(False, MASK)
        count = code.getModuleCount()
        border = 2
        cell = self.width / (count + 2 * border)
        path = self.canv.beginPath()
        for r, row in enumerate(code.modules):
            column = 0
            for dark, run in groupby(bool(v) for v in row):
                length = len(list(run))
                if dark:
                    path.rect((column + border) * cell, self.height - (r + border + 1) * cell,
                              length * cell, cell)
                column += length
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, fill=1, stroke=0)


def qr_block(check: Verification, language: str, styles: Styles) -> Table:
    """The QR code and its text: the kind of document, its version and the short code.

    The full hash and the audit chain's head are in the QR code and the PDF's keywords, not in
    print: a clerk reads the code, a program reads the QR code.
    """
    _ = translator(language)
    text = "<br/>".join([
        esc(_("Verification of this document against the database")),
        esc(_("Document: {kind}; version: {version}").format(
            kind=_(DOCUMENT_KINDS.get(check.kind, check.kind)), version=check.version)),
        "<b>" + esc(_("Verification code: {code}").format(code=check.code)) + "</b>",
    ])
    size = 26 * mm
    table = Table([[QrFlowable(check.qr_payload, size), Paragraph(text, styles.small)]],
                  colWidths=[size + 4 * mm, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _canvas_class(meta: DocumentMeta, check: Verification) -> type[Canvas]:
    _ = translator(meta.language)
    code_text = _("Verification code: {code}").format(code=check.code)
    stamp = meta.created.strftime("D:%Y%m%d000000+05'00'")

    class _PagedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no stubs: Canvas is Any
        """Keeps the pages until the end, to write «page X of Y» on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc.info._dateFormatter = lambda *parts: stamp
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._foot(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _foot(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(SERIF, 8)
            self.setFillColor(colors.black)
            self.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
            self.setLineWidth(0.3)
            self.line(LEFT, 14 * mm, width - RIGHT, 14 * mm)
            self.drawString(LEFT, 10 * mm, code_text)
            if meta.draft_mark:
                self._draft(meta.draft_mark)
            page = self.getPageNumber()
            if page > 1:
                label = _("page {page} of {pages}").format(page=page, pages=total)
                self.setFont(SERIF, 10)
                self.drawRightString(width - RIGHT, 10 * mm, label)
            self.restoreState()

        def _draft(self, text: str) -> None:
            """Drawn last (so text extraction keeps the page's words in order), half transparent."""
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.35))
            self.setFont(SERIF_BOLD, 96)
            self.translate(width / 2, height / 2)
            self.rotate(45)
            self.drawCentredString(0, -30, text)
            self.restoreState()

    return _PagedCanvas


def keywords(check: Verification) -> str:
    """The verification data in the PDF's metadata, for programs that read it (verification.py)."""
    parts = [f"metodsovet-code:{check.code}", f"sha256:{check.digest}"]
    return " ".join([*parts, f"audit-chain:{check.chain}"] if check.chain else parts)


def _templates(meta: DocumentMeta) -> list[PageTemplate]:
    """Portrait and landscape A4, each one frame with the margins and no inner padding."""
    templates = []
    for name, size in (("portrait", A4), ("landscape", landscape(A4))):
        frame = Frame(LEFT, BOTTOM, size[0] - LEFT - RIGHT, size[1] - TOP - BOTTOM, id=name,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
    return templates if not meta.landscape else templates[::-1]


def to_landscape() -> list[Flowable]:
    """Flowables that continue the document on landscape pages (a KTP's table)."""
    return [NextPageTemplate("landscape"), PageBreak()]


def render(story: Sequence[Flowable], meta: DocumentMeta, check: Verification,
           closing: Sequence[Flowable] = ()) -> bytes:
    """Lay ``story`` out on the frame and return the PDF.

    ``closing`` (the last lines of text and the signatures) is kept on one page with the QR
    block that ends every document, so that no last page holds the QR block alone.
    """
    register_fonts()
    styles = make_styles()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=landscape(A4) if meta.landscape else A4, leftMargin=LEFT, rightMargin=RIGHT,
        topMargin=TOP, bottomMargin=BOTTOM, title=meta.title, author=meta.author, subject=meta.subject,
        creator=CREATOR, producer=CREATOR, lang=PDF_LANGUAGES[meta.language], invariant=1,
        keywords=keywords(check), pageTemplates=_templates(meta),
        initialFontName=SERIF, initialFontSize=12, initialLeading=15,
    )
    body, closing = list(story), list(closing)
    while body and body[-1].getKeepWithNext():  # a heading just before the closing goes with it
        closing.insert(0, body.pop())
    tail = KeepTogether([*closing, Spacer(1, 5 * mm), qr_block(check, meta.language, styles)])
    doc.build([*body, tail], canvasmaker=_canvas_class(meta, check))
    return buffer.getvalue()
