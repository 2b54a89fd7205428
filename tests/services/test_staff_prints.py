"""The attestation register's prints (п. 10.7): the list and the schedule in kk and ru, read back
from the PDF; the margins; the verification code found by ``verify``; who may print."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.entities import Category
from desktop_app.domain.staff_records import AttestationResult
from tests.documents.layout import HAVE_POPPLER, outside_margins, read_pages
from tests.services.conftest import SCHOOL, Env, d
from tests.services.test_staff_records import YEAR, application


def _text(data: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)


def _fill(env: Env) -> None:
    closed = env.s.attestations.save(CLI, SCHOOL, application())
    env.s.attestations.record_result(CLI, SCHOOL, closed.id, AttestationResult.AWARDED, "112-ж", d("2026-12-20"))
    env.s.attestations.save(CLI, SCHOOL, application(teacher="t-07", hearing=None, sought_category=Category.MODERATOR))


@pytest.mark.parametrize(("language", "words"), [
    ("kk", ("АТТЕСТАТТАУДАН ӨТЕТІН ПЕДАГОГТЕРДІҢ ТІЗІМІ", "педагог-сарапшы", "112-ж", "Төлеуов")),
    ("ru", ("СПИСОК ПЕДАГОГОВ, ПРОХОДЯЩИХ АТТЕСТАЦИЮ", "педагог-эксперт", "112-ж", "Төлеуов")),
])
def test_the_list_of_teachers_being_attested(env: Env, language: str, words: tuple[str, ...]) -> None:
    _fill(env)
    printed = env.s.attestations.print_list(env.actor("admin"), SCHOOL, YEAR, language)
    text = _text(printed.data)
    for word in words:
        assert word in text.replace("-\n", "-").replace("\n", " "), (word, text)  # a narrow column wraps
    assert [found.check for found in env.s.documents.verify(CLI, printed.check.code)] == [printed.check]
    if HAVE_POPPLER:
        assert all(not outside_margins(page) for page in read_pages(printed.data))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_schedule_lists_hearings_by_date_and_the_unset_last(env: Env, language: str) -> None:
    _fill(env)
    printed = env.s.attestations.print_schedule(env.actor("director"), SCHOOL, YEAR, language)
    text = _text(printed.data).replace("\n", " ")
    assert text.index("06.11.2026") < text.index("Төлеуов")  # the one without a hearing comes last
    assert ("белгіленбеген" if language == "kk" else "не назначено") in text  # «hearing not set»
    assert printed.check.code != env.s.attestations.print_list(CLI, SCHOOL, YEAR, language).check.code


def test_a_head_or_a_teacher_does_not_print_the_schools_list(env: Env) -> None:
    env.denied(lambda: env.s.attestations.print_list(env.actor("head"), SCHOOL, YEAR, "ru"))
    env.denied(lambda: env.s.attestations.print_schedule(env.actor("teacher"), SCHOOL, YEAR, "kk"))
