"""The QR code drawn as one path shows exactly the encoder's modules, the right way up."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.frame import MASK, QrFlowable

PAYLOAD = "metodsovet;protocol;m-math-26-1;v3;sha256:" + "0123456789abcdef" * 4


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_drawn_code_is_the_encoded_matrix(tmp_path: Path) -> None:
    size = 60 * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(size, size))
    QrFlowable(PAYLOAD, size).drawOn(canvas, 0, 0)
    canvas.save()
    path = tmp_path / "qr.pdf"
    path.write_bytes(buffer.getvalue())
    subprocess.run(["pdftoppm", "-png", "-r", "300", "-singlefile", str(path), str(tmp_path / "qr")], check=True)
    image = Image.open(tmp_path / "qr.png").convert("L")
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(PAYLOAD)
    code.version = code.calculate_version()
    code.makeImpl(False, MASK)
    count = code.getModuleCount()
    cell = image.width / (count + 4)  # two modules of quiet zone on each side
    for row in range(count):
        for column in range(count):
            x, y = int((column + 2.5) * cell), int((row + 2.5) * cell)
            assert (image.getpixel((x, y)) < 128) == bool(code.modules[row][column]), (row, column)
    assert image.getpixel((int(cell), int(cell))) > 128  # the quiet zone is white
