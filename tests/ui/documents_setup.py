"""What the Documents section's tests share: the section opened for a role and a year, a filter
chosen by its data, a saved PDF's text."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from desktop_app.ui.views.documents import DocumentsView


def pdf_text(path: Path | bytes) -> str:
    """The text of a PDF (a file or its bytes), its white space folded."""
    source = BytesIO(path) if isinstance(path, bytes) else path
    return " ".join(" ".join(page.extract_text() for page in PdfReader(source).pages).split())


def open_documents(qtbot, sign_in, role: str = "administrator",  # type: ignore[no-untyped-def]
                   year: str = "2026-2027") -> DocumentsView:
    """The Documents section as ``role`` sees it, in ``year``, shown at a size that fits 1366×768."""
    session = sign_in(role)
    view = DocumentsView(session)
    qtbot.addWidget(view)
    years = session.services.schools.list_years(session.actor, session.school)
    view.set_year(next(y for y in years if y.id == year))
    view.resize(1140, 700)
    view.show()
    return view


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    """Choose the entry of ``combo`` that holds ``data`` (there must be one)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
