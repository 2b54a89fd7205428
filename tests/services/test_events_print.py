"""Prints of events read back: the register and the certificates in Kazakh and Russian, fonts
embedded, one landscape page per participant, the verification code in the text."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.errors import DomainError
from tests.services.conftest import SCHOOL, Env
from tests.services.test_events import YEAR, seminar


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _held(env: Env) -> str:
    event = env.s.events.save(CLI, SCHOOL, seminar())
    env.s.events.hold(CLI, SCHOOL, event.id, "Ұсынылсын")
    return event.id


@pytest.mark.parametrize(("language", "title", "issued"), [
    ("kk", "СЕРТИФИКАТ", "қатысқаны үшін берілді"),
    ("ru", "СЕРТИФИКАТ", "Настоящий сертификат выдан"),
])
def test_certificates_are_a_landscape_page_per_participant(env: Env, tmp_path: Path, language: str,
                                                            title: str, issued: str) -> None:
    event = _held(env)
    printed = env.s.events.certificates_pdf(CLI, SCHOOL, event, None, language)
    reader = PdfReader(io.BytesIO(printed.data))
    assert len(reader.pages) == 3  # two teachers and a guest
    for page in reader.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    pages = _text(printed.data)
    names = [t.full_name for t in env.s.teachers.list_teachers(CLI, SCHOOL) if t.id in ("t-02", "t-06")]
    for number, (page, name) in enumerate(zip(pages, [*names, "Серікова Д. Н."], strict=True), start=1):
        assert title in page and issued in page and name in page and f"1-{number}" in page
        assert printed.check.code in page
    assert "№ 12 мектеп-гимназия" in pages[2]
    assert reader.metadata is not None and reader.metadata.get("/Lang", "") in ("", f"{language}-KZ",
                                                                                 f"{language}-RU")
    if shutil.which("pdffonts"):
        path = tmp_path / "c.pdf"
        path.write_bytes(printed.data)
        report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = report.splitlines()[2:]
        assert fonts and all(" yes yes " in line for line in fonts), report


def test_one_certificate_and_the_refusal_for_someone_else(env: Env) -> None:
    event = _held(env)
    one = env.s.events.certificates_pdf(CLI, SCHOOL, event, ("t-06",), "ru")
    assert len(PdfReader(io.BytesIO(one.data)).pages) == 1
    every = env.s.events.certificates_pdf(CLI, SCHOOL, event, None, "ru")
    assert one.check.code != every.check.code
    with pytest.raises(DomainError) as caught:
        env.s.events.certificates_pdf(CLI, SCHOOL, event, ("t-05",), "kk")
    assert caught.value.field == "participants"


@pytest.mark.parametrize(("language", "heading"), [
    ("kk", "ӘДІСТЕМЕЛІК ЖҰМЫС ІС-ШАРАЛАРЫНЫҢ ТІЗІЛІМІ"),
    ("ru", "РЕЕСТР МЕРОПРИЯТИЙ МЕТОДИЧЕСКОЙ РАБОТЫ"),
])
def test_the_register_lists_the_year_by_number(env: Env, language: str, heading: str) -> None:
    _held(env)
    env.s.events.save(CLI, SCHOOL, seminar(organiser=None))
    printed = env.s.events.register_pdf(CLI, SCHOOL, YEAR, language)
    text = " ".join(_text(printed.data))
    assert heading in text and "18.11.2026" in text and printed.check.code in text
    topic = seminar().topic.get(language)
    assert text.count(topic.split()[0]) >= 2
    first = env.s.events.register_pdf(CLI, SCHOOL, YEAR, "kk").check.code
    assert first == env.s.events.register_pdf(CLI, SCHOOL, YEAR, "ru").check.code


def test_the_printed_codes_of_events_are_verified_until_the_event_changes(env: Env) -> None:
    """`verify` finds the register's and the certificates' codes (all of them, and one person's);
    once the event is changed, the old printout's code matches no record."""
    event = _held(env)
    every = env.s.events.certificates_pdf(CLI, SCHOOL, event, None, "kk")
    one = env.s.events.certificates_pdf(CLI, SCHOOL, event, ("t-06",), "ru")
    register = env.s.events.register_pdf(CLI, SCHOOL, YEAR, "ru")
    for printed, kind in ((every, "certificate"), (one, "certificate"), (register, "event_register")):
        found = env.s.documents.verify(CLI, printed.check.code)
        assert [(f.school, f.check.kind, f.check.record) for f in found] == [
            (SCHOOL, kind, printed.check.record)], kind
    stored = env.s.events.get(CLI, SCHOOL, event)
    env.s.events.save(CLI, SCHOOL, replace(stored, place="мәжіліс залы"))
    assert env.s.documents.verify(CLI, every.check.code) == []
    assert env.s.documents.verify(CLI, register.check.code) == []
