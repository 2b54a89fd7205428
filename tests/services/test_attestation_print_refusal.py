"""The attestation register's papers are not printed empty: a year without an application (the
list) or without a hearing (the schedule) is refused with the reason the Documents section and the
Attestation tab grey the paper with (one rule, domain/printing.py)."""

from __future__ import annotations

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.errors import Rule
from tests.services.conftest import SCHOOL, Env
from tests.services.test_staff_records import YEAR, application


def test_an_empty_paper_is_refused_with_the_reason(env: Env) -> None:
    s = env.s.attestations
    for kind, make, field in (("attestations", s.print_list, "attestations"),
                              ("attestation_schedule", s.print_schedule, "hearing")):
        error = env.refused(lambda m=make: m(CLI, SCHOOL, YEAR, "ru"), Rule.VALUE, YEAR, field)
        assert s.paper_refusal(kind, YEAR, []) == error
    s.save(CLI, SCHOOL, application(hearing=None))  # an application without a hearing: the list only
    records = s.list(CLI, SCHOOL, YEAR)
    assert s.paper_refusal("attestations", YEAR, records) is None
    assert s.print_list(CLI, SCHOOL, YEAR, "kk").data.startswith(b"%PDF")
    error = env.refused(lambda: s.print_schedule(CLI, SCHOOL, YEAR, "kk"), Rule.VALUE, YEAR, "hearing")
    assert s.paper_refusal("attestation_schedule", YEAR, records) == error
