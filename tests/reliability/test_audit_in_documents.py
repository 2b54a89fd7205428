"""The head of the audit chain is in the verification data of printed documents (issue 8):
the QR payload and the PDF's keywords, not in print (issue 16: a clerk reads the short code);
the code stays the record's."""

from __future__ import annotations

import contextlib
import io
import re
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.services import Services

SCHOOL = "school-7"


def _head(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return str(db.execute("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()[0])


def _text(data: bytes) -> str:
    return re.sub(r"\s+", "", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def test_the_chain_head_is_printed_and_follows_the_log(database: Path) -> None:
    services = Services.open(str(database))
    try:
        head = _head(database)
        assert re.fullmatch(r"[0-9a-f]{64}", head)
        printed = services.documents.protocol(COMMAND_LINE, SCHOOL, "m-math-26-1")
        check = printed.check
        assert check.chain == head
        assert check.qr_payload.endswith(f";sha256:{check.digest};chain:{head}")
        assert head not in _text(printed.data) and check.code in _text(printed.data)
        keywords = str(PdfReader(io.BytesIO(printed.data)).metadata.get("/Keywords"))
        assert f"audit-chain:{head}" in keywords and f"sha256:{check.digest}" in keywords

        teacher = services.teachers.list_teachers(COMMAND_LINE, SCHOOL)[0]
        services.teachers.archive(COMMAND_LINE, SCHOOL, teacher.id)  # another audit row
        again = services.documents.protocol(COMMAND_LINE, SCHOOL, "m-math-26-1").check
        assert again.chain == _head(database) != head
        assert again.code == check.code and again == check  # the code is the record's alone
        assert services.checks.check(COMMAND_LINE).audit_breaks == []
    finally:
        services.close()


@pytest.mark.parametrize("args", [["extract", "m-math-26-1", "2"], ["plan", "ktp-alg8-26"],
                                  ["workplan", "mo-math-25"], ["register", "mo-math-26"],
                                  ["mentorship", "ment-04"], ["observation", "v-2"]])
def test_every_document_kind_carries_the_head(database: Path, tmp_path: Path, args: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    out = tmp_path / "doc.pdf"
    assert main(["--db", str(database), *args, "--out", str(out)]) == 0
    keywords = str(PdfReader(out).metadata.get("/Keywords"))
    assert f"audit-chain:{_head(database)}" in keywords
