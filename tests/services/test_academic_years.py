"""Academic years: calendar presets and the terms inside the year."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.errors import Rule
from desktop_app.services.schools import load_presets
from tests.services.conftest import SCHOOL, Env, d, year_2027


def test_preset_of_an_existing_year_is_refused_as_a_duplicate(env: Env) -> None:
    env.refused(lambda: env.s.schools.create_year_from_preset(env.actor("admin"), SCHOOL, "2025-2026"),
                Rule.UNIQUE_ID, "2025-2026", None)


def test_unknown_preset_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.schools.create_year_from_preset(env.actor("admin"), SCHOOL, "1999-2000"),
                Rule.REFERENCE, "1999-2000", None)


def test_presets_mark_2026_2027_as_not_official() -> None:
    presets = {p.year.id: p for p in load_presets()}
    assert presets["2025-2026"].official is True
    assert presets["2026-2027"].official is False
    assert presets["2026-2027"].status.startswith("draft")
    assert presets["2026-2027"].year.window == (d("2026-08-01"), d("2027-07-31"))


def test_year_with_a_term_outside_is_refused(env: Env) -> None:
    year = year_2027()
    broken = replace(year, terms=[*year.terms[:3], replace(year.terms[3], end=d("2028-06-30"))])
    env.refused(lambda: env.s.schools.save_year(env.actor("admin"), SCHOOL, broken), Rule.VALUE, "2027-2028",
                "terms")
