"""What may be printed now, and why not: the rules of meetings and associations (an extract only
from a finalized protocol, rule 5; no empty work plan, rule 9) asked without raising, so that the
documents section can show a refusal before the user asks for the paper."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop_app.domain.associations import ensure_work_plan_printable
from desktop_app.domain.entities import Association
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.event_records import Event
from desktop_app.domain.events import certificate_holders
from desktop_app.domain.meetings import ProtocolHeading, ensure_extract_allowed
from desktop_app.domain.staff_records import Attestation


def _refusal(check: Callable[[], None]) -> DomainError | None:
    """The reason ``check`` refuses, kept as a value (a list greys its entry with it): without the
    traceback, whose frames would hold the list being made, and the list the reason, a reference
    cycle that only the collector's full pass frees."""
    try:
        check()
    except DomainError as refused:
        return refused.with_traceback(None)
    return None


def extract_refusal(meeting: ProtocolHeading) -> DomainError | None:
    """An extract certifies «Выписка верна» / «Үзінді дұрыс»: only a finalized protocol has one."""
    return _refusal(lambda: ensure_extract_allowed(meeting))


def work_plan_refusal(body: Association) -> DomainError | None:
    """A work plan without items is neither approved nor printed (п. 28)."""
    return _refusal(lambda: ensure_work_plan_printable(body))


def certificates_refusal(event: Event) -> DomainError | None:
    """Certificates of participation are issued only for a held event (п. 20)."""
    def check() -> None:
        certificate_holders(event, {})

    return _refusal(check)


def attestation_list_refusal(academic_year: str, records: Sequence[Attestation]) -> DomainError | None:
    """The list of teachers being attested (п. 10.7) has a line for each one: none yet, no list."""
    if records:
        return None
    return DomainError(Rule.VALUE, N_("No teacher is being attested in the academic year {year} yet"),
                       {"year": academic_year}, record=academic_year, field="attestations")


def attestation_schedule_refusal(academic_year: str, records: Sequence[Attestation]) -> DomainError | None:
    """The schedule of hearings is printed once a hearing is set (an agenda item of a meeting)."""
    if any(r.hearing is not None for r in records):
        return None
    return DomainError(Rule.VALUE, N_("No attestation hearing is set in the academic year {year} yet"),
                       {"year": academic_year}, record=academic_year, field="hearing")


#: The attestation register's two papers (the verification kinds) and why each is not printed yet.
ATTESTATION_PAPERS = {"attestations": attestation_list_refusal, "attestation_schedule": attestation_schedule_refusal}


def attestation_paper_refusal(kind: str, academic_year: str, records: Sequence[Attestation]) -> DomainError | None:
    """The one rule for both places that print these papers: the Documents section greys the entry
    with this reason, the Attestation tab greys its menu entry with it, and a print asked for anyway
    (the command line) is refused with it rather than printed empty."""
    return ATTESTATION_PAPERS[kind](academic_year, records)
