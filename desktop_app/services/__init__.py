"""Use cases shared by the window and the command line; each takes the acting user.

``Services`` builds each area's service when it is first used: a command that prints one protocol
loads neither the spreadsheet readers nor the exchange format's validator.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.services.clock import Clock, utc_now

if TYPE_CHECKING:
    from desktop_app.services.accounts import AccountService
    from desktop_app.services.annual_analysis import AnnualAnalysisService
    from desktop_app.services.associations import AssociationService
    from desktop_app.services.attention import AttentionService
    from desktop_app.services.checks import CheckService
    from desktop_app.services.district import DistrictService
    from desktop_app.services.documents import DocumentService
    from desktop_app.services.events import EventService
    from desktop_app.services.exchange.service import ExchangeService
    from desktop_app.services.guest_members import GuestMemberService
    from desktop_app.services.material_prints import MaterialPrintService
    from desktop_app.services.materials import MaterialService
    from desktop_app.services.meetings import MeetingService
    from desktop_app.services.mentoring import MentoringService
    from desktop_app.services.olympiads import OlympiadService
    from desktop_app.services.plan_files import PlanFileService
    from desktop_app.services.plans import PlanService
    from desktop_app.services.registers_export import RegisterExportService
    from desktop_app.services.schools import SchoolService
    from desktop_app.services.search import ProtocolSearch
    from desktop_app.services.setup import SetupService
    from desktop_app.services.staff import AttestationService, CourseService
    from desktop_app.services.teachers import TeacherService
    from desktop_app.services.visits import VisitService
    from desktop_app.services.work_plans import WorkPlanService
    from desktop_app.storage.database import Database
    from desktop_app.storage.errors import StorageError

__all__ = ["Services", "StorageError"]


def __getattr__(name: str) -> Any:
    """``StorageError`` when first asked for: it loads SQLAlchemy, which a quick print does without."""
    if name == "StorageError":
        from desktop_app.storage.errors import StorageError

        return StorageError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Services:
    """One object per area, all over the same database; each made (and its module imported) on first use."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    @classmethod
    def open(cls, database: str, backup_dir: Path | None = None, clock: Clock = utc_now) -> Services:
        """Open (creating or migrating) the database named by a path or URL."""
        from desktop_app.storage.database import Database

        return cls.over(Database.open(database, backup_dir=backup_dir), clock)

    def close(self) -> None:
        self.db.close()

    @classmethod
    def over(cls, db: Database, clock: Clock = utc_now) -> Services:
        return cls(db, clock)

    @cached_property
    def accounts(self) -> AccountService:
        from desktop_app.services.accounts import AccountService

        return AccountService(self.db, self.clock)

    @cached_property
    def schools(self) -> SchoolService:
        from desktop_app.services.schools import SchoolService

        return SchoolService(self.db, self.clock)

    @cached_property
    def teachers(self) -> TeacherService:
        from desktop_app.services.teachers import TeacherService

        return TeacherService(self.db, self.clock)

    @cached_property
    def associations(self) -> AssociationService:
        from desktop_app.services.associations import AssociationService

        return AssociationService(self.db, self.clock)

    @cached_property
    def meetings(self) -> MeetingService:
        from desktop_app.services.meetings import MeetingService

        return MeetingService(self.db, self.clock)

    @cached_property
    def plans(self) -> PlanService:
        from desktop_app.services.plans import PlanService

        return PlanService(self.db, self.clock)

    @cached_property
    def plan_files(self) -> PlanFileService:
        from desktop_app.services.plan_files import PlanFileService

        return PlanFileService(self.db, self.clock)

    @cached_property
    def mentoring(self) -> MentoringService:
        from desktop_app.services.mentoring import MentoringService

        return MentoringService(self.db, self.clock)

    @cached_property
    def visits(self) -> VisitService:
        from desktop_app.services.visits import VisitService

        return VisitService(self.db, self.clock)

    @cached_property
    def events(self) -> EventService:
        from desktop_app.services.events import EventService

        return EventService(self.db, self.clock)

    @cached_property
    def district(self) -> DistrictService:
        from desktop_app.services.district import DistrictService

        return DistrictService(self.db, self.clock)

    @cached_property
    def guest_members(self) -> GuestMemberService:
        from desktop_app.services.guest_members import GuestMemberService

        return GuestMemberService(self.db, self.clock)

    @cached_property
    def exchange(self) -> ExchangeService:
        from desktop_app.services.exchange.service import ExchangeService

        return ExchangeService(self.db, self.clock)

    @cached_property
    def checks(self) -> CheckService:
        from desktop_app.services.checks import CheckService

        return CheckService(self.db, self.clock)

    @cached_property
    def documents(self) -> DocumentService:
        from desktop_app.services.documents import DocumentService

        return DocumentService(self.db, self.clock)

    @cached_property
    def setup(self) -> SetupService:
        from desktop_app.services.setup import SetupService

        return SetupService(self.db, self.clock)

    @cached_property
    def registers(self) -> RegisterExportService:
        from desktop_app.services.registers_export import RegisterExportService

        return RegisterExportService(self.db, self.clock)

    @cached_property
    def search(self) -> ProtocolSearch:
        from desktop_app.services.search import protocol_search

        return protocol_search(self.db, self.clock)

    @cached_property
    def attention(self) -> AttentionService:
        from desktop_app.services.attention import AttentionService

        return AttentionService(self.db, self.clock)

    @cached_property
    def attestations(self) -> AttestationService:
        from desktop_app.services.staff import AttestationService
        return AttestationService(self.db, self.clock)

    @cached_property
    def courses(self) -> CourseService:
        from desktop_app.services.staff import CourseService
        return CourseService(self.db, self.clock)

    @cached_property
    def materials(self) -> MaterialService:
        from desktop_app.services.materials import MaterialService

        return MaterialService(self.db, self.clock)

    @cached_property
    def material_prints(self) -> MaterialPrintService:
        from desktop_app.services.material_prints import MaterialPrintService

        return MaterialPrintService(self.db, self.clock)

    @cached_property
    def work_plans(self) -> WorkPlanService:
        from desktop_app.services.work_plans import WorkPlanService

        return WorkPlanService(self.db, self.clock)

    @cached_property
    def olympiads(self) -> OlympiadService:
        from desktop_app.services.olympiads import OlympiadService

        return OlympiadService(self.db, self.clock)

    @cached_property
    def analysis(self) -> AnnualAnalysisService:
        from desktop_app.services.annual_analysis import AnnualAnalysisService

        return AnnualAnalysisService(self.db, self.clock)
