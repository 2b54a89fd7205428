"""A text longer than its column is refused the same on SQLite and on a PostgreSQL server, naming
the record, the field and the text, in the user's language; one that fits is saved whole."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, MetaData, String, Table, Text

from desktop_app import i18n
from desktop_app.domain.entities import Person, Speech
from desktop_app.domain.errors import RECORD_KINDS as ERROR_KINDS
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.storage.lengths import RECORD_KINDS, refuse_too_long
from tests.services.conftest import SCHOOL, Env, meeting, teacher


def test_a_name_longer_than_its_column_is_refused_and_nothing_is_saved(env: Env) -> None:
    admin = env.actor("admin")
    long_name = "Ә" * 101  # last_name is VARCHAR(100)
    error = env.refused(lambda: env.s.teachers.save(admin, SCHOOL, teacher(long_name, teacher_id="t-50")),
                        Rule.VALUE, "t-50", "last_name")
    assert error.params["length"] == 101 and error.params["limit"] == 100
    saved = env.s.teachers.save(admin, SCHOOL, teacher("Ә" * 100, teacher_id="t-50"))
    assert env.s.teachers.get(admin, SCHOOL, saved.id).last_name == "Ә" * 100  # the limit fits, whole


def test_a_speaker_of_a_protocol_too_long_is_refused_with_the_protocol_named(env: Env) -> None:
    head = env.actor("head")
    draft = meeting()
    speaker = Person("Сұлтанбекова " * 16)  # 208 characters: speaker_name is VARCHAR(200)
    item = replace(draft.agenda[0], heard=[Speech(Person(speaker.name.strip()), "Баяндама")])
    too_long = replace(draft, id="m-long", agenda=[item])
    error = env.refused(lambda: env.s.meetings.save(head, SCHOOL, too_long), Rule.VALUE, "m-long", "speaker_name")
    fitting = replace(item, heard=[Speech(Person(speaker.name[:200].strip()), "Баяндама")])
    saved = env.s.meetings.save(head, SCHOOL, replace(too_long, agenda=[fitting]))
    heard = env.s.meetings.get(head, SCHOOL, saved.id).agenda[0].heard[0].speaker
    assert isinstance(heard, Person) and heard.name == speaker.name[:200].strip()
    assert error.kind == "meeting"


@pytest.mark.parametrize(("language", "characters"), [("kk", "таңба"), ("ru", "символ")])
def test_the_refusal_reads_in_the_users_language(env: Env, language: str, characters: str) -> None:
    with pytest.raises(DomainError) as caught:
        env.s.teachers.save(env.actor("admin"), SCHOOL, teacher("Қ" * 150, teacher_id="t-51"))
    shown = caught.value.render(i18n.gettext_for(language))
    assert "t-51" in shown and "150" in shown and "100" in shown and "«" + "Қ" * 40 + "…»" in shown
    assert caught.value.message not in shown  # translated, not the msgid
    kind = i18n.gettext_for(language)("teacher")
    assert kind in shown and kind != "teacher"
    assert characters in shown


_TABLE = Table("things", MetaData(), Column("id", String(64)), Column("name", String(12)), Column("notes", Text))


@given(name=st.text(min_size=0, max_size=60), notes=st.text(max_size=500))
def test_a_text_is_refused_exactly_when_longer_than_its_column(name: str, notes: str) -> None:
    rows = {"things": [{"id": "x-1", "name": name, "notes": notes}]}
    if len(name) > 12:
        with pytest.raises(DomainError) as caught:
            refuse_too_long({"things": _TABLE}, rows, "things", "x-1")
        assert caught.value.field == "name" and caught.value.params["length"] == len(name)
        assert caught.value.record == "x-1" and caught.value.rule is Rule.VALUE
        start = caught.value.params["start"]  # the text quoted as far as 40 letters, "…" where cut
        assert start == (name[:40].rstrip() + "…" if len(name) > 40 else name)
    else:
        refuse_too_long({"things": _TABLE}, rows, "things", "x-1")  # Text has no limit


def test_every_record_kind_a_refusal_names_is_translated() -> None:
    """The kinds the refusal names its record by are the catalogue's (each has kk and ru)."""
    assert set(RECORD_KINDS.values()) <= set(ERROR_KINDS)
