"""Issue 18 point 8: marks on the items of an approved work plan, through the service on both
backends; every refusal names the rule, the record and the item's field and writes nothing."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.entities import ItemLink, ItemMark, ItemState, LocalizedText
from desktop_app.domain.errors import Rule
from desktop_app.services.attention import AttentionKind
from tests.services.conftest import SCHOOL, Env, d, work_plan

BODY = "mo-math-26"  # approved; items of 2026-08 and 2026-11; meetings of 27.08 and 06.11.2026


def held(kind: str, record: str) -> ItemMark:
    return ItemMark(ItemState.HELD, d("2026-11-27"), ItemLink(kind, record))


def test_the_head_marks_an_item_held_by_the_associations_meeting(env: Env) -> None:
    head = env.actor("head")
    env.s.work_plans.mark_item(head, SCHOOL, BODY, 1, held("meeting", "m-math-26-1"))
    env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, held("lesson_visit", "v-1"))
    plan = env.s.associations.get(head, SCHOOL, BODY).work_plan
    assert plan is not None
    assert [i.mark for i in plan.items] == [held("meeting", "m-math-26-1"), held("lesson_visit", "v-1")]
    env.s.work_plans.mark_item(env.actor("admin"), SCHOOL, BODY, 2, None)
    plan = env.s.associations.get(head, SCHOOL, BODY).work_plan
    assert plan is not None and plan.items[1].mark is None
    assert env.sql("SELECT action FROM audit_events WHERE action = 'work_plan.mark'") != []


def test_moved_and_cancelled_need_a_reason_and_a_month_of_the_year(env: Env) -> None:
    head = env.actor("head")
    moved = ItemMark(ItemState.MOVED, d("2026-11-27"), month="2027-02", reason="Курсы повышения квалификации")
    env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, moved)
    field = "work_plan.items[2].mark"
    env.refused(lambda: env.s.work_plans.mark_item(
        head, SCHOOL, BODY, 2, ItemMark(ItemState.MOVED, d("2026-11-27"), month="2027-09", reason="x")),
        Rule.WORK_PLAN_APPROVAL, BODY, field)
    env.refused(lambda: env.s.work_plans.mark_item(
        head, SCHOOL, BODY, 2, ItemMark(ItemState.CANCELLED, d("2026-11-27"), reason="  ")),
        Rule.WORK_PLAN_APPROVAL, BODY, field)
    env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, ItemMark(ItemState.CANCELLED, d("2026-11-27"),
                                                               reason="Жоспардан алынды"))


def test_a_held_mark_refuses_an_earlier_a_foreign_or_an_unknown_record(env: Env) -> None:
    head = env.actor("head")
    field = "work_plan.items[2].mark"
    # the meeting of 27.08 is before the item's month (November)
    error = env.refused(lambda: env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, held("meeting", "m-math-26-1")),
                        Rule.WORK_PLAN_APPROVAL, BODY, field)
    assert "2026-11" in str(error.render())
    env.refused(lambda: env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, held("meeting", "m-none")),
                Rule.REFERENCE, BODY, field)
    env.refused(lambda: env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, held("event", "ev-1")),
                Rule.REFERENCE, BODY, field)
    env.refused(lambda: env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, held("olympiad", "ol-1")),
                Rule.WORK_PLAN_APPROVAL, BODY, field)
    env.refused(lambda: env.s.work_plans.mark_item(head, SCHOOL, BODY, 3, held("meeting", "m-math-26-2")),
                Rule.WORK_PLAN_APPROVAL, BODY, "work_plan.items[3].mark")


def test_marks_only_on_an_approved_plan_and_only_by_the_head_or_the_administrator(env: Env) -> None:
    head2 = env.actor("head2")
    env.s.associations.save_work_plan(head2, SCHOOL, "mo-kaz-26", work_plan())
    env.refused(lambda: env.s.work_plans.mark_item(
        head2, SCHOOL, "mo-kaz-26", 1, ItemMark(ItemState.CANCELLED, d("2026-11-27"), reason="x")),
        Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan.items[1].mark")
    marked = work_plan()
    marked.items[0].mark = ItemMark(ItemState.CANCELLED, d("2026-11-27"), reason="x")
    env.refused(lambda: env.s.associations.save_work_plan(head2, SCHOOL, "mo-kaz-26", marked),
                Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan.items[1].mark")
    for key in ("head2", "teacher", "director", "viewer"):
        env.denied(lambda key=key: env.s.work_plans.mark_item(
            env.actor(key), SCHOOL, BODY, 1, held("meeting", "m-math-26-1")))


def test_theme_goal_and_tasks_are_saved_with_the_plan(env: Env) -> None:
    head2 = env.actor("head2")
    plan = work_plan()
    plan.theme = LocalizedText("Оқушылардың функционалдық сауаттылығы", "Функциональная грамотность учащихся")
    plan.goal = LocalizedText("Сабақ сапасын арттыру", None)
    plan.tasks = LocalizedText(None, "1. Взаимопосещение уроков.\n2. Подготовка к олимпиадам.")
    env.s.associations.save_work_plan(head2, SCHOOL, "mo-kaz-26", plan)
    stored = env.s.associations.get(head2, SCHOOL, "mo-kaz-26").work_plan
    assert stored is not None
    assert (stored.theme, stored.goal, stored.tasks) == (plan.theme, plan.goal, plan.tasks)


def test_link_choices_are_the_associations_meetings_and_the_members_visits(env: Env) -> None:
    choices = env.s.work_plans.link_choices(env.actor("head"), SCHOOL, BODY)
    assert [(c.kind, c.id) for c in choices] == [
        ("meeting", "m-math-26-1"), ("meeting", "m-math-26-2"), ("lesson_visit", "v-1"), ("lesson_visit", "v-2")]


# --- the Overview (services/attention.py) ------------------------------------------------------


def _lines(env: Env, kind: AttentionKind, key: str = "admin", today: date = date(2026, 11, 27)) -> dict[str, str]:
    items = env.s.attention.items(env.actor(key), SCHOOL, "2026-2027", today)
    return {i.record: i.title.format(**{k: v for k, v in i.params.items()}) for i in items if i.kind is kind}


def test_the_overview_lists_plans_not_approved_from_september(env: Env) -> None:
    unapproved = AttentionKind.WORK_PLAN_UNAPPROVED
    assert set(_lines(env, unapproved)) == {"mo-kaz-26", "mo-prim-26", "council-26"}
    assert _lines(env, unapproved, today=date(2026, 8, 31)) == {}
    assert _lines(env, unapproved, today=date(2027, 8, 2)) == {}  # the year is over
    assert set(_lines(env, unapproved, "head2")) == {"mo-kaz-26"}
    assert _lines(env, unapproved, "teacher") == {}
    env.s.associations.save_work_plan(env.actor("head2"), SCHOOL, "mo-kaz-26", work_plan())
    env.s.associations.approve_work_plan(env.actor("director"), SCHOOL, "mo-kaz-26", d("2026-11-27"))
    assert "mo-kaz-26" not in _lines(env, unapproved)


def test_the_overview_counts_items_whose_month_passed_without_a_mark(env: Env) -> None:
    unmarked = AttentionKind.WORK_PLAN_UNMARKED
    # mo-math-26: items of 2026-08 and 2026-11; in November only August has passed
    assert list(_lines(env, unmarked)) == ["mo-math-26"]
    december = [i for i in env.s.attention.items(env.actor("admin"), SCHOOL, "2026-2027", date(2026, 12, 1))
                if i.kind is unmarked]
    assert [(i.params["count"], i.params["date"]) for i in december] == [(2, date(2026, 8, 1))]
    env.s.work_plans.mark_item(env.actor("head"), SCHOOL, BODY, 1, held("meeting", "m-math-26-1"))
    assert _lines(env, unmarked) == {}
    assert set(_lines(env, unmarked, "head")) == set()
    assert list(_lines(env, unmarked, today=date(2026, 12, 1))) == ["mo-math-26"]
    assert _lines(env, unmarked, "head2", today=date(2026, 12, 1)) == {}


def test_an_item_is_held_by_an_event_of_methodical_work_once_the_event_is_held(env: Env) -> None:
    """A seminar of the plan held as an event (п. 20): the link is offered and accepted only once
    the event is marked held."""
    from tests.services.test_events import seminar

    head, admin = env.actor("head"), env.actor("admin")
    event = env.s.events.save(admin, SCHOOL, seminar(start=d("2026-11-18")))
    field = "work_plan.items[2].mark"
    assert ("event", event.id) not in {(c.kind, c.id) for c in env.s.work_plans.link_choices(head, SCHOOL, BODY)}
    env.refused(lambda: env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, held("event", event.id)),
                Rule.REFERENCE, BODY, field)
    env.s.events.hold(admin, SCHOOL, event.id)
    assert ("event", event.id) in {(c.kind, c.id) for c in env.s.work_plans.link_choices(head, SCHOOL, BODY)}
    env.s.work_plans.mark_item(head, SCHOOL, BODY, 2, held("event", event.id))
    plan = env.s.associations.get(head, SCHOOL, BODY).work_plan
    assert plan is not None and plan.items[1].mark == held("event", event.id)
