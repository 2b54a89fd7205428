"""Why a document is refused: problems, each naming its JSON path, record and rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.errors import DomainError, Rule, Translate, rule_label
from desktop_app.domain.validation import Finding


@dataclass(frozen=True)
class Problem:
    """One reason why a document is refused."""

    #: JSON path: ``associations[4].members[2].teacher``; ``$`` for the whole document.
    path: str
    #: Id of the enclosing top-level record (or of the school), when known.
    record: str | None
    rule: Rule
    #: Untranslated msgid with ``{name}`` placeholders.
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def render_message(self, translate: Translate | None = None) -> str:
        return DomainError(self.rule, self.message, dict(self.params)).render(translate)

    def render(self, translate: Translate | None = None) -> str:
        """One line in the style of spec/cli.md: ``path (id): п. 23 — message``."""
        where = self.path if self.record is None else f"{self.path} ({self.record})"
        return f"{where}: {rule_label(self.rule, translate)} — {self.render_message(translate)}"

    def __str__(self) -> str:
        return self.render()

    @classmethod
    def from_finding(cls, finding: Finding) -> Problem:
        error = finding.error
        return cls(finding.full_path, finding.record, error.rule, error.message, dict(error.params))


class ExchangeError(Exception):
    """A document that is refused, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self, translate: Translate | None = None) -> str:
        return "\n".join(p.render(translate) for p in self.problems)

    def lines(self, translate: Translate | None = None) -> list[str]:
        return [p.render(translate) for p in self.problems]


def _root_problem(message: str, **params: Any) -> ExchangeError:
    return ExchangeError([Problem("$", None, Rule.SCHEMA, message, params)])


def root_problem(message: str, **params: Any) -> ExchangeError:
    """A refusal of the whole document (``$``)."""
    return ExchangeError([Problem("$", None, Rule.SCHEMA, message, params)])
