"""Rule 9 continued (п. 28): the approved annual work plan is followed, item by item.

An item is marked held (with the record that did it), moved to another month of the year (with
the reason) or cancelled (with the reason). Marks are put on an approved plan only; the plan's
items themselves stay locked.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.entities import Association, ItemMark, ItemState
from desktop_app.domain.errors import N_, DomainError, Msg, Rule

#: The kinds of record an item can be linked to, with the name a message uses: a meeting of the
#: association, a lesson visit, an event of methodical work (п. 20). Storage keeps the kind as text,
#: so a new kind needs no migration.
LINK_KINDS: dict[str, str] = {
    "meeting": N_("meeting"),
    "lesson_visit": N_("lesson visit"),
    "event": N_("event"),
}


def month_of(day: date) -> str:
    return day.strftime("%Y-%m")


def overdue(item_month: str, today: date) -> bool:
    """The item's month is over (it waits for a mark)."""
    return item_month < month_of(today)


def mark_errors(association: Association, item: int, mark: ItemMark | None,
                window: tuple[date, date], link_day: date | None, today: date) -> list[DomainError]:
    """What is wrong with putting ``mark`` on item ``item`` (from 1) of the plan.

    ``link_day`` is the date of the linked record (the service looks it up); ``today`` keeps a
    "held" mark from pointing at a record that has not happened yet."""
    plan = association.work_plan
    field = f"work_plan.items[{item}].mark"

    def error(message: str, **params: object) -> DomainError:
        return DomainError(Rule.WORK_PLAN_APPROVAL, message, {"item": item, **params},
                           record=association.id, field=field)

    if plan is None or plan.approved is None:
        return [error(N_("Work plan item {item}: marks are put on an approved plan only (п. 28)"))]
    if not 1 <= item <= len(plan.items):
        return [error(N_("The work plan has no item {item}"))]
    if mark is None:
        return []
    month = plan.items[item - 1].month
    errors = []
    if mark.state is ItemState.HELD:
        if mark.link is None:
            errors.append(error(N_("Work plan item {item}: say which meeting or visit held it")))
        elif mark.link.kind not in LINK_KINDS:
            errors.append(error(N_("Work plan item {item}: a link to a {kind} is not known"),
                                kind=mark.link.kind))
        elif link_day is not None:
            if month_of(link_day) < month:
                errors.append(error(N_("Work plan item {item}: the {kind} of {date} is before the "
                                       "item's month {month}"),
                                    kind=Msg(LINK_KINDS[mark.link.kind]), date=link_day, month=month))
            elif not window[0] <= link_day <= window[1]:
                errors.append(error(N_("Work plan item {item}: the {kind} of {date} is outside the "
                                       "academic year"), kind=Msg(LINK_KINDS[mark.link.kind]), date=link_day))
            elif link_day > today:
                errors.append(error(N_("Work plan item {item}: the {kind} of {date} has not happened "
                                       "yet"), kind=Msg(LINK_KINDS[mark.link.kind]), date=link_day))
        if mark.month is not None:
            errors.append(error(N_("Work plan item {item}: a held item is not moved")))
    elif mark.state is ItemState.MOVED:
        if mark.month is None:
            errors.append(error(N_("Work plan item {item}: say to which month it is moved")))
        elif not month_of(window[0]) <= mark.month <= month_of(window[1]):
            errors.append(error(N_("Work plan item {item}: month {month} is outside the academic year"),
                                month=mark.month))
        elif mark.month == month:
            errors.append(error(N_("Work plan item {item}: it is moved to the month it is planned in")))
    if mark.state is not ItemState.HELD:
        if not (mark.reason or "").strip():
            errors.append(error(N_("Work plan item {item}: say why it is moved or cancelled")))
        if mark.link is not None:
            errors.append(error(N_("Work plan item {item}: only a held item links to a record")))
    if mark.state is ItemState.CANCELLED and mark.month is not None:
        errors.append(error(N_("Work plan item {item}: a cancelled item is not moved")))
    return errors


def unapproved_mark_errors(association: Association) -> list[DomainError]:
    """A plan that is not approved carries no marks (they follow the approved plan)."""
    plan = association.work_plan
    if plan is None or plan.approved is not None:
        return []
    return [DomainError(Rule.WORK_PLAN_APPROVAL,
                        N_("Work plan item {item}: marks are put on an approved plan only (п. 28)"),
                        {"item": index}, record=association.id, field=f"work_plan.items[{index}].mark")
            for index, item in enumerate(plan.items, start=1) if item.mark is not None]
