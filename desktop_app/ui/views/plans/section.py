"""Calendar-thematic plans (KTP) of the academic year: filters and counts per status, the path to
approval (rules 6, 10: submit, consider at a meeting, revise, agree, approve, new version), the
history of each plan and its PDF. Buttons follow the role and the status by the domain's rule
(``domain.plans.allowed_steps``); the service still decides. The filters are ``PlanFilterBar``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from math import ceil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import Association, PlanStatus
from desktop_app.domain.errors import UserError
from desktop_app.domain.plans import Step, may_write_plans
from desktop_app.i18n import N_, _
from desktop_app.services.plans import (
    CHOICES,
    VALUES,
    PlanFacets,
    PlanKey,
    PlanListing,
    PlanOrder,
    PlanQuery,
    PlanSummary,
    PlanYear,
)
from desktop_app.ui.labels import short_date
from desktop_app.ui.models.paged import PagedTableModel
from desktop_app.ui.models.plan_list import SUBJECT_COLUMN, TEACHER_COLUMN, PlanListEntry, caption, plan_columns
from desktop_app.ui.models.plan_query import listed, needs_values
from desktop_app.ui.models.sorting import fold, kazakh_key
from desktop_app.ui.models.table import Column
from desktop_app.ui.session import local
from desktop_app.ui.views.plans.dialogs import PlanDialogsView
from desktop_app.ui.widgets.message_label import MessageLabel
from desktop_app.ui.widgets.paged_cells import PagedCellDelegate
from desktop_app.ui.widgets.plan_actions import PlanActions
from desktop_app.ui.widgets.plan_details import PlanDetails, plan_details_text
from desktop_app.ui.widgets.plan_filters import PlanFilterBar
from desktop_app.ui.widgets.view import View, fit_columns

#: Lines of the list read at a time as it is scrolled (two screens of them at 1366×768). The first
#: read is a screenful and ``AHEAD`` more (``first_page``): what is painted at once, and no more.
PAGE = 40
AHEAD = 6


class PlansView(PlanDialogsView):
    title = N_("Calendar-thematic plans")
    note = N_("The KTPs of the selected academic year and where each stands on the way to approval.")

    def columns(self) -> Sequence[Column[PlanListEntry]]:
        return plan_columns()

    # Building ----------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        super()._build_ui()
        self.bodies: list[Association] = []
        self._names: dict[str, str] = {}
        self._subjects: dict[str, str] = {}
        self._meetings: dict[str, tuple[int, date]] = {}  # number and date of the meetings named
        self.facets: PlanFacets | None = None  # the year's, of the kinds read (``_read_kinds``)
        self._read_kinds: frozenset[str] = frozenset()
        self._asked: tuple[str, ...] = ()  # the kinds the section's read was asked for
        self._first: tuple[int, int] | None = None  # the table's height and the lines read first (``first_page``)
        self._counts = dict.fromkeys(PlanStatus, 0)
        # The list is read a page at a time in the order of the column chosen (storage.plan_pages).
        self.pages: PagedTableModel[PlanListEntry] = PagedTableModel(self.columns(), self, page=PAGE)
        self.model = self.pages
        # The table shows the pages themselves: the search and the order are the query's, and a
        # filtering proxy between them cost each painted cell ~16 more calls into Python (and
        # one call per line of the list each time it is read).
        self.table.setModel(self.pages)
        self.table.setItemDelegate(PagedCellDelegate(self.pages, self.table))  # texts laid out once
        self._current: PlanQuery | None = None
        self._counted: PlanQuery | None = None  # the filters the counts per status are of
        self._reloading = False
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The last column fills the table from the first fit on (``_fit``): stretched when the
        # section is first shown, it would tell the table, which repaints every cell again a turn
        # after the first paint (a screen of a large school's plans: ~3 ms more).
        self.table.horizontalHeader().setStretchLastSection(False)
        self.filter_bar = PlanFilterBar(self)
        bar = self.filter_bar
        bar.wanted = self._want_choices
        self.body_filter, self.teacher_filter, self.subject_filter, self.grade_filter, self.status_filter = (
            bar.body, bar.teacher, bar.subject, bar.grade, bar.status)
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.counts_label.setObjectName("viewNote")

        self.buttons = a = PlanActions(self)
        self.new_button, self.open_button, self.import_button = a.new, a.open, a.import_file
        self.folder_button = a.folder
        self.history_button, self.print_button, self.doc_language = a.history, a.print, a.doc_language
        self.submit_button, self.consider_button, self.revise_button = a.submit, a.consider, a.revise
        self.agree_button, self.approve_button, self.version_button = a.agree, a.approve, a.version
        a.show_for(self.session.actor)

        self.details = PlanDetails(self)
        self.message = MessageLabel(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, self.filter_bar)
        layout.insertWidget(3, self.counts_label)
        layout.insertLayout(4, a.records)
        layout.insertLayout(5, a.steps)
        layout.addWidget(self.details)
        layout.addWidget(self.message)

    def filters(self) -> tuple[QComboBox, ...]:
        return self.filter_bar.combos()

    def step_buttons(self) -> tuple[QPushButton, ...]:
        return self.buttons.step_buttons()

    def _connect(self) -> None:
        self.filter_bar.changed.connect(self.apply_filters)
        self.pages.order_changed.connect(self._order_changed)
        self.pages.outdated.connect(self._outdated)
        self.table.selectionModel().selectionChanged.connect(
            lambda _s, _d: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.new_button.clicked.connect(self.new_plan)
        self.open_button.clicked.connect(self.open_selected)
        self.import_button.clicked.connect(self.import_from_file)
        self.folder_button.clicked.connect(self.import_folder)
        self.history_button.clicked.connect(self.show_history)
        self.print_button.clicked.connect(self.ask_print)
        self.submit_button.clicked.connect(self.submit)
        self.consider_button.clicked.connect(self.consider)
        self.revise_button.clicked.connect(self.revise)
        self.agree_button.clicked.connect(self.ask_agree)
        self.approve_button.clicked.connect(self.ask_approve)
        self.version_button.clicked.connect(self.ask_new_version)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.filter_bar.retranslate_ui()
        self.buttons.retranslate_ui()
        self._update_counts()
        self._show_details()

    # Loading: the list is read a page at a time, filtered, searched and ordered in SQL ----------
    def load(self) -> Sequence[PlanListEntry]:
        """The first page of the list as the filters, the search and the order now choose it."""
        if self.year is None:
            return []
        s = self.session
        return [self._entry(line) for line in s.services.plans.page(s.actor, s.school, self._query(), 0, PAGE)]

    def refresh(self) -> None:
        """Read the section again in one service call (names, associations, the filters' choices,
        the first page and the counts); the filters keep their values where the year has them."""
        s = self.session
        # Kept selected if still listed; a plan of another year (the year was switched) is not
        # looked for among this year's ~1000 (one query less).
        year = self.year.id if self.year is not None else None
        chosen = [p.id for p in self.selected_plans() if p.academic_year == year]
        self._keeps_agreement = None  # the school setting is read again (PlanStepsView.keeps_agreement)
        self._meetings.clear()
        self._counted = None
        if self.year is None:
            self.bodies, self.facets, self._read_kinds = [], None, frozenset()
            self.filter_bar.set_bodies([])
            self.filter_bar.fill(teachers=[], subjects=[], grades=[])
            self._show(chosen)
            return
        # The filters' choices and the year's classes and hours only when the list needs them now
        # (a filter chosen, a search, that order); else when they are reached for.
        kinds = (CHOICES if self.filter_bar.chosen() else ()) + (
            VALUES if needs_values(self.search_text, self.pages.sort_order()[0]) else ())
        self.facets, self._read_kinds, self._asked = None, frozenset(), kinds  # the other year's are gone
        read = s.services.plans.section(s.actor, s.school, self.year.id, self._query_of, self.first_page(),
                                        facets=kinds)
        self._show(chosen, listed=(read.query, read.listing))

    def first_page(self) -> int:
        """How many lines the first read gives: the table's screenful and ``AHEAD`` (a hidden table:
        ``PAGE``). Kept while the table's height changes by less than half of ``AHEAD`` lines (its
        lines still fill it): a new count would add or drop lines below it and repaint it all at a
        keystroke. Qt reads the next page itself when the lines do not fill the table."""
        if not self.table.isVisible():
            return PAGE
        line = max(self.table.verticalHeader().defaultSectionSize(), 1)
        height = self.table.viewport().height()
        if self._first is None or abs(height - self._first[0]) > line * AHEAD // 2:
            self._first = (height, ceil(height / line) + AHEAD)
        return self._first[1]

    def _query_of(self, year: PlanYear, keys: Callable[[PlanQuery], list[PlanKey]]) -> PlanQuery:
        """The window's part of ``PlanService.section``: keep what the year has, fill the filters
        with it (each keeps its value where the year has it; not read, they are when one is
        reached for), and make the list's query of them."""
        self._names = year.names
        self._subjects = {subject.id: local(subject.name) for subject in year.subjects}
        self.bodies = sorted((b for b in year.bodies if b.kind != "council"), key=lambda b: kazakh_key(local(b.name)))
        self.filter_bar.set_bodies(self.bodies)
        self.facets = year.facets
        self._read_kinds = frozenset(self._asked if year.facets is not None else ())
        if year.facets is not None and self._read_kinds.issuperset(CHOICES):
            self._fill_choices(year.facets)
        else:
            self.filter_bar.mark_stale()
        return self._query(keys)

    def _fill_choices(self, facets: PlanFacets) -> None:
        names, subjects = self._names, self._subjects
        self.filter_bar.fill(
            teachers=sorted(((t, names.get(t, t)) for t in facets.teachers), key=lambda pair: kazakh_key(pair[1])),
            subjects=sorted(((i, subjects.get(i, i)) for i in facets.subjects), key=lambda pair: kazakh_key(pair[1])),
            grades=sorted(facets.grades))

    def _year_facets(self, kinds: Sequence[str]) -> PlanFacets:
        """The year's distinct values of ``kinds`` (``CHOICES``, ``VALUES``), read now if the list
        was read without them."""
        missing = [kind for kind in kinds if kind not in self._read_kinds]
        if missing:
            assert self.year is not None
            s = self.session
            found = s.services.plans.facets(s.actor, s.school, self.year.id, missing)
            self.facets = found if self.facets is None else self.facets.with_kinds(found, missing)
            self._read_kinds |= set(missing)
        assert self.facets is not None
        return self.facets

    def _want_choices(self) -> None:
        """A stale filter was reached for: its choices, read now."""
        self._fill_choices(self._year_facets(CHOICES))

    def _query(self, keys: Callable[[PlanQuery], list[PlanKey]] | None = None) -> PlanQuery:
        """The plans of the year the filter bar, the search and the chosen column ask for."""
        assert self.year is not None
        s = self.session
        query = self.filter_bar.query(s.school, self.year.id)
        column, order = self.pages.sort_order()
        values = self._year_facets(VALUES) if needs_values(self.search_text, column) else None
        return listed(query, self.search_text, column, order == Qt.SortOrder.DescendingOrder,
                      values, self._names, self._subjects,
                      partial(keys, query) if keys is not None else partial(s.services.plans.keys, s.actor, s.school,
                                                                           query))

    def _entry(self, line: PlanSummary) -> PlanListEntry:
        plan = line.plan
        return PlanListEntry(plan, self._names.get(plan.teacher, plan.teacher),
                             self._subjects.get(plan.subject, plan.subject), line.lessons)

    def _show(self, chosen: Sequence[str], fit: bool = True,
              listed: tuple[PlanQuery, PlanListing] | None = None) -> None:
        """Read the list again (first page, counts; ``listed``: already read) and keep ``chosen``
        selected where listed; ``fit``: the columns to the new lines (not at a search or a new
        order, as before paging)."""
        s = self.session
        self._reloading = True  # the selection is given back below: the details change once, not twice
        if self.year is None:
            self._current = None
            self._counts = dict.fromkeys(PlanStatus, 0)
            self.pages.set_page([], 0, None)
        else:
            query = listed[0] if listed is not None else self._query()
            # The counts do not follow the search or the order: read again when a filter changes.
            counted = replace(query, status=None, search=None, order=PlanOrder())
            listing = listed[1] if listed is not None else s.services.plans.listing(
                s.actor, s.school, query, self.first_page(), counts=counted != self._counted)
            if listing.counts is not None:
                self._counts = {status: listing.counts.get(status.value, 0) for status in PlanStatus}
                self._counted = counted

            def more(offset: int, limit: int) -> list[PlanListEntry]:
                return [self._entry(line) for line in s.services.plans.page(s.actor, s.school, query, offset, limit)]

            self._current = query
            self.pages.set_page([self._entry(line) for line in listing.first], listing.total, more)
        self._update_counts()
        self._update_empty()
        if fit:
            self._fit()
        self.select_plans(chosen)
        self._reloading = False
        self._selection_changed()

    def _fit(self) -> None:
        """The columns to the new lines, painted once (``fit_columns`` lays the section out first:
        its counts may take two lines, a list longer than the screen gets its scroll bar). The
        teacher's and the subject's columns fit every name of the school, not only those of the
        first lines: a longer one further down is not cut short while the status has room."""
        fit_columns(self.table, more={TEACHER_COLUMN: self._names.values(), SUBJECT_COLUMN: self._subjects.values()})

    def set_filter(self, combo: QComboBox, value: str) -> None:
        """Choose a filter value by its id (for tests and links from other sections)."""
        self.filter_bar.ensure_filled()
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def apply_filters(self) -> None:
        self._show([p.id for p in self.selected_plans()])

    def set_search(self, text: str) -> None:
        same = fold(text.strip()) == fold(self.search_text.strip())
        View.set_search(self, text)  # the search is the query's, not the proxy's
        if not same:
            self._show([p.id for p in self.selected_plans()], fit=False)

    def _outdated(self) -> None:
        """The list changed meanwhile (a line it counted is gone): read again, with its counts."""
        self._counted = None
        self._show([p.id for p in self.selected_plans()], fit=False)

    def _order_changed(self) -> None:
        if self.year is not None:
            self._show([p.id for p in self.selected_plans()], fit=False)

    def select_record(self, record: str) -> None:
        """An Overview line was opened: show the plan even if the filters hid it, and select it."""
        if self.year is not None:
            s = self.session
            if not s.services.plans.positions(s.actor, s.school, replace(self._query(), search=None), [record]):
                self.filter_bar.clear_all()
                self.apply_filters()
        self.select_plan(record)

    def _selection_changed(self) -> None:
        if self._reloading:
            return
        plans = self.selected_plans()
        one = plans[0] if len(plans) == 1 else None
        steps = self.allowed(one) if one is not None else set()
        if one is not None:  # a KTP is printed in its own language unless the user picks the other
            self.doc_language.setCurrentIndex(max(self.doc_language.findData(one.language.value), 0))
        self.submit_button.setEnabled(Step.SUBMIT in steps)
        self.consider_button.setEnabled(Step.CONSIDER in steps)
        self.revise_button.setEnabled(Step.REVISE in steps)
        self.version_button.setEnabled(Step.NEW_VERSION in steps)
        # Several at once: only when every selected plan may take the step. If the list is stale
        # (another user moved a plan meanwhile) the service refuses, naming the plan that stopped it.
        self.agree_button.setEnabled(bool(plans) and all(Step.AGREE in self.allowed(p) for p in plans))
        self.approve_button.setEnabled(bool(plans) and all(Step.APPROVE in self.allowed(p) for p in plans))
        for button in (self.open_button, self.history_button, self.print_button):
            button.setEnabled(one is not None)
        actor = self.session.actor
        may_write = may_write_plans(actor)
        self.new_button.setEnabled(self.year is not None and may_write)
        self.import_button.setEnabled(self.year is not None and may_write)
        self.folder_button.setEnabled(self.year is not None and actor.may(Action.EDIT_PLAN))
        self._show_details()

    def _show_details(self) -> None:
        chosen = self.selected()
        self.details.show_text(None if chosen is None else plan_details_text(
            chosen.plan, caption(chosen), self.session_names(), self.meeting_text))

    def meeting_text(self, meeting_id: str) -> str:
        """"meeting No. 2 of 06.11.2026" in the window's language; the id if it cannot be read."""
        s = self.session
        if meeting_id not in self._meetings:  # read once per reload, not at each change of selection
            try:
                meeting = s.services.meetings.get(s.actor, s.school, meeting_id)
            except UserError:
                return meeting_id
            self._meetings[meeting_id] = (meeting.number, meeting.date)
        number, day = self._meetings[meeting_id]
        return _("meeting No. {number} of {date}").format(number=number, date=short_date(day))

    def session_names(self) -> dict[str, str]:
        """Short names of the school's teachers (the agreement and approval name them by id)."""
        return self._names
