"""Use cases shared by the window and the command line; each takes the acting user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.services.accounts import AccountService
from desktop_app.services.associations import AssociationService
from desktop_app.services.attention import AttentionService
from desktop_app.services.base import Clock, utc_now
from desktop_app.services.checks import CheckService
from desktop_app.services.documents import DocumentService
from desktop_app.services.exchange.service import ExchangeService
from desktop_app.services.meetings import MeetingService
from desktop_app.services.mentoring import MentoringService
from desktop_app.services.plan_files import PlanFileService
from desktop_app.services.plans import PlanService
from desktop_app.services.registers_export import RegisterExportService
from desktop_app.services.schools import SchoolService
from desktop_app.services.search import ProtocolSearch, protocol_search
from desktop_app.services.setup import SetupService
from desktop_app.services.teachers import TeacherService
from desktop_app.services.visits import VisitService
from desktop_app.storage.database import Database
from desktop_app.storage.errors import StorageError

__all__ = ["Services", "StorageError"]


@dataclass
class Services:
    """One object per area, all over the same database; built once at start."""

    db: Database
    accounts: AccountService
    schools: SchoolService
    teachers: TeacherService
    associations: AssociationService
    meetings: MeetingService
    plans: PlanService
    plan_files: PlanFileService
    mentoring: MentoringService
    visits: VisitService
    exchange: ExchangeService
    checks: CheckService
    documents: DocumentService
    setup: SetupService
    registers: RegisterExportService
    search: ProtocolSearch
    attention: AttentionService

    @classmethod
    def open(cls, database: str, backup_dir: Path | None = None, clock: Clock = utc_now) -> Services:
        """Open (creating or migrating) the database named by a path or URL."""
        return cls.over(Database.open(database, backup_dir=backup_dir), clock)

    def close(self) -> None:
        self.db.close()

    @classmethod
    def over(cls, db: Database, clock: Clock = utc_now) -> Services:
        search = protocol_search(db, clock)
        return cls(
            db=db,
            accounts=AccountService(db, clock),
            schools=SchoolService(db, clock),
            teachers=TeacherService(db, clock),
            associations=AssociationService(db, clock),
            meetings=MeetingService(db, clock),
            plans=PlanService(db, clock),
            plan_files=PlanFileService(db, clock),
            mentoring=MentoringService(db, clock),
            visits=VisitService(db, clock),
            exchange=ExchangeService(db, clock),
            checks=CheckService(db, clock),
            documents=DocumentService(db, clock),
            setup=SetupService(db, clock),
            registers=RegisterExportService(db, clock),
            search=search,
            attention=AttentionService(db, clock),
        )
