"""The commands of cli.md, each a thin layer over the services."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from desktop_app.domain.accounts import COMMAND_LINE, ROLE_LABELS, Role
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.i18n import _, ngettext
from desktop_app.preferences import backup_dir_for
from desktop_app.services import Services
from desktop_app.services.demo import load_demo
from desktop_app.services.documents import kind_name
from desktop_app.services.exchange import Problem
from desktop_app.services.maintenance import MaintenanceService, damage, sqlite_file

EXIT_OK, EXIT_REFUSED = 0, 1


def run_command(args: argparse.Namespace, database: str) -> int:
    if args.command == "import":
        data = _read_file(args.file)
    if args.command == "check":
        damaged = _damage_report(database)
        if damaged is not None:
            return damaged
    services = Services.open(database, backup_dir=backup_dir_for(database))
    try:
        if args.command == "demo":
            return _demo(services)
        if args.command == "import":
            return _import(services, args.file, data, args.replace)
        if args.command == "import-plans":
            return _import_plans(services, args)
        if args.command == "export":
            return _export(services, Path(args.file), args.school)
        if args.command == "check":
            return _check(services, args.school)
        if args.command == "backup":
            target = Path(args.to) if args.to else None
            print(MaintenanceService(services).backup(COMMAND_LINE, target))
            return EXIT_OK
        if args.command == "user":
            return _user_add(services, args)
        if args.command in DOCUMENT_COMMANDS:
            return _print_document(services, args)
        if args.command == "verify":
            return _verify(services, args.code, args.school)
        raise AssertionError(args.command)
    finally:
        services.close()


def _damage_report(database: str) -> int | None:
    """`check` on a damaged SQLite file: say what is wrong and what to do; keep the file."""
    path = sqlite_file(database)
    if path is None or not path.exists():
        return None
    problems = damage(path)
    if not problems:
        return None
    for problem in problems[:20]:
        print(_("Database: {problem}").format(problem=problem), file=sys.stderr)
    print(_("The file {file} is damaged. It was not changed. Start the program: it moves the damaged "
            "file aside and restores the newest good backup from {folder}.").format(
        file=path, folder=backup_dir_for(database)), file=sys.stderr)
    return EXIT_REFUSED


def _read_file(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise DomainError(Rule.VALUE, N_("Cannot read {file}: {reason}"),
                          {"file": name, "reason": error.strerror or str(error)}, record=name) from None


def _demo(services: Services) -> int:
    school, accounts = load_demo(services)
    print(_("Demo school {school} loaded. Accounts (login / password / role):").format(school=school))
    for account in accounts:
        print(f"  {account.login:<10} {account.password:<14} {_(ROLE_LABELS[account.role])}")
    return EXIT_OK


def _import(services: Services, name: str, data: bytes, replace: bool) -> int:
    summary = services.exchange.import_document(COMMAND_LINE, data, replace=replace)
    verb = _("replaced") if summary.replaced else _("imported")
    counts = ", ".join(f"{key} {value}" for key, value in summary.counts.items())
    print(_("{file}: school {school} {verb}: {counts}").format(file=name, school=summary.school,
                                                                verb=verb, counts=counts))
    return EXIT_OK


def _import_plans(services: Services, args: argparse.Namespace) -> int:
    """`import-plans`: one line per file on standard output, the problems of a refused file on standard
    error (one per line, naming the file), a count at the end; 1 when any file was refused."""
    from desktop_app.services.plan_files import FileChoice, FileStatus, plan_files

    school = _pick_school(services, args.school)
    files = plan_files(Path(p) for p in args.paths)
    if not files:
        raise DomainError(Rule.VALUE, N_("No KTP files (.xlsx, .xls, .docx, .doc, .csv) found in {paths}"),
                          {"paths": ", ".join(args.paths)})
    given = FileChoice(args.teacher, args.subject, args.grade)
    drafts = services.plan_files.read(COMMAND_LINE, school, files, args.year, given)
    reports = services.plan_files.import_files(COMMAND_LINE, school, drafts, args.year, dry_run=args.dry_run)
    counts = dict.fromkeys(FileStatus, 0)
    for report in reports:
        counts[report.status] += 1
        plans = "; ".join(_("{plan} (teacher {teacher}, subject {subject}, grade {grade}, classes {classes}, "
                            "lessons: {count})").format(
            plan=p.id or _("new plan"), teacher=p.teacher, subject=p.subject, grade=p.grade,
            classes=", ".join(p.classes) or "—", count=len(p.rows)) for p in report.plans)
        if report.status is FileStatus.IMPORTED:
            print(_("{file}: imported as {plans}").format(file=report.path, plans=plans))
        elif report.status is FileStatus.WOULD_IMPORT:
            print(_("{file}: would be imported as {plans}").format(file=report.path, plans=plans))
        elif report.status is FileStatus.SKIPPED:
            print(_("{file}: skipped, imported before unchanged as {plans}").format(
                file=report.path, plans=", ".join(p.id for p in report.plans)))
        else:
            print(ngettext("{file}: refused, {count} problem (listed on standard error)",
                           "{file}: refused, {count} problems (listed on standard error)",
                           len(report.problems)).format(file=report.path, count=len(report.problems)))
            for problem in report.problems:
                print(f"{report.path}: {problem.render(_)}", file=sys.stderr)
    print(_("{imported} imported, {would} to import, {skipped} skipped, {refused} refused").format(
        imported=counts[FileStatus.IMPORTED], would=counts[FileStatus.WOULD_IMPORT],
        skipped=counts[FileStatus.SKIPPED], refused=counts[FileStatus.REFUSED]))
    return EXIT_REFUSED if counts[FileStatus.REFUSED] else EXIT_OK


def _pick_school(services: Services, school: str | None) -> str:
    schools = [s.id for s in services.schools.list_schools(COMMAND_LINE)]
    if school is not None:
        if school not in schools:
            raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                              {"kind": Msg(N_("school")), "id": school}, record=school)
        return school
    if len(schools) == 1:
        return schools[0]
    if not schools:
        raise DomainError(Rule.VALUE, N_("The database holds no school"))
    raise DomainError(Rule.VALUE, N_("The database holds several schools ({schools}); name one with --school"),
                      {"schools": ", ".join(schools)})


def _export(services: Services, target: Path, school: str | None) -> int:
    school = _pick_school(services, school)
    found: dict[str, int] = {}

    def write(handle: BinaryIO) -> None:  # the document is written as it is read: memory stays flat
        found.update(services.exchange.export_text(
            COMMAND_LINE, school, lambda piece: handle.write(piece.encode("utf-8"))))

    _write_atomically(target, write)
    counts = ", ".join(f"{k} {v}" for k, v in found.items())
    print(_("{file}: school {school} exported: {counts}").format(file=target, school=school, counts=counts))
    return EXIT_OK


def _check(services: Services, school: str | None) -> int:
    if school is not None:
        school = _pick_school(services, school)
    report = services.checks.check(COMMAND_LINE, school)
    for problem in report.integrity:
        print(_("Database: {problem}").format(problem=problem))
    for entry in report.audit_breaks:
        print(_("Audit trail broken at {entry}").format(entry=entry))
    error_word, warning_word = _("error"), _("warning")
    for school_report in report.schools:
        for finding in school_report.errors:
            print(f"{school_report.school} {error_word}: {Problem.from_finding(finding).render(_)}")
        for finding in school_report.warnings:
            print(f"{school_report.school} {warning_word}: {Problem.from_finding(finding).render(_)}")
        print(_("{school}: {errors} errors, {warnings} warnings").format(
            school=school_report.school, errors=len(school_report.errors),
            warnings=len(school_report.warnings)))
    if report.ok:
        print(_("Database integrity: ok"))
        return EXIT_OK
    return EXIT_REFUSED


DOCUMENT_COMMANDS = ("protocol", "extract", "plan", "workplan", "register", "mentorship", "observation",
                     "schedule")


def _print_document(services: Services, args: argparse.Namespace) -> int:
    school = _pick_school(services, args.school)
    documents, lang = services.documents, args.doc_lang
    if args.command == "protocol":
        printed = documents.protocol(COMMAND_LINE, school, args.record, lang)
    elif args.command == "extract":
        printed = documents.extract(COMMAND_LINE, school, args.record, args.item, lang)
    elif args.command == "plan":
        printed = documents.plan(COMMAND_LINE, school, args.record, lang)
    elif args.command == "workplan":
        printed = documents.work_plan(COMMAND_LINE, school, args.record, lang)
    elif args.command == "register":
        printed = documents.register(COMMAND_LINE, school, args.record, lang)
    elif args.command == "mentorship":
        printed = documents.mentorship(COMMAND_LINE, school, args.record, lang)
    elif args.command == "schedule":
        printed = documents.visit_schedule(COMMAND_LINE, school, args.year, args.term, lang)
    else:
        printed = documents.observation(COMMAND_LINE, school, args.record, lang)
    target = Path(args.out)
    _write_atomically(target, printed.data)
    print(_("{file}: {kind} {record} ({language}), verification code {code}").format(
        file=target, kind=kind_name(printed.check.kind), record=printed.check.record, language=printed.language,
        code=printed.check.code))
    return EXIT_OK


#: Why a file could not be written, in the user's language (the OS's own text is English).
WRITE_FAILURES = {
    errno.ENOSPC: N_("The disk is full; free some space or choose another disk"),
    errno.EDQUOT: N_("The disk is full; free some space or choose another disk"),
    errno.EROFS: N_("The disk or folder is read-only; choose another folder"),
    errno.EACCES: N_("Writing to this folder is not allowed; choose another folder"),
    errno.EPERM: N_("Writing to this folder is not allowed; choose another folder"),
    errno.ENOENT: N_("The folder does not exist; choose another folder"),
    errno.ENOTDIR: N_("The folder does not exist; choose another folder"),
    errno.EISDIR: N_("A folder has this name; choose another file name"),
}


def _write_failure(error: OSError) -> str:
    reason = WRITE_FAILURES.get(error.errno or 0)
    return Msg(reason) if reason else (error.strerror or str(error))


def _write_atomically(target: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write to a temporary file beside ``target``, flush it to the disk, then rename it into
    place: a full disk, a read-only or missing folder leaves no partial file, and an existing
    ``target`` stays as it was. The failure names the file (a DomainError, translated)."""
    temporary = target.with_name(target.name + ".tmp")
    try:
        with temporary.open("wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):  # under a file (NotADirectoryError) there is nothing to remove
            temporary.unlink(missing_ok=True)
        raise DomainError(Rule.VALUE, N_("Cannot write {file}: {reason}"),
                          {"file": str(target), "reason": _write_failure(error)}, record=str(target)) from None
    except BaseException:  # a refusal while the document was written: no partial file either
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


def _verify(services: Services, code: str, school: str | None) -> int:
    if school is not None:
        school = _pick_school(services, school)
    matches = services.documents.verify(COMMAND_LINE, code, school)
    for match in matches:
        check = match.check
        print(_("{code}: matches {kind} {record}, version {version}, school {school}").format(
            code=check.code, kind=kind_name(check.kind), record=check.record, version=check.version,
            school=match.school))
    if matches:
        return EXIT_OK
    print(_("{code}: no current record has this verification code (the record changed or the code is "
            "wrong)").format(code=code), file=sys.stderr)
    return EXIT_REFUSED


def _user_add(services: Services, args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\r\n")
    school = args.school
    if args.teacher is not None or school is not None:
        school = _pick_school(services, school)
    user = services.accounts.create_user(COMMAND_LINE, args.login, password, Role(args.role),
                                         school, args.teacher)
    print(_("Account {login} created ({role})").format(login=user.login, role=_(ROLE_LABELS[user.role])))
    return EXIT_OK
