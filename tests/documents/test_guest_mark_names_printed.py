"""A protocol whose members from other schools (п. 21) the database no longer knows names them by the
name each mark kept, on its first page and in the appendix of those present; in words only a mark
that never had a name. The context here has no guest members nor guest names: as a database
without that school gives it."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from desktop_app.documents.common import DocumentContext
from desktop_app.domain.entities import GuestAttendance, SchoolRecords
from desktop_app.domain.labels import UNKNOWN_TEACHER
from desktop_app.i18n import gettext_for
from tests.documents.test_documents import LANGS, _big_meeting, ctx, flat, meeting, pages, protocol, records

__all__ = ["ctx", "records"]  # the fixtures, used by name

KEPT, GONE = "Иванова Ольга Петровна", "Серікбай Дәулет Асқарұлы"
PRESENT = {"ru": "Присутствовали из других школ:", "kk": "Басқа мектептерден қатысқандар:"}
ABSENT = {"ru": "Отсутствовали из других школ:", "kk": "Басқа мектептерден қатыспағандар:"}


@pytest.mark.parametrize("language", LANGS)
def test_the_kept_names_are_printed(records: SchoolRecords, ctx: DocumentContext, language: str) -> None:
    words = gettext_for(language)(UNKNOWN_TEACHER)
    marks = [GuestAttendance("school-9", "t-03", True, name=KEPT),
             GuestAttendance("school-9", "t-04", False, "курсы", name=GONE),
             GuestAttendance("school-9", "t-05", True)]  # marked before names were kept, teacher gone since
    text = flat(protocol(replace(meeting(records, "m-math-26-2"), guest_attendance=marks), ctx, language))
    assert f"{PRESENT[language]} {KEPT}; {words}" in text, text
    assert f"{ABSENT[language]} {GONE} — курсы" in text, text
    assert "school-9" not in text and "t-0" not in text, text


@pytest.mark.parametrize("language", LANGS)
def test_the_appendix_lists_them_by_the_kept_name(records: SchoolRecords, ctx: DocumentContext,
                                                   language: str) -> None:
    big, context = _big_meeting(records, ctx, 21)
    marks = [GuestAttendance("school-9", "t-03", True, name=KEPT), GuestAttendance("school-9", "t-05", True)]
    texts = pages(protocol(replace(big, guest_attendance=marks), context, language))
    appendix = re.sub(r"\s+", " ", texts[-1])
    assert f"22 {KEPT}" in appendix and f"23 {gettext_for(language)(UNKNOWN_TEACHER)}" in appendix, appendix
